#!/usr/bin/env node
/**
 * Batch throughput and memory of `decorum classify` on generated comment dumps.
 *
 *   npm run build && node bench/batch.mjs [--lines 100000] [--rss-lines 100000,1000000] [--workers 1,2] [--cli dist/cli/main.js]
 *
 * - lines/s: the built CLI classifies N generated comments (--json to /dev/null) with each worker count;
 * - peak RSS: the same run on small and large inputs (the whole process, worker threads included),
 *   which should stay flat because the input is streamed.
 * Input files go to os.tmpdir() and are deleted afterwards. Results: bench/results/batch.json.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '100000' },
    'rss-lines': { type: 'string', default: '100000,1000000' },
    workers: { type: 'string', default: '1,2' },
    'rss-workers': { type: 'string', default: '2' },
    cli: { type: 'string', default: join(root, 'dist/cli/main.js') },
  },
});
const cli = values.cli;
const list = (s) => (s ? s.split(',').map(Number) : []);

// Deterministic generator (mulberry32) so every run classifies the same comments.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const OPENERS = ['I think', 'Honestly,', 'The article says', 'My view is that', 'Frankly', 'As a reader,', 'Good point:'];
const SUBJECTS = ['the senator', 'the new tariff plan', 'Putin', 'the city council', 'this policy', 'the governor', 'the summit', 'the budget'];
const CLAIMS = ['is wrong about trade', 'makes a fair argument', 'will not fix inflation', 'deserves more scrutiny', 'was handled badly', 'is long overdue'];
const EXTRAS = ['', ' You are an idiot.', ' Demonrats ruin everything.', ' I make $92 an hour from home, visit my site!', ' Thanks for the reporting.', ' What a moron.'];

async function generate(file, n) {
  const random = rng(42);
  const pick = (a) => a[Math.floor(random() * a.length)];
  const out = createWriteStream(file);
  for (let i = 1; i <= n; i++) {
    const text = `${pick(OPENERS)} ${pick(SUBJECTS)} ${pick(CLAIMS)}.${pick(EXTRAS)} (#${i})`;
    const line = i % 1000 === 0 ? '{"text": broken json}' : JSON.stringify({ id: `c${i}`, text });
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs the CLI; reports wall time and the child's peak RSS (read by a preload at exit). */
async function run(file, workers, rssFile) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--require', rssFile, cli, 'classify', '--json', '--workers', String(workers), '--rejects', '/dev/null', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const [code] = await once(child, 'exit');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`classify exited ${code}: ${err}`);
  const rss = Number(/decorum-bench-maxrss-kb=(\d+)/.exec(err)?.[1] ?? NaN);
  const cpu = Number(/cpu-us=(\d+)/.exec(err)?.[1] ?? NaN) / 1e6;
  const summary = err.split('\n').find((l) => l.includes('input lines')) ?? '';
  return { seconds, cpuSeconds: Math.round(cpu * 10) / 10, peakRssMB: Math.round((rss / 1024) * 10) / 10, summary };
}

const dir = join(tmpdir(), `decorum-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const rssFile = join(dir, 'maxrss.cjs');
writeFileSync(
  rssFile,
  "process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write(`decorum-bench-maxrss-kb=${r.maxRSS} cpu-us=${r.userCPUTime + r.systemCPUTime}\\n`); });\n",
);

const results = { date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model ?? '', throughput: [], memory: [] };
try {
  const n = Number(values.lines);
  const file = join(dir, `comments-${n}.jsonl`);
  await generate(file, n);
  for (const w of list(values.workers)) {
    const r = await run(file, w, rssFile);
    results.throughput.push({
      workers: w,
      lines: n,
      seconds: Math.round(r.seconds * 100) / 100,
      linesPerSecond: Math.round(n / r.seconds),
      cpuSeconds: r.cpuSeconds,
      // CPU time over wall time: how many cores the run really got. With 2 workers on an idle
      // 2-core machine this nears 2; near 1 means other load left no spare core to scale onto.
      coresUsed: Math.round((r.cpuSeconds / r.seconds) * 100) / 100,
      peakRssMB: r.peakRssMB,
    });
    console.error(`  workers ${w}: ${r.summary}`);
  }
  const base = results.throughput[0]?.linesPerSecond ?? 1;
  for (const t of results.throughput) t.speedup = Math.round((t.linesPerSecond / base) * 100) / 100;

  rmSync(file);
  for (const m of list(values['rss-lines'])) {
    const f = join(dir, `comments-${m}.jsonl`);
    await generate(f, m);
    const w = Number(values['rss-workers']);
    const r = await run(f, w, rssFile);
    results.memory.push({ lines: m, inputMB: Math.round(statSync(f).size / 1e5) / 10, workers: w, seconds: Math.round(r.seconds), peakRssMB: r.peakRssMB });
    rmSync(f);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
console.log(`decorum classify --json, ${results.cpus} CPUs, ${results.node}`);
console.log(`\n${pad('workers', 8)} ${pad('lines', 9)} ${pad('seconds', 8)} ${pad('lines/s', 8)} ${pad('speed-up', 9)} ${pad('CPU s', 7)} ${pad('cores used', 11)} ${pad('peak RSS', 9)}`);
for (const t of results.throughput) {
  console.log(`${pad(t.workers, 8)} ${pad(t.lines, 9)} ${pad(t.seconds, 8)} ${pad(t.linesPerSecond, 8)} ${pad(t.speedup + '×', 9)} ${pad(t.cpuSeconds, 7)} ${pad(t.coresUsed, 11)} ${pad(t.peakRssMB + ' MB', 9)}`);
}
console.log(`\n${pad('lines', 9)} ${pad('input', 9)} ${pad('workers', 8)} ${pad('seconds', 8)} ${pad('peak RSS', 9)}`);
for (const m of results.memory) console.log(`${pad(m.lines, 9)} ${pad(m.inputMB + ' MB', 9)} ${pad(m.workers, 8)} ${pad(m.seconds, 8)} ${pad(m.peakRssMB + ' MB', 9)}`);

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/batch.json'), JSON.stringify(results, null, 2) + '\n');
