import allowlist from '../../rules/allowlist.json';
import insults from '../../rules/insults.json';
import offtopic from '../../rules/offtopic.json';
import partisan from '../../rules/partisan.json';
import slurs from '../../rules/slurs.json';
import type { SourcedPack } from '../engine/compile.js';
import type { Rule, RulePack } from '../schemas/rulePack.js';

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

type RawRule = Omit<Rule, 'boundary' | 'glued' | 'examples'> & Partial<Pick<Rule, 'boundary' | 'glued'>> & { examples: { match: string[]; noMatch?: string[] } };
type RawPack = Omit<RulePack, 'allow' | 'targets' | 'names' | 'rules'> & Partial<Pick<RulePack, 'allow' | 'targets' | 'names'>> & { rules: RawRule[] };

/** Each shipped pack as imported, by name, with its own rule objects. */
const SHIPPED = new Map<string, { raw: Record<string, unknown>; rules: ReadonlySet<object> }>(
  BUNDLED_PACKS.map(({ pack }) => {
    const raw = pack as RawPack;
    return [raw.pack, { raw: pack as Record<string, unknown>, rules: new Set(raw.rules) }];
  }),
);

/**
 * RulePackSchema.parse(pack), without zod, for a shipped pack as imported, or a copy of one that
 * keeps only some of its rules (how moderate.ts drops the rules a custom pack overrides): every
 * field but `rules` the very same value, and every rule one of the pack's own rule objects.
 * Anything else (a user's pack, a changed or cloned shipped pack) gives undefined, and is
 * validated by zod as before, with the same errors. Validating the shipped packs with zod again
 * in every createModerator was ~10 % of its CPU in a cold process; tests/bundled/shipped-packs
 * .test.ts holds this to RulePackSchema.parse for every shipped pack, so a pack the schema
 * refuses, or one it would change in a way not written here (its defaults), fails the suite.
 */
export function shippedPackParsed(pack: unknown): RulePack | undefined {
  if (typeof pack !== 'object' || pack === null) return undefined;
  const p = pack as Record<string, unknown>;
  const shipped = typeof p.pack === 'string' ? SHIPPED.get(p.pack) : undefined;
  if (shipped === undefined) return undefined;
  const keys = Object.keys(p);
  if (keys.length !== Object.keys(shipped.raw).length) return undefined;
  for (const k of keys) if (k !== 'rules' && (!Object.hasOwn(shipped.raw, k) || p[k] !== shipped.raw[k])) return undefined;
  const rules = p.rules;
  if (!Array.isArray(rules) || !Object.hasOwn(shipped.raw, 'rules')) return undefined;
  for (const r of rules) if (!shipped.rules.has(r as object)) return undefined;
  const raw = p as unknown as RawPack;
  return { ...raw, allow: raw.allow ?? [], targets: raw.targets ?? [], names: raw.names ?? [], rules: (rules as RawRule[]).map(parsedRule) };
}

/** The defaults RuleSchema fills in. */
function parsedRule(r: RawRule): Rule {
  return { ...r, boundary: r.boundary ?? 'word', glued: r.glued ?? true, examples: { match: r.examples.match, noMatch: r.examples.noMatch ?? [] } };
}
