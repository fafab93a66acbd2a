/**
 * In-process A/B of two decorum builds, for performance work: one process, the same inputs,
 * rounds interleaved and their order alternated, so load and clock drift fall on both alike.
 *
 *   npx tsup                                  # in each checkout: this times <dir>/dist
 *   node bench/ab.mjs <dirA> <dirB> [short|long|tweets|foreign|tweets-first|hostile] [rounds=15]
 *
 * Prints each build's median µs per comment and the median of the per-round ratios B/A (below 1:
 * B is faster), in wall-clock time and in the process's CPU time (process.cpuUsage: a descheduled
 * process does not accrue it, but GC and compiler threads do), and the ratio of the two builds'
 * fastest rounds (interference only slows a round). Machines are noisy: run it in both orders
 * (A B, then B A) before believing a few percent; on long comments whichever build loads first
 * has measured a few percent faster. On a loaded 2-core machine (load average 6-7), A/A runs of
 * tweets-first with 41 rounds ranged 0.93-1.03 (wall) and 0.88-0.96 (CPU, which favoured B).
 *
 * `tweets-first` times the first sight of words: the tweets, but every round hands each build a
 * NEW moderator (made before the round's timed passes, after the code was warmed on another
 * moderator) and times its first pass, so nearly every word misses the per-moderator memos (the
 * rule engine's word memo, respelling, the model's token rows, the English-marker bits). The
 * other modes time warm passes, where almost every word is a memo hit. Module-wide caches
 * (natural's stems, text/tokens.ts) stay warm from the warm-up, as in a process that has run
 * before; with `--expose-gc` the old moderators are collected before each round's timed passes.
 *
 * `hostile` times the bench's eleven 1 MiB adversarial inputs read whole (maxLength raised to
 * 2 MiB, as the bench's scaling section does), with garbage collected before each build's pass
 * when exposed: the per-match and per-character costs that the default 20,000-character cut
 * hides. Its times are per input, in ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, adversarial, foreignComments, longComments, shortComments } from './lib/corpus.mjs';
import { gc, median, rotate } from './lib/stats.mjs';

const [a, b, which = 'short', roundsArg = '15'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/ab.mjs <dirA> <dirB> [short|long|tweets|foreign|tweets-first|hostile] [rounds]');
  process.exit(2);
}
const TWEETS = join(ROOT, '..', 'shared', 'datasets', 'davidson2017.jsonl');
const inputsOf = {
  short: () => shortComments(5000),
  long: () => longComments(160),
  foreign: () => foreignComments(5000),
  // Evaluation data, read where it lies (never copied into the repo).
  tweets: () => readTweets(),
  'tweets-first': () => readTweets(),
  hostile: () => Object.values(adversarial(1 << 20)),
};
/** The first 5,000 tweets' texts. */
function readTweets() {
  return readFileSync(TWEETS, 'utf8').split('\n').filter(Boolean).slice(0, 5000).map((l) => JSON.parse(l).text);
}
const fresh = which === 'tweets-first';
const hostile = which === 'hostile';
// Read whole: the default maxLength would cut every hostile input to its first 20,000 characters.
const options = hostile ? { maxLength: 1 << 21 } : undefined;
if (!(which in inputsOf)) {
  console.error(`unknown input set "${which}": one of ${Object.keys(inputsOf).join(', ')}`);
  process.exit(2);
}
if (which.startsWith('tweets') && !existsSync(TWEETS)) {
  console.error(`${TWEETS} not found: the tweets set is read from ../shared/datasets/`);
  process.exit(2);
}
const inputs = inputsOf[which]();
const rounds = Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`rounds must be a positive integer, got "${roundsArg}"`);
  process.exit(2);
}

const builds = [];
const moderators = [];
for (const dir of [a, b]) {
  const entry = resolve(dir, 'dist', 'index.js');
  if (!existsSync(entry)) {
    console.error(`${entry} not found: run \`npx tsup\` in ${dir} first`);
    process.exit(2);
  }
  const build = await import(pathToFileURL(entry).href);
  builds.push(build);
  moderators.push(build.createModerator(options));
}
// Warm-up: three passes per build (for tweets-first, each the first pass of another moderator,
// so the code that meets new words is optimised too).
for (let w = 0; w < 3; w++) {
  for (let k = 0; k < 2; k++) {
    if (fresh && w > 0) moderators[k] = builds[k].createModerator();
    for (const s of inputs) moderators[k].moderate(s);
  }
}
const times = [[], []];
const cpu = [[], []];
for (let r = 0; r < rounds; r++) {
  const order = rotate([0, 1], r);
  if (fresh) {
    // Untimed: both builds' new moderators (made in the round's order), then the old ones'
    // garbage collected (when exposed).
    for (const k of order) moderators[k] = builds[k].createModerator();
    gc();
  }
  for (const k of order) {
    if (hostile) gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const s of inputs) moderators[k].moderate(s);
    times[k].push(((performance.now() - t0) * 1000) / inputs.length);
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / inputs.length);
  }
}
const ratios = times[0].map((t, i) => times[1][i] / t);
const cpuRatios = cpu[0].map((t, i) => cpu[1][i] / t);
// µs per comment, or ms per input for the 1 MiB hostile inputs.
const [unit, per, scale] = hostile ? ['ms', 'input', 1e-3] : ['µs', 'comment', 1];
const show = (x) => (x * scale).toFixed(2);
console.log(
  `${which}: A ${show(median(times[0]))} ${unit}, B ${show(median(times[1]))} ${unit} per ${per}; B/A median of ${rounds} per-round ratios ${median(ratios).toFixed(3)}` +
    ` (CPU time: A ${show(median(cpu[0]))} ${unit}, B ${show(median(cpu[1]))} ${unit}, ratio ${median(cpuRatios).toFixed(3)};` +
    ` fastest rounds B/A: wall ${(Math.min(...times[1]) / Math.min(...times[0])).toFixed(3)}, CPU ${(Math.min(...cpu[1]) / Math.min(...cpu[0])).toFixed(3)})`,
);
