/**
 * Alternating A/B of two builds' cold start: spawn node, import dist/index.js, createModerator(),
 * first moderate('hello'), exit (bench/lib/libs.mjs COLD_START.decorum, pointed at each dir).
 * Runs A,B,A,B,… (the order flips every pair so neither always goes first), prints wall-clock
 * medians over bare `node -e 0`, the median of per-pair ratios, and the child's own CPU time.
 * Then an in-process breakdown per build: import, createModerator, first call (medians).
 *
 *   node bench/coldstart-ab.mjs <dirA> <dirB> [runs=21]
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';

const [dirA, dirB, runsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/coldstart-ab.mjs <dirA> <dirB> [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 21);
const urlOf = (dir) => pathToFileURL(join(resolve(dir), 'dist', 'index.js')).href;

// The child reports its own CPU time (user+system) at exit: less noisy than wall clock on a shared box.
const oneLiner = (dir) =>
  `import(${JSON.stringify(urlOf(dir))}).then(m=>{m.createModerator().moderate('hello');const c=process.cpuUsage();process.stdout.write(String((c.user+c.system)/1000))})`;
const breakdown = (dir) =>
  `const t0=performance.now();import(${JSON.stringify(urlOf(dir))}).then(m=>{const t1=performance.now();const mod=m.createModerator();const t2=performance.now();mod.moderate('hello');const t3=performance.now();process.stdout.write(JSON.stringify([t1-t0,t2-t1,t3-t2]))})`;

function spawnMs(code) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return { ms, out: r.stdout };
}

const bare = [];
const bareCpu = [];
const wall = { A: [], B: [] };
const cpu = { A: [], B: [] };
const ratios = [];
const cpuRatios = [];
const parts = { A: [], B: [] };
for (let i = 0; i < runs; i++) {
  const b0 = spawnMs(`const c=process.cpuUsage();process.stdout.write(String((c.user+c.system)/1000))`);
  bare.push(b0.ms);
  bareCpu.push(Number(b0.out));
  const order = i % 2 ? ['B', 'A'] : ['A', 'B'];
  const got = {};
  const gotCpu = {};
  for (const k of order) {
    const r = spawnMs(oneLiner(k === 'A' ? dirA : dirB));
    got[k] = r.ms;
    gotCpu[k] = Number(r.out);
    wall[k].push(r.ms);
    cpu[k].push(gotCpu[k]);
  }
  ratios.push(got.B / got.A);
  cpuRatios.push(gotCpu.B / gotCpu.A);
  for (const k of order) parts[k].push(JSON.parse(spawnMs(breakdown(k === 'A' ? dirA : dirB)).out));
}

const b = median(bare);
const f = (x) => x.toFixed(1).padStart(7);
const bc = median(bareCpu);
console.log(`bare node -e 0: wall ${f(b)} ms, child CPU ${f(bc)} ms (medians of ${runs})`);
for (const k of ['A', 'B']) {
  const dir = k === 'A' ? dirA : dirB;
  const col = (j) => median(parts[k].map((p) => p[j]));
  console.log(
    `${k} ${dir}: wall ${f(median(wall[k]))} ms (+${f(median(wall[k]) - b)} over bare), child CPU ${f(median(cpu[k]))} ms (+${f(median(cpu[k]) - bc)}) | in-process: import ${f(col(0))}, createModerator ${f(col(1))}, first call ${f(col(2))}`,
  );
}
console.log(`median per-pair ratio B/A: wall ${median(ratios).toFixed(3)}, child CPU ${median(cpuRatios).toFixed(3)}`);
