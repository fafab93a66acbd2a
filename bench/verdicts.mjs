/**
 * Verdict dump for performance work: every optimisation must leave what `moderate()` returns
 * byte-identical. Runs the built library (dist/) over every text we have and writes one JSON
 * line per (input, moderator): the full verdict and what `normalize` made of the text.
 *
 *   npx tsup && node bench/verdicts.mjs /tmp/verdicts-before.jsonl [extra.jsonl ...]
 *   ... change code ...
 *   npx tsup && node bench/verdicts.mjs /tmp/verdicts-after.jsonl [extra.jsonl ...]
 *   node bench/verdicts.mjs --compare /tmp/verdicts-before.jsonl /tmp/verdicts-after.jsonl
 *
 * Each line carries a key (a hash of source, text and article), and --compare matches lines by
 * key: a test added since the first dump adds inputs (reported, not a failure) without
 * shifting the comparison. Any input whose line differs, or that went missing, fails.
 *
 * Inputs: corpus/fixtures/*.jsonl (with and without their article), the bench's short and long
 * comments and a cut of its adversarial inputs, every rule pack example, tests/fixtures pages,
 * string literals from the test files, and any extra JSON-lines files given (their `text`
 * fields; evaluation data stays outside the repo). Each text is also run through a few
 * deterministic evasions (case, leet, spacing, masks, repeats, look-alikes, invisibles) so the
 * slow normalisation paths are covered as well as the ASCII fast path.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createModerator } from '../dist/index.js';
import { normalize } from '../dist/index.js';
import { ROOT, adversarial, longComments, shortComments } from './lib/corpus.mjs';

if (process.argv[2] === '--compare') process.exit(await compare(process.argv[3], process.argv[4]));

const [out, ...extra] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/verdicts.mjs <out.jsonl> [extra-inputs.jsonl ...]\n       node bench/verdicts.mjs --compare <before.jsonl> <after.jsonl>');
  process.exit(2);
}

/** @type {Array<{ source: string, text: string, article?: string }>} */
const inputs = [];
const add = (source, text, article) => {
  if (typeof text !== 'string') return;
  inputs.push(article === undefined ? { source, text } : { source, text, article });
};

const jsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

for (const f of readdirSync(join(ROOT, 'corpus', 'fixtures')).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const row of jsonl(join(ROOT, 'corpus', 'fixtures', f))) {
    add(`corpus/${f}`, row.text);
    if (typeof row.article === 'string') add(`corpus/${f}+article`, row.text, row.article);
  }
}
for (const s of shortComments(5000)) add('bench/short', s);
for (const s of longComments(250)) add('bench/long', s);
for (const [name, s] of Object.entries(adversarial(1 << 16))) add(`bench/adversarial/${name}`, s);

