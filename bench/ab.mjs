/**
 * In-process A/B of two decorum builds, for performance work: one process, the same inputs,
 * rounds interleaved and their order alternated, so load and clock drift fall on both alike.
 *
 *   npx tsup                                  # in each checkout: this times <dir>/dist
 *   node bench/ab.mjs <dirA> <dirB> [short|long|tweets|foreign] [rounds=15]
 *
 * Prints each build's median µs per comment and the median of the per-round ratios B/A (below 1:
 * B is faster). Machines are noisy: run it in both orders (A B, then B A) before believing a
 * few percent; on long comments whichever build loads first has measured a few percent faster.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, foreignComments, longComments, shortComments } from './lib/corpus.mjs';
import { median, rotate } from './lib/stats.mjs';

const [a, b, which = 'short', roundsArg = '15'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/ab.mjs <dirA> <dirB> [short|long|tweets|foreign] [rounds]');
  process.exit(2);
}
const TWEETS = join(ROOT, '..', 'shared', 'datasets', 'davidson2017.jsonl');
const inputsOf = {
  short: () => shortComments(5000),
  long: () => longComments(160),
  foreign: () => foreignComments(5000),
  // Evaluation data, read where it lies (never copied into the repo).
  tweets: () => readFileSync(TWEETS, 'utf8').split('\n').filter(Boolean).slice(0, 5000).map((l) => JSON.parse(l).text),
};
if (!(which in inputsOf)) {
  console.error(`unknown input set "${which}": one of ${Object.keys(inputsOf).join(', ')}`);
  process.exit(2);
}
if (which === 'tweets' && !existsSync(TWEETS)) {
  console.error(`${TWEETS} not found: the tweets set is read from ../shared/datasets/`);
  process.exit(2);
}
const inputs = inputsOf[which]();
const rounds = Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`rounds must be a positive integer, got "${roundsArg}"`);
  process.exit(2);
}

const moderators = [];
for (const dir of [a, b]) {
  const entry = resolve(dir, 'dist', 'index.js');
  if (!existsSync(entry)) {
    console.error(`${entry} not found: run \`npx tsup\` in ${dir} first`);
    process.exit(2);
  }
  moderators.push((await import(pathToFileURL(entry).href)).createModerator());
}
for (let w = 0; w < 3; w++) for (const m of moderators) for (const s of inputs) m.moderate(s);
const times = [[], []];
for (let r = 0; r < rounds; r++) {
  for (const k of rotate([0, 1], r)) {
    const t0 = performance.now();
    for (const s of inputs) moderators[k].moderate(s);
    times[k].push(((performance.now() - t0) * 1000) / inputs.length);
  }
}
const ratios = times[0].map((t, i) => times[1][i] / t);
console.log(`${which}: A ${median(times[0]).toFixed(2)} µs, B ${median(times[1]).toFixed(2)} µs per comment; B/A median of ${rounds} per-round ratios ${median(ratios).toFixed(3)}`);
