import type { PatternRead } from '../engine/prefilter.js';

/**
 * `readPattern` of every shipped pattern, by source. The build replaces this module with the
 * table (tsup.config.ts, encodePatternReads): the regex-subset reader was ~10 % of
 * createModerator's CPU in a cold process, for answers fixed by the shipped rules. Run from
 * source (the tests) it is undefined and every pattern is read at load.
 */
export const SHIPPED_PATTERN_READS: ReadonlyMap<string, PatternRead> | undefined = undefined;
