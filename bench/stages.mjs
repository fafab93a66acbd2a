/**
 * Where a verdict's time goes: µs per short bench comment for each stage of `moderate()`, each
 * stage timed on its own over the same 5,000 comments (medians of 9 interleaved rounds).
 *
 *   node bench/stages.mjs
 *
 * The stages are internal functions, not exports of the package, so this bundles them from src/
 * with esbuild (tsup's own bundler, installed with the dev dependencies) into a temporary folder
 * under .build/ (inside the repo, so the bundle's imports of zod, natural and franc resolve).
 * Each line includes the stages above it: findMatches holds the word scan, analyze holds
 * normalize and findMatches, moderate holds analyze. Differences between lines are estimates (a
 * stage timed alone warms differently than inside the pipeline); compare builds with bench/ab.mjs.
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
  const inputs = shortComments(5000);
  // The analyzer createModerator() builds with its default options.
  const analyzer = m.createAnalyzer(m.BUNDLED_PACKS, { profanity: m.badWordsList(), vetted: m.BUNDLED_PATTERNS });
  const mod = m.createModerator();
  const normalized = inputs.map((s) => m.normalize(s));
  const stages = {
    normalize: () => { for (const s of inputs) m.normalize(s); },
    scanWords: () => { for (const n of normalized) m.scanWords(n.text, analyzer.rules); },
    findMatches: () => { for (const n of normalized) m.findMatches(n, analyzer.rules, [], {}); },
    analyze: () => { for (const s of inputs) analyzer.analyze(s); },
    moderate: () => { for (const s of inputs) mod.moderate(s); },
  };
  const times = Object.fromEntries(Object.keys(stages).map((k) => [k, []]));
  for (let r = 0; r < 9; r++) {
    for (const [name, run] of Object.entries(stages)) {
      const t = performance.now();
      for (let i = 0; i < 5; i++) run();
      times[name].push(((performance.now() - t) * 1000) / (5 * inputs.length));
    }
  }
  for (const [name, ts] of Object.entries(times)) console.log(`${name.padEnd(12)} ${median(ts).toFixed(2)} µs`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
