#!/usr/bin/env node
// Builds corpus/fixtures/train.jsonl and corpus/fixtures/test.jsonl.
//
//   node corpus/source/build.mjs            write the files, print counts
//   node corpus/source/build.mjs --check    build in memory, fail if the files differ
//
// Rows come from two places:
//   - the seed pages in corpus/pages (article sentences, reader comments, page
//     furniture), addressed line by line in seeds.mjs;
//   - rows written for the project, in data/rows-*.txt (format below).
// Everything is deterministic: no clock, no randomness, files read in sorted order.
//
// data/articles.txt:  "=== key" starts an article; its text runs to the next "===".
// data/rows-*.txt, one row per line:
//   # comment
//   @article <key>           following rows sit under that article ("none": no article;
//                            "seed:000" … "seed:004": the article of a seed page)
//   <codes> | <text>
//   ~<codes> | <text aimed at the left> || <same sentence aimed at the right>
// <codes>: "." clean, or any of s (slur) i (insult) p (partisan_epithet) o (off_topic);
// with p, the side the epithet targets: L (Democrats, liberals), R (Republicans, MAGA),
// B (both); T marks a clean false-positive trap. A "~" line is a mirrored pair and gets
// the side from its position. In <text>, \n is a newline and \uXXXX a code point.

import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEEDS } from './seeds.mjs';
import { splitSentences, dupKey, fnv1a, toJsonLine } from './text.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const PAGES = join(ROOT, 'corpus', 'pages');
const OUT = join(ROOT, 'corpus', 'fixtures');
const DATA = join(HERE, 'data');

const LABEL_OF = { s: 'slur', i: 'insult', p: 'partisan_epithet', o: 'off_topic' };
const LABEL_ORDER = ['slur', 'insult', 'partisan_epithet', 'off_topic'];
const TEST_EVERY = 4; // one unit in four goes to test.jsonl
const TEST_SLOT = 1; // …the second of every four, so strata of two still reach test

class BuildError extends Error {}
const fail = (msg) => {
  throw new BuildError(msg);
};

// ---------------------------------------------------------------- seed pages

function seedRows() {
  const rows = [];
  const articles = {};
  for (const seed of SEEDS) {
    const tag = seed.file.slice(0, 3);
    const source = `seed:${seed.file}`;
    const lines = readFileSync(join(PAGES, seed.file), 'utf8').split('\n');
    const line = (n, expect) => {
      const text = (lines[n - 1] ?? '').trim();
      if (!text.replace(/\u00a0/g, ' ').startsWith(expect)) {
        fail(`${seed.file}:${n}: expected a line starting "${expect}", found "${text.slice(0, 60)}"`);
      }
      return text;
    };
    const paragraphs = seed.article.map(([n, expect]) => line(n, expect));
    const article = paragraphs.join('\n\n');
    articles[`seed:${tag}`] = article;

    let a = 0;
    for (const paragraph of paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        a++;
        rows.push({ id: `seed-${tag}-a${String(a).padStart(2, '0')}`, text: sentence, labels: [], article, source, kind: 'seed', role: 'article' });
      }
    }
    seed.comments.forEach((c, k) => {
      const [from, to] = c.lines;
      const first = line(from, c.expect);
      const rest = [];
      for (let n = from + 1; n <= to; n++) rest.push(lines[n - 1].trim());
      const text = [first, ...rest].join('\n');
      rows.push({ id: `seed-${tag}-c${k + 1}`, text, labels: sortLabels(c.labels), side: c.side ?? null, article, source, kind: 'seed', role: 'comment' });
    });
    seed.furniture.forEach(([n, expect], k) => {
      rows.push({ id: `seed-${tag}-f${String(k + 1).padStart(2, '0')}`, text: line(n, expect), labels: ['off_topic'], article, source, kind: 'seed', role: 'furniture' });
    });
  }
  return { rows, articles };
}

// ------------------------------------------------------------- written rows

function unescapeText(raw, where) {
  return raw.replace(/\\(n|u([0-9a-fA-F]{4}))/g, (_, what, hex) => (what === 'n' ? '\n' : String.fromCharCode(parseInt(hex, 16))))
    .replace(/\\(?![nu])/g, () => fail(`${where}: stray backslash`));
}

