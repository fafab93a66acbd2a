import { readPattern, type PatternRead } from '../engine/prefilter.js';

/** One pattern's read as JSON can hold it: [source, [parts, anchored, reach] or null, maxText], Infinity as null. */
type Encoded = [string, [string[][], boolean, number | null] | null, number | null];

/**
 * `readPattern` of each source, as JSON text. The build (tsup.config.ts) writes the shipped
 * patterns' reads into shippedPatternReads.ts with it, from the rules and the prefilter of that
 * very build, so the table cannot drift from either.
 */
export function encodePatternReads(sources: Iterable<string>): string {
  const out: Encoded[] = [];
  for (const source of new Set(sources)) {
    const { gate, maxText } = readPattern(source);
    const finite = (x: number) => (x === Infinity ? null : x);
    out.push([source, gate === undefined ? null : [gate.parts, gate.anchored, finite(gate.reach)], finite(maxText)]);
  }
  return JSON.stringify(out);
}

export function decodePatternReads(json: string): ReadonlyMap<string, PatternRead> {
  const reads = new Map<string, PatternRead>();
  for (const [source, gate, maxText] of JSON.parse(json) as Encoded[]) {
    reads.set(source, {
      gate: gate === null ? undefined : { parts: gate[0], reach: gate[2] ?? Infinity, anchored: gate[1] },
      maxText: maxText ?? Infinity,
    });
  }
  return reads;
}
