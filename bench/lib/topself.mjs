/**
 * Summarises a .cpuprofile: top functions by self time, and (with --inclusive) by total time
 * (self + callees, each sample counted once per function on its stack).
 *
 *   node bench/lib/topself.mjs <file.cpuprofile> [n] [--inclusive]
 */
import { readFileSync } from 'node:fs';

function keyOf(c) {
  return `${c.functionName || '(anonymous)'} ${c.url.replace(/^.*\/(node_modules\/|dist\/)/, '$1')}:${c.lineNumber + 1}`;
}

export function profileSummary(file, n = 25) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i] ?? 0;
    const id = prof.samples[i];
    total += dt;
    const k = keyOf(byId.get(id).callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = keyOf(byId.get(cur).callFrame);
      if (seen.has(ck)) continue;
      seen.add(ck);
      incl.set(ck, (incl.get(ck) ?? 0) + dt);
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, us]) => ({ fn, ms: us / 1000, pct: (100 * us) / total }));
  return { total: total / 1000, self: top(self), inclusive: top(incl) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
  const { total, self, inclusive } = profileSummary(file, n);
  const show = (rows) => rows.map((t) => `${t.pct.toFixed(1).padStart(5)}%  ${t.ms.toFixed(0).padStart(6)} ms  ${t.fn}`).join('\n');
  console.log(`total ${total.toFixed(0)} ms\n\nself time:\n${show(self)}`);
  if (args.includes('--inclusive')) console.log(`\ninclusive time:\n${show(inclusive)}`);
}
