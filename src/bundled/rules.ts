import allowlist from '../../rules/allowlist.json';
import insults from '../../rules/insults.json';
import offtopic from '../../rules/offtopic.json';
import partisan from '../../rules/partisan.json';
import slurs from '../../rules/slurs.json';
import type { SourcedPack } from '../engine/compile.js';

/** The shipped rule packs, bundled into the build so the browser-safe API needs no file system. */
export const BUNDLED_PACKS: readonly SourcedPack[] = [
  { pack: slurs, file: 'rules/slurs.json' },
  { pack: insults, file: 'rules/insults.json' },
  { pack: partisan, file: 'rules/partisan.json' },
  { pack: offtopic, file: 'rules/offtopic.json' },
  { pack: allowlist, file: 'rules/allowlist.json' },
];

/**
 * Every pattern source of the shipped packs. tests/engine/backtracking.test.ts holds each to
 * patternProblem, so a moderator need not analyse them again at load (CompileOptions.vetted).
 */
export const BUNDLED_PATTERNS: ReadonlySet<string> = new Set(
  BUNDLED_PACKS.flatMap(({ pack }) => (pack as { rules: ReadonlyArray<{ patterns?: readonly string[] }> }).rules.flatMap((r) => r.patterns ?? [])),
);