function parseCodes(codes, where, mirrored) {
  const labels = new Set();
  let side = null;
  let trap = false;
  let clean = false;
  for (const c of codes) {
    if (LABEL_OF[c]) labels.add(LABEL_OF[c]);
    else if (c === 'L' || c === 'R' || c === 'B') side = c;
    else if (c === 'T') trap = true;
    else if (c === '.') clean = true;
    else fail(`${where}: unknown code "${c}"`);
  }
  if (clean && labels.size > 0) fail(`${where}: "." (clean) combined with labels`);
  if (!clean && !trap && labels.size === 0) fail(`${where}: no codes`);
  if (trap && labels.size > 0) fail(`${where}: a trap must be clean`);
  const partisan = labels.has('partisan_epithet');
  if (mirrored && side) fail(`${where}: a mirrored pair takes its sides from position`);
  if (!mirrored && partisan && !side) fail(`${where}: partisan_epithet needs a side (L, R or B)`);
  if (!partisan && side) fail(`${where}: a side without partisan_epithet`);
  return { labels: sortLabels([...labels]), side, trap };
}

function parseArticles() {
  const articles = {};
  let key = null;
  let buf = [];
  const flush = () => {
    if (key) articles[key] = buf.join('\n').trim();
  };
  for (const raw of readFileSync(join(DATA, 'articles.txt'), 'utf8').split('\n')) {
    const m = raw.match(/^=== (\S+)\s*$/);
    if (m) {
      flush();
      key = m[1];
      buf = [];
    } else if (key) buf.push(raw);
  }
  flush();
  return articles;
}

function writtenRows(articles) {
  const rows = [];
  let pairNo = 0;
  const files = readdirSync(DATA).filter((f) => /^rows-.*\.txt$/.test(f)).sort();
  for (const file of files) {
    let articleKey = null;
    readFileSync(join(DATA, file), 'utf8').split('\n').forEach((raw, idx) => {
      const where = `data/${file}:${idx + 1}`;
      const line = raw.trimEnd();
      if (line.trim() === '' || line.startsWith('#')) return;
      const at = line.match(/^@article\s+(\S+)$/);
      if (at) {
        articleKey = at[1] === 'none' ? null : at[1];
        if (articleKey && !(articleKey in articles)) fail(`${where}: unknown article "${articleKey}"`);
        return;
      }
      const bar = line.indexOf(' | ');
      if (bar < 0) fail(`${where}: expected "<codes> | <text>"`);
      let codes = line.slice(0, bar).trim();
      const body = line.slice(bar + 3);
      const article = articleKey ? articles[articleKey] : undefined;
      const base = { article, articleKey, source: 'written', kind: 'written', role: 'comment', where };
      if (codes.startsWith('~')) {
        codes = codes.slice(1);
        const parts = body.split(' || ');
        if (parts.length !== 2) fail(`${where}: a mirrored pair needs "left || right"`);
        const { labels, trap } = parseCodes(codes, where, true);
        const partisan = labels.includes('partisan_epithet');
        pairNo++;
        const pair = `m${pairNo}`;
        parts.forEach((part, k) => {
          const text = unescapeText(part.trim(), where);
          rows.push({ ...base, text, labels, trap, pair, side: partisan ? (k === 0 ? 'L' : 'R') : null });
        });
      } else {
        const { labels, side, trap } = parseCodes(codes, where, false);
        rows.push({ ...base, text: unescapeText(body.trim(), where), labels, side, trap });
      }
    });
  }
  rows.forEach((r, k) => {
    r.id = `w-${String(k + 1).padStart(4, '0')}`;
  });
  return rows;
}

function sortLabels(labels) {
  return [...labels].sort((a, b) => LABEL_ORDER.indexOf(a) - LABEL_ORDER.indexOf(b));
}

// -------------------------------------------------------------------- checks

