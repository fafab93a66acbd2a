/*
 * Why the per-call classes of moderation each keep one instance alive for good.
 *
 * An object gets its map (hidden class) by the chain of field stores that built it: the first map
 * of a class is held by its constructor, but V8 (Node 20) holds each later map of the chain only
 * weakly (from the map before it), so the maps live only as long as some object has them.
 * Optimised code embeds those maps, and only weakly too. The objects of a moderate() call
 * (NormalizedText, ScannedWord, AllowIndex, LazyAnalysis, a mentioned Match) all die with the
 * call, so a full GC frees their maps and deoptimises every function optimised against them
 * (`--trace-deopt`: "reason: weak objects", some 20 functions from moderate down to normalize):
 * moderation ran about half as fast for the next ~2,500 calls after each full GC. One live
 * object of each shape keeps the chain of maps, and so the optimised code, alive.
 * (V8 flags tried that do not help: --retain-maps-for-n-gc=1000, --no-flush-bytecode.)
 *
 * Removing a keepShape() call brings that back without failing any test: check with
 * `node --expose-gc --trace-deopt` that gc() after a warmed-up moderate() loop marks nothing
 * for "weak objects". The kept object must be built the way the per-call ones are (same
 * constructor, or the same fields added in the same order), or its map is another one.
 */
const kept: object[] = [];

/** Keeps `instance` (and so its map and the maps before it) alive for the life of the process. */
export function keepShape(instance: object): void {
  kept.push(instance);
}
