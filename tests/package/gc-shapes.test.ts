/**
 * A full garbage collection must not throw away moderate()'s optimised code (src/keepShape.ts).
 * The objects a call builds die with it; without one live object of each shape, a full GC frees
 * their maps and V8 deoptimises every function compiled against them, and moderation ran about
 * half as fast for the next few thousand calls. Checked on the built package in a child process,
 * with V8's own status bits: the test reads whether moderate is optimised, not how fast it is.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/**
 * V8's OptimizationStatus bit kOptimized (src/runtime/runtime.h): the function runs optimised
 * code, whichever optimising tier made it. (Under load, before --no-concurrent-recompilation,
 * a run read kOptimizingConcurrently | kBaseline instead: the reason for that flag.)
 */
const OPTIMIZED = 1 << 4;

const script = `
import { readFileSync } from 'node:fs';
import { createModerator } from 'decorum';
const rows = readFileSync('corpus/fixtures/test.jsonl', 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l));
// Short comments, with and without their article, and long ones (the region-wise normaliser).
const texts = rows.map((r) => r.text);
for (let i = 0; i + 40 <= texts.length; i += 40) texts.push(texts.slice(i, i + 40).join(' '));
const mod = createModerator();
const f = mod.moderate;
const all = () => { for (const r of rows) { f(r.text); if (r.article) f(r.text, { article: r.article }); } for (const t of texts) f(t); };
for (let round = 0; round < 3; round++) all();
%PrepareFunctionForOptimization(f);
all();
%OptimizeFunctionOnNextCall(f);
f(texts[0]);
const before = %GetOptimizationStatus(f);
for (let i = 0; i < 4; i++) gc();
const after = %GetOptimizationStatus(f);
console.log(JSON.stringify({ before, after }));
`;

describe('moderate() across full garbage collections', () => {
  it('stays optimised after four full GCs (no map of its per-call objects dies)', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--no-concurrent-recompilation', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { before, after } = JSON.parse(r.stdout) as { before: number; after: number };
    // Optimised in the first place: otherwise the check below would pass for nothing.
    expect(before & OPTIMIZED, `status before ${before.toString(2)}`).toBe(OPTIMIZED);
    expect(after & OPTIMIZED, `status after the GCs ${after.toString(2)} (was ${before.toString(2)})`).toBe(OPTIMIZED);
  });
});