function checkRows(rows) {
  const seen = new Map();
  const problems = [];
  for (const r of rows) {
    if (r.text.trim() === '') problems.push(`${r.id}: empty text`);
    const k = dupKey(r.text);
    if (seen.has(k)) problems.push(`${r.id} (${r.where ?? r.source}) repeats ${seen.get(k).id} (${seen.get(k).where ?? seen.get(k).source}): "${r.text}"`);
    else seen.set(k, r);
    if (r.kind === 'written') {
      // 3 to 60 words; empty chatter ("First!", "bump") may be shorter.
      const words = r.text.trim().split(/\s+/).length;
      if (words > 60) problems.push(`${r.id} (${r.where}): ${words} words, over 60`);
      if (words < 3 && !r.labels.includes('off_topic')) problems.push(`${r.id} (${r.where}): ${words} words, under 3`);
    }
  }
  if (problems.length) fail(`duplicate or bad rows:\n  ${problems.join('\n  ')}`);
}

// --------------------------------------------------------------------- split

/** Rows that must land in the same file: a mirrored pair, or near-identical texts. */
function units(rows) {
  const parent = rows.map((_, k) => k);
  const find = (k) => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const join = (a, b) => {
    parent[find(a)] = find(b);
  };
  const byPair = new Map();
  const byLoose = new Map();
  rows.forEach((r, k) => {
    if (r.pair) {
      if (byPair.has(r.pair)) join(k, byPair.get(r.pair));
      else byPair.set(r.pair, k);
    }
    const loose = r.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (byLoose.has(loose)) join(k, byLoose.get(loose));
    else byLoose.set(loose, k);
  });
  const groups = new Map();
  rows.forEach((r, k) => {
    const g = find(k);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(r);
  });
  return [...groups.values()];
}

