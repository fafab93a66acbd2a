/**
 * Where a verdict's time goes: µs per short bench comment for each stage of `moderate()`, each
 * stage timed on its own over the same 5,000 comments (medians of 9 interleaved rounds), for all
 * of them, for those with no match and for those with at least one.
 *
 *   node bench/stages.mjs
 *
 * The stages are internal functions, not exports of the package, so this bundles them from src/
 * with esbuild (tsup's own bundler, installed with the dev dependencies) into a temporary folder
 * under .build/ (inside the repo, so the bundle's imports of zod, natural and franc resolve).
 * Each line includes the stages above it: findMatches holds the word scan, analyze holds
 * normalize and findMatches, moderate holds analyze. Differences between lines are estimates (a
 * stage timed alone warms differently than inside the pipeline); compare builds with bench/ab.mjs.
 *
 * Two lines are not stages but yardsticks for the word scan, over the same normalised texts:
 * `automaton` is the term automaton's pass alone (`each`, one table read per character, the chain
 * of dependent loads the scan carries), and `unit walk` a loop that does the least any pass over
 * the characters does (read each unit, classify it, fold it into a word hash). What the scan
 * costs beyond `unit walk` is its per-word work: the memo look-up, the word list, the checks.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT, shortComments } from './lib/corpus.mjs';
import { median } from './lib/stats.mjs';

const ENTRY = `
export { createAnalyzer } from './src/analyze.ts';
export { createModerator } from './src/moderate.ts';
export { badWordsList } from './src/bundled/profanity.ts';
export { BUNDLED_PACKS, BUNDLED_PATTERNS } from './src/bundled/rules.ts';
export { normalize } from './src/normalize/normalize.ts';
export { scanWords } from './src/engine/wordScan.ts';
export { findMatches } from './src/engine/match.ts';
`;

/** Word characters of the scan (a–z, digits, '*'): the class table `unit walk` reads. */
const WORD_UNIT = Uint8Array.from({ length: 0x80 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 42 ? 1 : 0));

/** The yardstick pass: each unit read, classified and folded into an FNV-1a word hash (as the scan's hash). */
function unitWalk(text) {
  let hash = 0;
  let words = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || WORD_UNIT[c] !== 0) hash = Math.imul(hash ^ c, 0x01000193);
    else words++;
  }
  return hash + words;
}

mkdirSync(join(ROOT, '.build'), { recursive: true });
const dir = mkdtempSync(join(ROOT, '.build', 'stages-'));
try {
  const outfile = join(dir, 'stages.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    // Dependencies (zod, natural, franc, bad-words) are imported from node_modules as installed.
    packages: 'external',
  });
  const m = await import(pathToFileURL(outfile).href);
  const all = shortComments(5000);
  // The analyzer createModerator() builds with its default options.
  const analyzer = m.createAnalyzer(m.BUNDLED_PACKS, { profanity: m.badWordsList(), vetted: m.BUNDLED_PATTERNS });
  const mod = m.createModerator();
  const hits = all.map((s) => mod.moderate(s).matches.length > 0);
  const sets = {
    all,
    'no match': all.filter((_, k) => !hits[k]),
    'a match': all.filter((_, k) => hits[k]),
  };
  const automaton = analyzer.rules.automaton;
  // As moderate() reads a comment with no article: the subject rules ("Putin", "the bullpen") skipped.
  const noArticle = analyzer.rules.subjectRuleNumbers;
  let sink = 0;
  const onHit = () => sink++;
  const stagesOf = (inputs) => {
    const normalized = inputs.map((s) => m.normalize(s));
    const texts = normalized.map((n) => n.text);
    return {
      'unit walk': () => { for (const t of texts) sink += unitWalk(t); },
      automaton: () => { for (const t of texts) automaton.each(t, onHit); },
      normalize: () => { for (const s of inputs) m.normalize(s); },
      scanWords: () => { for (const t of texts) m.scanWords(t, analyzer.rules, analyzer.rules.automaton); },
      findMatches: () => { for (const n of normalized) m.findMatches(n, analyzer.rules, [], {}, noArticle); },
      analyze: () => { for (const s of inputs) analyzer.analyze(s, noArticle); },
      moderate: () => { for (const s of inputs) mod.moderate(s); },
    };
  };
  const columns = Object.entries(sets).map(([name, inputs]) => ({ name, inputs, stages: stagesOf(inputs), times: {} }));
  const names = Object.keys(columns[0].stages);
  for (const col of columns) for (const k of names) col.times[k] = [];
  for (let r = 0; r < 9; r++) {
    for (const col of columns) {
      for (const [name, run] of Object.entries(col.stages)) {
        const t = performance.now();
        for (let i = 0; i < 5; i++) run();
        col.times[name].push(((performance.now() - t) * 1000) / (5 * col.inputs.length));
      }
    }
  }
  const chars = (inputs) => inputs.reduce((a, s) => a + s.length, 0) / inputs.length;
  console.log(`µs per comment     ${columns.map((c) => c.name.padStart(10)).join('')}`);
  console.log(`comments           ${columns.map((c) => String(c.inputs.length).padStart(10)).join('')}`);
  console.log(`characters (mean)  ${columns.map((c) => chars(c.inputs).toFixed(0).padStart(10)).join('')}`);
  for (const name of names) console.log(`${name.padEnd(19)}${columns.map((c) => median(c.times[name]).toFixed(2).padStart(10)).join('')}`);
  if (sink === -1) console.log(sink);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
