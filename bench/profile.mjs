/**
 * CPU-profile target: `node --cpu-prof --cpu-prof-dir=bench/results/prof bench/profile.mjs [short|long|adv]`.
 * Runs decorum's full moderate() over the bench inputs long enough for the sampler, then
 * `node bench/lib/topself.mjs <file.cpuprofile>` prints the top self-time functions.
 */
import { createModerator } from '../dist/index.js';
import { adversarial, longComments, shortComments } from './lib/corpus.mjs';

const which = process.argv[2] ?? 'short';
const mod = createModerator();
const inputs = which === 'long' ? longComments(160) : which === 'adv' ? Object.values(adversarial(1 << 20)) : shortComments(5000);
const rounds = which === 'adv' ? 2 : 6;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const s of inputs) mod.moderate(s);
console.error(`${which}: ${rounds} x ${inputs.length} in ${(performance.now() - t0).toFixed(0)} ms`);
