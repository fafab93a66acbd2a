/**
 * Memory of one library, in a fresh process so libraries cannot share or inherit heap:
 * `node --expose-gc bench/lib/memory.mjs <library>` prints one JSON line.
 *
 *   setupRss / setupHeap   growth from an empty process to "library loaded and set up" (after GC)
 *   retainedHeap           heapUsed after 1,000 short comments and the 1 MB inputs, after GC,
 *                          minus the empty-process baseline (caches and anything leaked)
 *   peakHeap               highest heapUsed seen right after a call (before GC), minus baseline:
 *                          a lower bound of the transient working set of one 1 MB call
 *   peakRss                process.resourceUsage().maxRSS: the whole process's high-water mark
 */
import { adversarial, shortComments } from './corpus.mjs';
import { load } from './libs.mjs';

const name = process.argv[2];
const gc = globalThis.gc ?? (() => {});
const comments = shortComments(1000);
const inputs = Object.values(adversarial(1 << 20));
gc();
gc();
const base = process.memoryUsage();
const lib = await load(name);
lib.check('hello');
gc();
gc();
const setup = process.memoryUsage();
let peakHeap = 0;
for (const c of comments) lib.check(c);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
for (const text of inputs) {
  gc();
  lib.check(text);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    name,
    setupRss: setup.rss - base.rss,
    setupHeap: setup.heapUsed - base.heapUsed,
    retainedHeap: after.heapUsed - base.heapUsed,
    peakHeap: peakHeap - base.heapUsed,
    peakRss: process.resourceUsage().maxRSS * 1024,
    baseRss: base.rss,
  }) + '\n',
);