/** The kind of filter evasion a text uses, so every kind reaches both files. */
export function obfuscation(text) {
  if (/[\u00ad\u200b-\u200f\u2060\ufeff]/.test(text) && !/\p{Extended_Pictographic}\u200d/u.test(text)) return 'invisible';
  // Cyrillic or Greek letters inside a Latin word, or fullwidth Latin letters.
  if (/[A-Za-z][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z]|[\uff21-\uff5a]/.test(text)) return 'look-alike';
  if (/(?:^|[\s(])(?:[A-Za-z][ .-]){3,}[A-Za-z]/.test(text)) return 'spaced';
  if (/[A-Za-z][0-9@$!*]+[A-Za-z]/.test(text)) return 'leet-or-masked';
  if (/([a-vx-z])\1{2,}/i.test(text)) return 'stretched';
  return '';
}

function stratum(unit) {
  const r = unit[0];
  return [
    r.kind,
    r.role,
    r.labels.join('+') || 'clean',
    r.trap ? 'trap' : '',
    r.pair ? 'pair' : '',
    r.article ? 'article' : 'no-article',
    r.kind === 'written' ? obfuscation(r.text) : '',
    // The citation rows (rows-60, written later) split on their own, so that adding them moved no older row.
    r.where?.startsWith('data/rows-60-') ? 'citation' : '',
  ].join('|');
}

function split(rows) {
  const strata = new Map();
  for (const u of units(rows)) {
    const s = stratum(u);
    if (!strata.has(s)) strata.set(s, []);
    strata.get(s).push(u);
  }
  const test = new Set();
  for (const key of [...strata.keys()].sort()) {
    const list = strata.get(key);
    list.sort((a, b) => fnv1a(a[0].text) - fnv1a(b[0].text) || (a[0].text < b[0].text ? -1 : 1));
    list.forEach((u, k) => {
      if (k % TEST_EVERY === TEST_SLOT) for (const r of u) test.add(r);
    });
  }
  return { train: rows.filter((r) => !test.has(r)), test: rows.filter((r) => test.has(r)) };
}

// --------------------------------------------------------------------- stats

export function stats(rows) {
  const s = { rows: rows.length, clean: 0, slur: 0, insult: 0, partisan_epithet: 0, off_topic: 0, seed: 0, written: 0, withArticle: 0, traps: 0, pairs: 0, partisanPairs: 0, left: 0, right: 0, both: 0, seedArticle: 0, seedComment: 0, seedFurniture: 0, obfuscated: 0 };
  const pairs = new Set();
  const partisanPairs = new Set();
  for (const r of rows) {
    if (r.kind === 'seed') s[{ article: 'seedArticle', comment: 'seedComment', furniture: 'seedFurniture' }[r.role]]++;
    if (r.kind === 'written' && r.labels.some((l) => l !== 'off_topic') && obfuscation(r.text)) s.obfuscated++;
    if (r.pair && r.labels.includes('partisan_epithet')) partisanPairs.add(r.pair);
    if (r.labels.length === 0) s.clean++;
    for (const l of r.labels) s[l]++;
    s[r.kind]++;
    if (r.article) s.withArticle++;
    if (r.trap) s.traps++;
    if (r.pair) pairs.add(r.pair);
    if (r.side === 'L') s.left++;
    if (r.side === 'R') s.right++;
    if (r.side === 'B') s.both++;
  }
  s.pairs = pairs.size;
  s.partisanPairs = partisanPairs.size;
  return s;
}

function countsTable(files) {
  const cols = Object.keys(files);
  const all = Object.values(files).flat();
  const st = Object.fromEntries([...cols.map((c) => [c, stats(files[c])]), ['total', stats(all)]]);
  const names = [...cols, 'total'];
  const line = (label, key) => `| ${label} | ${names.map((n) => st[n][key]).join(' | ')} |`;
  return [
    `| | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---:').join('|')}|`,
    line('rows', 'rows'),
    line('`slur`', 'slur'),
    line('`insult`', 'insult'),
    line('`partisan_epithet`', 'partisan_epithet'),
    line('… aimed at the left (Democrats, liberals)', 'left'),
    line('… aimed at the right (Republicans, MAGA)', 'right'),
    line('… aimed at both', 'both'),
    line('`off_topic`', 'off_topic'),
    line('clean (no label)', 'clean'),
    line('… of which false-positive traps', 'traps'),
    line('mirrored pairs (left/right versions)', 'pairs'),
    line('… of which pairs of partisan epithets', 'partisanPairs'),
    line('from the seed pages', 'seed'),
    line('… article sentences (clean)', 'seedArticle'),
    line('… reader comments', 'seedComment'),
    line('… page furniture (`off_topic`)', 'seedFurniture'),
    line('written', 'written'),
    line('… labelled rows with an evasive spelling (leet, masked, spaced, look-alike, invisible, stretched)', 'obfuscated'),
    line('with an `article`', 'withArticle'),
  ].join('\n');
}

// ---------------------------------------------------------------------- main

function build() {
  const seeds = seedRows();
  const articles = { ...seeds.articles, ...parseArticles() };
  const rows = [...seeds.rows, ...writtenRows(articles)];
  checkRows(rows);
  const sides = stats(rows.filter((r) => r.labels.includes('partisan_epithet')));
  if (sides.left !== sides.right) fail(`partisan_epithet rows are unbalanced: ${sides.left} aimed at the left, ${sides.right} at the right`);
  const files = split(rows);
  const serialise = (list) =>
    list.map((r) => toJsonLine({ id: r.id, text: r.text, labels: r.labels, ...(r.article ? { article: r.article } : {}), source: r.source })).join('\n') + '\n';
  return { files, out: { 'train.jsonl': serialise(files.train), 'test.jsonl': serialise(files.test) }, table: countsTable(files) };
}

function main() {
  const check = process.argv.includes('--check');
  const { out, table } = build();
  const readmePath = join(OUT, 'README.md');
  let changed = [];
  for (const [name, content] of Object.entries(out)) {
    const path = join(OUT, name);
    const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (old !== content) changed.push(name);
    if (!check) writeFileSync(path, content);
  }
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    if (!/<!-- counts:start -->[\s\S]*?<!-- counts:end -->/.test(readme)) fail('README.md has lost its counts markers');
    const next = readme.replace(/(<!-- counts:start -->)[\s\S]*?(<!-- counts:end -->)/, `$1\n${table}\n$2`);
    if (next !== readme) {
      changed.push('README.md');
      if (!check) writeFileSync(readmePath, next);
    }
  }
  console.log(table);
  if (check && changed.length) {
    console.error(`out of date: ${changed.join(', ')} (run node corpus/source/build.mjs)`);
    process.exit(1);
  }
}

try {
  main();
} catch (e) {
  if (e instanceof BuildError) {
    console.error(`build failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
