#!/usr/bin/env node
/**
 * decorum's accuracy on external benchmark data, beside published systems and peer libraries.
 *
 *   npm run build && node bench/accuracy/run.mjs [--failures[=PREFIX]] [--no-write]
 *
 * Reads ../shared/datasets/ (beside the repo root; evaluation only — nothing from it is copied
 * into the repo: results keep dataset ids, never texts). Writes bench/accuracy/results.json and
 * results.md and prints the tables. --failures prints decorum's misses with their text to
 * stdout only (never saved); PREFIX filters by HateCheck functionality, or "olid"/"davidson".
 * The mapping from each dataset's labels to ours lives in score.mjs (see README.md here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ABUSE_LABELS,
  HATECHECK_APART,
  HATECHECK_GROUPS,
  binaryPRF,
  davidsonExpectation,
  hatecheckExpectation,
  meets,
  olidExpectation,
  pct,
  peerCorrect,
  peerExpected,
  perClassPRF,
  ratio,
  referenceCorrect,
  scoreHatecheckRow,
  sharedFunctionalities,
} from './score.mjs';
import { HANDMADE_SETS } from './sets.mjs';
import { PEERS, PEER_CALLS, loadPeer, versionOf } from './peers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DATASETS = resolve(ROOT, '..', 'shared', 'datasets');
const DIST = join(ROOT, 'dist', 'index.js');
const REFS = ['BERT_davidson2017_weighted', 'BERT_founta2018_weighted', 'perspective', 'siftninja'];
const REF_SHORT = { BERT_davidson2017_weighted: 'BERT-Davidson', BERT_founta2018_weighted: 'BERT-Founta', perspective: 'Perspective', siftninja: 'SiftNinja' };
const FILES = ['hatecheck.jsonl', 'hatecheck_reference_predictions.jsonl', 'hatecheck_results_table.json', 'olid_test.jsonl', 'davidson2017.jsonl', 'peer_test_cases.jsonl'];

const args = process.argv.slice(2);
const failuresArg = args.find((a) => a === '--failures' || a.startsWith('--failures='));
const failuresPrefix = failuresArg === undefined ? null : failuresArg.includes('=') ? failuresArg.split('=')[1] : '';
const write = !args.includes('--no-write');
const unknown = args.filter((a) => a !== failuresArg && a !== '--no-write');
if (unknown.length > 0) die(`unknown argument(s): ${unknown.join(' ')}\nusage: node bench/accuracy/run.mjs [--failures[=PREFIX]] [--no-write]`);

function die(msg) {
  process.stderr.write(`bench/accuracy: ${msg}\n`);
  process.exit(1);
}
const log = (msg) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------------------------------- setup

if (!existsSync(DATASETS)) {
  die(`the external datasets are missing: expected them in ${DATASETS} (../shared/datasets beside the repo root).\nThey are evaluation-only data and are not part of the repo; see bench/accuracy/README.md.`);
}
const missing = FILES.filter((f) => !existsSync(join(DATASETS, f)));
if (missing.length > 0) die(`missing in ${DATASETS}: ${missing.join(', ')}`);
if (!existsSync(DIST)) die(`${DIST} not found: run \`npm run build\` first (the bench measures the built package).`);

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const distMtime = statSync(DIST).mtimeMs;
const staleBy = ['src', 'rules', 'model'].filter((d) => newestMtime(join(ROOT, d)) > distMtime);
if (staleBy.length > 0) log(`warning: ${staleBy.join(', ')} changed after dist/ was built; results are for the built package (run \`npm run build\` to measure the current sources).`);

const readJsonl = (f) =>
  readFileSync(join(DATASETS, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

function gitInfo() {
  try {
    const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'rules', 'model'], { encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? '+dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

const t0 = performance.now();
const timings = {};
const timed = async (name, fn) => {
  const s = performance.now();
  const r = await fn();
  timings[name] = Math.round(performance.now() - s) / 1000;
  log(`  ${name}: ${timings[name].toFixed(1)} s`);
  return r;
};

const { createModerator } = await import(pathToFileURL(DIST).href);
const moderator = createModerator();
const moderate = (text) => moderator.moderate(text);
const peers = {};
for (const p of PEERS) peers[p] = await loadPeer(p);

const failures = []; // printed with --failures, never written
const wantFailures = (key) => failuresPrefix !== null && key.startsWith(failuresPrefix);
const ruleIds = (v) => v.matches.map((m) => `${m.ruleId}${m.mentioned ? '(mentioned)' : ''}`);

// ---------------------------------------------------------------------------------------- HateCheck

const hatecheck = await timed('hatecheck', () => {
  const rows = readJsonl('hatecheck.jsonl');
  const preds = new Map(readJsonl('hatecheck_reference_predictions.jsonl').map((r) => [r.id, r.predictions]));
  const table = JSON.parse(readFileSync(join(DATASETS, 'hatecheck_results_table.json'), 'utf8'));
  const order = table.per_functionality_accuracy_pct.map((r) => r.functionality);

  const scored = rows.map((row) => {
    const v = moderate(row.text);
    const s = scoreHatecheckRow(row, v);
    const p = preds.get(row.id);
    if (!p) throw new Error(`no reference predictions for ${row.id}`);
    s.refs = Object.fromEntries(REFS.map((r) => [r, referenceCorrect(p[r], row.labels.label_gold)]));
    s.gold = row.labels.label_gold;
    s.focus = row.labels.focus_lemma;
    if (!s.correct && wantFailures(s.functionality)) failures.push({ set: s.functionality, id: row.id, text: row.text, mapped: s.mapped, labels: v.labels, action: v.action, rules: ruleIds(v), scores: v.scores });
    return s;
  });

  const summarise = (list) => {
    const n = list.length;
    const out = {
      n,
      decorum: ratio(list.filter((s) => s.correct).length, n),
      decorumGold: ratio(list.filter((s) => s.correctGold).length, n),
      review: list.filter((s) => s.action === 'review').length,
      reject: list.filter((s) => s.action === 'reject').length,
      refs: Object.fromEntries(REFS.map((r) => [r, ratio(list.filter((s) => s.refs[r]).length, n)])),
    };
    return out;
  };

  const functionalities = [...new Set([...order, ...scored.map((s) => s.functionality)])];
  const perFunctionality = functionalities.map((f) => {
    const list = scored.filter((s) => s.functionality === f);
    const exp = hatecheckExpectation({ id: f, labels: { functionality: f, focus_lemma: null } });
    const mappedKinds = [...new Set(list.map((s) => s.mapped))];
    const published = table.per_functionality_accuracy_pct.find((r) => r.functionality === f);
    const sum = summarise(list);
    // Cross-check our recomputation of the reference systems against the published table.
    const mismatch = published ? REFS.filter((r) => Math.abs(100 * sum.refs[r] - published[r]) > 0.051) : [];
    if (mismatch.length > 0) log(`warning: ${f}: recomputed ${mismatch.join(', ')} differ from hatecheck_results_table.json`);
    return {
      functionality: f,
      gold: list[0]?.gold,
      section: exp.section,
      mapped: mappedKinds.join(' / '),
      mappedSplit: mappedKinds.length > 1 ? Object.fromEntries(mappedKinds.map((k) => [k, summarise(list.filter((s) => s.mapped === k))])) : undefined,
      ...sum,
      labelCounts: Object.fromEntries(['slur', 'insult', 'partisan_epithet', 'none'].map((l) => [l, list.filter((s) => (l === 'none' ? s.labels.filter((x) => x !== 'off_topic').length === 0 : s.labels.includes(l))).length])),
      failures: list.filter((s) => !s.correct).map((s) => s.id),
    };
  });

  const shared = sharedFunctionalities(scored.map((s) => s.functionality));
  const sharedRows = scored.filter((s) => shared.includes(s.functionality));
  const overall = {
    shared: { functionalities: shared, excluded: Object.keys(HATECHECK_APART), ...summarise(sharedRows) },
    all: { note: 'all 29 functionalities against HateCheck gold; decorum flagged = slur or insult', ...summarise(scored), decorum: ratio(scored.filter((s) => s.correctGold).length, scored.length) },
    publishedAll: table.summary?.all,
  };
  const groups = HATECHECK_GROUPS.map((g) => {
    const list = scored.filter((s) => g.test({ labels: { functionality: s.functionality, focus_lemma: s.focus } }));
    const sum = summarise(list);
    return { name: g.name, describe: g.describe, goal: g.goal, met: sum.decorum >= g.goal, ...sum };
  });
  const overallGoal = { name: 'overall, shared set', goal: 'decorum > Perspective', met: overall.shared.decorum > overall.shared.refs.perspective };
  return { perFunctionality, overall, groups, overallGoal };
});

// ---------------------------------------------------------------------------------------- peers

const peerResults = await timed('peers', () => {
  const libs = ['decorum', ...PEERS];
  const answer = (lib, text) => (lib === 'decorum' ? moderate(text).labels : Boolean(peers[lib](text)));

  // peer_test_cases.jsonl
  const cases = readJsonl('peer_test_cases.jsonl').map((row) => {
    const expected = peerExpected(row);
    const v = moderate(row.text);
    const res = {
      id: row.id,
      proposed_ours: row.proposed_ours,
      expected,
      decorumLabels: v.labels,
      decorumAction: v.action,
      correct: {
        decorum: peerCorrect(expected, v.labels, 'any'),
        'decorum (specific label)': peerCorrect(expected, v.labels, 'specific'),
      },
    };
    for (const p of PEERS) res.correct[p] = peerCorrect(expected, Boolean(peers[p](row.text)));
    return res;
  });
  const caseLibs = ['decorum', 'decorum (specific label)', ...PEERS];
  const caseAccuracy = Object.fromEntries(caseLibs.map((l) => [l, ratio(cases.filter((c) => c.correct[l]).length, cases.length)]));

  // Hand-written sets
  const sets = HANDMADE_SETS.map((set) => {
    const items = set.items.map((it) => {
      const r = { ...it, flagged: {}, decorumLabels: null };
      for (const lib of libs) {
        const a = answer(lib, it.text);
        if (lib === 'decorum') {
          r.decorumLabels = a;
          r.flagged.decorum = a.some((l) => ABUSE_LABELS.includes(l));
          r.specific = it.expect === 'clean' ? !r.flagged.decorum : a.includes(it.expect);
        } else r.flagged[lib] = a;
      }
      return r;
    });
    const rate = (list, lib) => ratio(list.filter((r) => r.flagged[lib]).length, list.length);
    const cats = [...new Set(items.map((r) => r.cat))];
    return {
      key: set.key,
      name: set.name,
      positive: set.positive,
      n: items.length,
      metric: set.positive ? 'catch rate' : 'false-positive rate',
      rates: Object.fromEntries(libs.map((l) => [l, rate(items, l)])),
      decorumSpecific: ratio(items.filter((r) => r.specific).length, items.length),
      byCategory: cats.map((c) => {
        const list = items.filter((r) => r.cat === c);
        return { cat: c, n: list.length, rates: Object.fromEntries(libs.map((l) => [l, rate(list, l)])), decorumSpecific: ratio(list.filter((r) => r.specific).length, list.length) };
      }),
      items,
    };
  });
  return { libs, cases, caseLibs, caseAccuracy, sets };
});

// ---------------------------------------------------------------------------------------- OLID / Davidson

function evaluateBinaryDataset(key, file, expectationOf, classOrder, mappedClasses) {
  const rows = readJsonl(file);
  const items = rows.map((row) => {
    const exp = expectationOf(row);
    const v = moderate(row.text);
    const labels = v.labels.filter((l) => l !== 'off_topic');
    const it = { cls: exp.cls, exp, labels, positive: exp.accept.length > 0, flagged: labels.some((l) => ABUSE_LABELS.includes(l)), correct: meets(exp, labels), strict: exp.strict ? meets({ ...exp, accept: exp.strict }, labels) : undefined };
    if (!it.correct && wantFailures(key)) failures.push({ set: `${key}:${exp.cls}`, id: row.id, text: row.text, labels: v.labels, action: v.action, rules: ruleIds(v), scores: v.scores });
    return it;
  });
  const perGold = classOrder.map((cls) => {
    const list = items.filter((it) => it.cls === cls);
    const count = (pred) => list.filter(pred).length;
    return {
      cls,
      n: list.length,
      mapped: list[0]?.exp.mapped,
      correct: ratio(count((it) => it.correct), list.length),
      strict: list[0]?.strict === undefined ? undefined : ratio(count((it) => it.strict), list.length),
      flagged: ratio(count((it) => it.flagged), list.length),
      labels: { slur: count((it) => it.labels.includes('slur')), insult: count((it) => it.labels.includes('insult')), partisan_epithet: count((it) => it.labels.includes('partisan_epithet')), none: count((it) => it.labels.length === 0) },
    };
  });
  return {
    n: items.length,
    binary: binaryPRF(items),
    perClass: perClassPRF(items, mappedClasses),
    perGold,
  };
}

const none = { accept: [], considered: [...ABUSE_LABELS] };
const olid = await timed('olid', () =>
  evaluateBinaryDataset('olid', 'olid_test.jsonl', olidExpectation, ['NOT', 'OFF/UNT', 'OFF/TIN/IND', 'OFF/TIN/OTH', 'OFF/TIN/GRP'], [
    { name: 'none (NOT + OFF/UNT)', members: ['NOT', 'OFF/UNT'], expectation: none },
    { name: 'flagged (OFF/TIN/*) → insult, partisan_epithet or slur', members: ['OFF/TIN/IND', 'OFF/TIN/OTH', 'OFF/TIN/GRP'], expectation: { accept: [...ABUSE_LABELS], considered: [...ABUSE_LABELS] } },
    { name: 'insult only (OFF/TIN/IND + OTH) → insult', members: ['OFF/TIN/IND', 'OFF/TIN/OTH'], expectation: { accept: ['insult'], considered: [...ABUSE_LABELS] } },
  ]),
);
const davidson = await timed('davidson', () =>
  evaluateBinaryDataset('davidson', 'davidson2017.jsonl', davidsonExpectation, ['neither', 'offensive_language', 'hate_speech'], [
    { name: 'neither → none', members: ['neither'], expectation: none },
    { name: 'offensive_language → insult', members: ['offensive_language'], expectation: { accept: ['insult'], considered: [...ABUSE_LABELS] } },
    { name: 'hate_speech → slur or insult', members: ['hate_speech'], expectation: { accept: ['slur', 'insult'], considered: [...ABUSE_LABELS] } },
    { name: 'hate_speech → slur', members: ['hate_speech'], expectation: { accept: ['slur'], considered: [...ABUSE_LABELS] } },
  ]),
);

// ---------------------------------------------------------------------------------------- overlap guard

// Nothing written for the project may be a dataset row: not the hand-written sets here, not
// the rule packs' examples, not the fixtures the model trains and is tested on. Texts are compared
// lower-cased with punctuation and spacing removed, so "I hate X." and "i hate x" are one text.
// Any overlap fails the run (exit 1) after the report is written: rewrite the item in your own words.
const norm = (t) => t.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const datasetTexts = new Set(['hatecheck.jsonl', 'olid_test.jsonl', 'davidson2017.jsonl', 'peer_test_cases.jsonl'].flatMap((f) => readJsonl(f).map((r) => norm(r.text))));
datasetTexts.delete('');
const ownTexts = [
  ...HANDMADE_SETS.flatMap((s) => s.items.map((it) => [`bench/accuracy/sets.mjs ${s.key}`, it.text])),
  ...readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.json')).flatMap((f) =>
    JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')).rules.flatMap((r) => [...(r.examples?.match ?? []), ...(r.examples?.noMatch ?? [])].map((t) => [`rules/${f} ${r.id}`, t])),
  ),
  ...['train', 'test'].flatMap((split) =>
    readFileSync(join(ROOT, 'corpus/fixtures', `${split}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [`corpus/fixtures/${split}.jsonl ${r.id}`, r.text]),
  ),
];
const overlaps = ownTexts.filter(([, text]) => datasetTexts.has(norm(text))).map(([where, text]) => `${where}: ${text}`);
if (overlaps.length > 0) {
  log(`error: ${overlaps.length} project texts are identical to dataset rows (rewrite them in your own words):\n  ${overlaps.join('\n  ')}`);
  process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------- report

const elapsed = Math.round(performance.now() - t0) / 1000;
const meta = {
  date: new Date().toISOString(),
  decorum: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} @ ${gitInfo()}`,
  distBuilt: new Date(distMtime).toISOString(),
  distStale: staleBy,
  node: process.version,
  peers: Object.fromEntries(PEERS.map((p) => [p, versionOf(p)])),
  peerCalls: PEER_CALLS,
  datasets: DATASETS,
  seconds: { total: elapsed, ...timings },
  checkedForOverlap: ownTexts.length,
  projectTextsIdenticalToDatasetRows: overlaps.length,
};

const md = [];
const row = (cells) => md.push(`| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`);
const head = (cells, align) => {
  row(cells);
  md.push(`|${cells.map((_, i) => (align?.[i] === 'l' ? '---' : '---:')).join('|')}|`);
};
const ok = (b) => (b ? '✓' : '✗');

md.push('# decorum accuracy on external benchmarks', '');
md.push(`decorum ${meta.decorum}, Node ${meta.node}, ${meta.date.slice(0, 10)}; peers: ${PEERS.map((p) => `${p} ${meta.peers[p]}`).join(', ')}. Run: \`node bench/accuracy/run.mjs\` (${elapsed.toFixed(0)} s).`);
if (staleBy.length > 0) md.push('', `**Warning:** ${staleBy.join(', ')} changed after dist/ was built; these numbers are for the built package.`);
md.push('', 'Mappings from each dataset to our labels: bench/accuracy/README.md. decorum runs with its defaults (`createModerator()`, no article).', '');

// HateCheck
const H = hatecheck;
const sh = H.overall.shared;
md.push('## HateCheck (Röttger et al. 2021), 3,728 functional tests', '');
md.push(`**Shared set** — the ${sh.functionalities.length} functionalities our taxonomy shares with HateCheck: ${sh.functionalities.map((f) => `\`${f}\``).join(', ')}.`);
md.push(`Excluded and reported apart: ${Object.entries(HATECHECK_APART).map(([f, why]) => `\`${f}\` (${why})`).join(', ')}.`, '');
head(['set', 'n', 'decorum', ...REFS.map((r) => REF_SHORT[r])], ['l']);
row([`shared set (${sh.functionalities.length} functionalities), our mapping`, sh.n, `**${pct(sh.decorum)}**`, ...REFS.map((r) => pct(sh.refs[r]))]);
row(['all 29, HateCheck gold (decorum: flagged = slur or insult)', H.overall.all.n, pct(H.overall.all.decorum), ...REFS.map((r) => pct(H.overall.all.refs[r]))]);
md.push('', 'Accuracy, %. Reference systems recomputed from `hatecheck_reference_predictions.jsonl` (they match `hatecheck_results_table.json`; Perspective on all 29 = 76.6). On the shared set, `slur_h` and slur-obfuscation cases count for decorum only with the `slur` label; for the reference systems any "hateful" prediction counts.', '');

md.push('### Goals', '');
head(['group', 'what', 'n', 'decorum', 'goal', 'met', 'Perspective', 'decorum vs HC gold', '→ review'], ['l', 'l']);
for (const g of H.groups) row([g.name, g.describe, g.n, `**${pct(g.decorum)}**`, `≥ ${pct(g.goal, 0)}`, ok(g.met), pct(g.refs.perspective), pct(g.decorumGold), g.review]);
row(['overall', 'shared set', sh.n, `**${pct(sh.decorum)}**`, `> Perspective (${pct(sh.refs.perspective)})`, ok(H.overallGoal.met), pct(sh.refs.perspective), pct(sh.decorumGold), sh.review]);
md.push('', '"→ review": cases decorum sent to review (no slur/insult label, e.g. a mentioned slur in counter-speech, or an uncertain score); they count as correct for non-hateful functionalities. "decorum vs HC gold": flagged = slur or insult, against HateCheck\'s label (for obfuscated slurs: `insult` instead of `slur` also counts).', '');

const fnHeader = ['functionality', 'HateCheck gold', 'ours', 'n', 'decorum', 'decorum vs HC gold', '→ review', ...REFS.map((r) => REF_SHORT[r])];
const fnRow = (f) => row([`\`${f.functionality}\``, f.gold, f.mapped === 'none' ? 'no label' : f.mapped, f.n, `**${pct(f.decorum)}**`, pct(f.decorumGold), f.review, ...REFS.map((r) => pct(f.refs[r]))]);
md.push('### Per functionality: shared set', '');
head(fnHeader, ['l', 'l', 'l']);
for (const f of H.perFunctionality.filter((x) => x.section === 'shared')) fnRow(f);
md.push('', '"ours": what decorum must output — `slur`; "flagged" = `slur` or `insult`; "no label" = neither `slur` nor `insult`. "decorum vs HC gold": flagged = slur or insult, against HateCheck\'s label. Rows mixing slur/non-slur focus:', '');
for (const f of H.perFunctionality.filter((x) => x.mappedSplit)) {
  md.push(`- \`${f.functionality}\`: ${Object.entries(f.mappedSplit).map(([k, s]) => `${k} ${pct(s.decorum)} % of ${s.n}`).join('; ')}`);
}
md.push('', '### Per functionality: reported apart', '');
head([...fnHeader.slice(0, 3), 'n', 'decorum (ours)', 'decorum vs HC gold', '→ review', ...REFS.map((r) => REF_SHORT[r])], ['l', 'l', 'l']);
for (const f of H.perFunctionality.filter((x) => x.section !== 'shared')) {
  row([`\`${f.functionality}\``, f.gold, HATECHECK_APART[f.functionality], f.n, `**${pct(f.decorum)}**`, pct(f.decorumGold), f.review, ...REFS.map((r) => pct(f.refs[r]))]);
}
md.push('', 'For `target_*_nh` "decorum (ours)" is the share labelled `insult` (our scheme: an attack on a person or a group of people); the reference systems are scored against HateCheck\'s "non-hateful". Threats: flagged = slur or insult (decorum has no threat label).', '');

// Peers
const P = peerResults;
md.push('## Peer libraries', '');
md.push(`Calls: ${PEERS.map((p) => `${p}: \`${PEER_CALLS[p]}\``).join('; ')}. decorum: \`createModerator().moderate(text)\`, flagged = any of slur / insult / partisan_epithet; "specific" needs the expected label itself.`, '');
md.push('### peer_test_cases.jsonl (the end-to-end cases of the bad-words and obscenity test suites)', '');
head(['id', 'ours', 'decorum labels', 'decorum', 'decorum (specific)', ...PEERS], ['l', 'l', 'l']);
for (const c of P.cases) row([c.id, c.proposed_ours === null ? 'clean (null: bare expletive)' : c.expected, c.decorumLabels.join(', ') || '—', ...P.caseLibs.map((l) => ok(c.correct[l]))]);
row(['**accuracy**', '', '', ...P.caseLibs.map((l) => `**${pct(P.caseAccuracy[l])}**`)]);
md.push('', `Correct = the library's flag agrees with \`proposed_ours\` (clean → not flagged; a label → flagged). The null case is bare profanity aimed at nobody: clean in our scheme. Texts are in the dataset, not here.`, '');

md.push('### Hand-written sets (bench/accuracy/sets.mjs)', '');
head(['set', 'n', 'metric', 'decorum', 'decorum (specific)', ...PEERS], ['l', 'l', 'l']);
for (const s of P.sets) row([s.name, s.n, s.metric, `**${pct(s.rates.decorum)}**`, s.positive ? pct(s.decorumSpecific) : '', ...PEERS.map((p) => pct(s.rates[p]))]);
md.push('', 'Catch rate: share flagged (higher is better). False-positive rate: share flagged (lower is better). "decorum (specific)": share with the expected label itself (`insult`, `slur` or `partisan_epithet`).', '');
for (const key of ['evasions', 'partisan', 'lookalikes']) {
  const s = P.sets.find((x) => x.key === key);
  md.push(`**${s.name}, by ${key === 'lookalikes' ? 'kind' : key === 'evasions' ? 'trick' : 'source'}** (${s.metric}, %)`, '');
  head([key === 'evasions' ? 'trick' : 'kind', 'n', 'decorum', ...(s.positive ? ['decorum (specific)'] : []), ...PEERS], ['l']);
  for (const c of s.byCategory) row([c.cat, c.n, pct(c.rates.decorum), ...(s.positive ? [pct(c.decorumSpecific)] : []), ...PEERS.map((p) => pct(c.rates[p]))]);
  md.push('');
}
const lookalikes = P.sets.find((s) => s.key === 'lookalikes');
{
  // The published claim, checked against what was measured here, peer by peer.
  const set = (k) => P.sets.find((s) => s.key === k);
  const ev = set('evasions');
  const cat = (c, lib) => ev.byCategory.find((x) => x.cat === c)?.rates[lib];
  const sub = (lib) => lookalikes.byCategory.find((c) => c.cat === 'substring').rates[lib];
  md.push('**Claim check.** The claim "peers catch 0 % of partisan epithets and at most 17 % of plain insults; the best catches 0 % of \'f u c k\', zero-width and \'f**k\' and flags 22 % of harmless look-alikes", against what this run measured (%):', '');
  head(['library', 'partisan caught', 'plain insults caught', 'spaced "f u c k"', 'zero-width', 'masked "f**k"', 'all evasions', 'look-alikes flagged', 'substring traps flagged', 'peer_test_cases accuracy'], ['l']);
  for (const lib of P.libs) {
    row([lib, pct(set('partisan').rates[lib]), pct(set('insults').rates[lib]), pct(cat('spaced "f u c k"', lib)), pct(cat('zero-width', lib)), pct(cat('masked "f**k"', lib)), pct(ev.rates[lib]), pct(lookalikes.rates[lib]), pct(sub(lib)), pct(P.caseAccuracy[lib])]);
  }
  md.push('');
}
md.push('Look-alikes flagged, by library:', '');
for (const lib of P.libs) {
  const hits = lookalikes.items.filter((it) => it.flagged[lib]).map((it) => it.trap);
  md.push(`- ${lib}: ${hits.length === 0 ? 'none' : hits.join(', ')}`);
}
md.push('', 'decorum misses and false positives on the hand-written sets:', '');
for (const s of P.sets) {
  const bad = s.items.filter((it) => (s.positive ? !it.specific : it.flagged.decorum));
  md.push(`- ${s.name}: ${bad.length === 0 ? 'none' : bad.map((it) => `${JSON.stringify(it.text)} → ${it.decorumLabels.join('+') || 'no label'}`).join('; ')}`);
}
md.push('');

// OLID / Davidson
const datasetSection = (title, d, notes) => {
  md.push(`## ${title}`, '');
  md.push(notes, '');
  head(['gold class', 'n', 'ours', 'correct', 'flagged', 'slur', 'insult', 'partisan', 'no label'], ['l', 'r', 'l']);
  for (const g of d.perGold) {
    row([g.cls, g.n, g.mapped === 'none' ? 'no label' : g.mapped.replaceAll('|', ' or '), `${pct(g.correct)}${g.strict !== undefined && g.strict !== g.correct ? ` (insult: ${pct(g.strict)})` : ''}`, pct(g.flagged), g.labels.slur, g.labels.insult, g.labels.partisan_epithet, g.labels.none]);
  }
  md.push('');
  head(['mapped class (one-vs-rest)', 'n', 'precision', 'recall', 'F1'], ['l']);
  for (const c of d.perClass) row([c.class, c.n, pct(c.precision), pct(c.recall), pct(c.f1)]);
  const b = d.binary;
  row(['**binary: flagged (slur/insult/partisan) vs none**', d.n, pct(b.precision), pct(b.recall), `**${pct(b.f1)}**`]);
  md.push('', `Binary accuracy ${pct(b.accuracy)} %, false-positive rate on "none" rows ${pct(b.fpr)} %.`, '');
};
datasetSection('OLID / OffensEval 2019 test set (860 tweets)', olid, 'Mapping: NOT and OFF/UNT (untargeted profanity) → no label; OFF/TIN/IND, OTH → `insult`; OFF/TIN/GRP → `insult`, `partisan_epithet` or `slur`. "correct" for OFF/TIN/* = any of the three (in brackets: `insult` itself for IND/OTH).');
datasetSection(`Davidson et al. 2017 (all ${davidson.n.toLocaleString('en')} tweets)`, davidson, 'Mapping: neither → no label; offensive_language → `insult` (loosely: much of it is undirected profanity, clean in our scheme); hate_speech → `slur` or `insult`. All rows are used (no sampling).');

md.push(`Timing: ${Object.entries(meta.seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}.`, '');
const markdown = md.join('\n');

const json = {
  meta,
  hatecheck: H,
  peers: {
    caseAccuracy: P.caseAccuracy,
    cases: P.cases,
    sets: P.sets.map(({ items, ...rest }) => ({ ...rest, items: items.map((it) => ({ text: it.text, expect: it.expect, cat: it.cat, ...(it.trap ? { trap: it.trap } : {}), decorumLabels: it.decorumLabels, specific: it.specific, flagged: it.flagged })) })),
  },
  olid,
  davidson,
};

process.stdout.write(`${markdown}\n`);
if (failuresPrefix !== null) {
  process.stdout.write(`\n## decorum failures (${failuresPrefix || 'all'}) — dataset texts, printed only, never saved\n`);
  for (const f of failures) process.stdout.write(`${JSON.stringify(f)}\n`);
}
if (write) {
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(json, null, 1)}\n`);
  writeFileSync(join(HERE, 'results.md'), `${markdown}\n`);
  log(`wrote bench/accuracy/results.json and results.md (${elapsed.toFixed(1)} s)`);
}