/** Every string under an `examples` key of a rule pack, at any depth. */
const collect = (node, source) => {
  if (typeof node === 'string') add(source, node);
  else if (Array.isArray(node)) for (const x of node) collect(x, source);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) collect(v, source);
};
const walkExamples = (node, source) => {
  if (Array.isArray(node)) for (const x of node) walkExamples(x, source);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'examples') collect(v, source);
      else walkExamples(v, source);
    }
  }
};
for (const f of readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.json')).sort()) {
  walkExamples(JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')), `rules/${f}`);
}

const walk = (dir, visit) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, visit);
    else visit(p);
  }
};
walk(join(ROOT, 'tests', 'fixtures'), (p) => {
  if (!/\.(txt|jsonl?)$/.test(p)) return;
  const text = readFileSync(p, 'utf8');
  add(`tests/fixtures/${p.slice(p.indexOf('fixtures/') + 9)}`, text);
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '') add('tests/fixtures:line', line);
});
// String literals in the tests: the cases someone thought worth pinning down.
const LITERAL = /'((?:[^'\\\n]|\\.){3,400})'|"((?:[^"\\\n]|\\.){3,400})"|`((?:[^`\\$]|\\.){3,400})`/g;
walk(join(ROOT, 'tests'), (p) => {
  if (!p.endsWith('.ts')) return;
  for (const m of readFileSync(p, 'utf8').matchAll(LITERAL)) {
    const raw = m[1] ?? m[2] ?? m[3];
    try {
      add('tests:literal', JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/\\`/g, '`').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`));
    } catch {
      add('tests:literal', raw);
    }
  }
});
for (const file of extra) for (const row of jsonl(file)) add(`extra:${file.split('/').pop()}`, row.text);

/** Deterministic evasions of a text, so every normalisation stage sees real input. */
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '$', t: '7' };
const LOOKALIKE = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х' };
const variants = (text) => {
  const t = text.length > 2000 ? text.slice(0, 2000) : text;
  return [
    ['upper', t.toUpperCase()],
    ['leet', t.replace(/[aeiost]/g, (c, i) => (i % 3 === 0 ? LEET[c] : c))],
    ['spaced', t.replace(/\b([a-z]{4,9})\b/gi, (w, _g, i) => (i % 5 === 0 ? w.split('').join(' ') : w))],
    ['masked', t.replace(/\b([a-z])([a-z]{2})([a-z]+)\b/gi, (w, a, b, c, i) => (i % 4 === 0 ? a + '*'.repeat(b.length) + c : w))],
    ['repeats', t.replace(/([aeiou])/gi, (c, _g, i) => (i % 7 === 0 ? c.repeat(4) : c))],
    ['lookalike', t.replace(/[aeopcx]/g, (c, i) => (i % 4 === 0 ? LOOKALIKE[c] : c))],
    ['invisible', t.replace(/ /g, (c, i) => (i % 3 === 0 ? '\u200b ' : c))],
    ['typographic', t.replace(/'/g, '’').replace(/"/g, (c, i) => (i % 2 ? '“' : '”')).replace(/ - /g, ' — ')],
  ];
};
const base = inputs.length;
for (let i = 0; i < base; i++) {
  const { source, text, article } = inputs[i];
  if (source.startsWith('bench/adversarial') || (source === 'bench/short' && i % 5 !== 0) || source === 'bench/long') continue;
  for (const [kind, v] of variants(text)) if (v !== text) inputs.push({ source: `${source}~${kind}`, text: v, ...(article !== undefined ? { article } : {}) });
}

const moderators = [
  ['default', createModerator()],
  ['explain-eng-rules-only', createModerator({ explain: 8, languages: ['eng'], model: null })],
  ['explain-eng', createModerator({ explain: 8, languages: ['eng'], maxLength: 3000 })],
];

const stream = createWriteStream(out);
const t0 = performance.now();
let n = 0;
for (const { source, text, article } of inputs) {
  const norm = normalize(text);
  const key = createHash('sha1').update(`${source}\0${text}\0${article ?? ''}`).digest('hex');
  const line = { key, source, text: text.length > 300 ? `${text.slice(0, 300)}…(${text.length})` : text, norm: norm.text, starts: Array.from(norm.starts), ends: Array.from(norm.ends) };
  for (const [name, mod] of moderators) line[name] = mod.moderate(text, article === undefined ? undefined : { article });
  stream.write(JSON.stringify(line) + '\n');
  n++;
}
stream.end(() => console.error(`${n} inputs x ${moderators.length} moderators in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`));

/** Key → a hash of its whole line and the line's start (to show), for a dump file. */
async function load(file) {
  const lines = new Map();
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    const key = line.slice(8, 48); // {"key":"<40 hex>", ...
    lines.set(key, { hash: createHash('sha1').update(line).digest('hex'), head: line.slice(0, 400) });
  }
  return lines;
}

async function compare(beforeFile, afterFile) {
  if (!beforeFile || !afterFile) {
    console.error('usage: node bench/verdicts.mjs --compare <before.jsonl> <after.jsonl>');
    return 2;
  }
  const before = await load(beforeFile);
  const after = await load(afterFile);
  let same = 0;
  const differ = [];
  const missing = [];
  for (const [key, line] of before) {
    const other = after.get(key);
    if (other === undefined) missing.push(key);
    else if (other.hash === line.hash) same++;
    else differ.push(key);
  }
  const added = [...after.keys()].filter((k) => !before.has(k)).length;
  console.log(`${same} identical, ${differ.length} differ, ${missing.length} missing, ${added} new inputs`);
  for (const key of differ.slice(0, 5)) console.log(`differs: ${before.get(key).head}\n    now: ${after.get(key).head}`);
  // A missing input is most often a test literal that a test edit removed; show which.
  for (const key of missing.slice(0, 10)) console.log(`missing: ${before.get(key).head.slice(0, 200)}`);
  return differ.length === 0 && missing.length === 0 ? 0 : 1;
}
