/**
 * Where a schema issue sits in a rule pack, said the way a person editing the JSON looks for it
 * (rule "x", field "terms[3]"), and which fields that spot may hold, with the closest one to a
 * misspelled key. Shared by the loader (parsePack: the first problem, as an error) and the lint
 * (every problem, as findings), so both name a typo the same way.
 */
import { closest } from '../text/closest.js';
import { lazily } from './lazy.js';
import { rulePackSchemas } from './rulePack.js';

export type Path = ReadonlyArray<PropertyKey>;

/** A schema path as JSON a reader can follow: `affixes.allow[0]`. */
export function fieldOf(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function ruleIdAt(pack: unknown, index: number): string {
  const raw = (pack as { rules?: Array<{ id?: unknown }> } | null)?.rules?.[index];
  return typeof raw?.id === 'string' ? raw.id : `#${index}`;
}

/** Rule and field of a schema path: `rules[2].terms[0]` becomes rule "x", field "terms[0]". */
export function locate(pack: unknown, path: Path): { ruleId?: string; field: string } {
  if (path[0] === 'rules' && typeof path[1] === 'number') return { ruleId: ruleIdAt(pack, path[1]), field: fieldOf(path.slice(2)) };
  return { field: fieldOf(path) };
}

// The fields each object of a pack may have, read from the schemas so a new field is known here at once.
// Built on first use, as the schemas are (lazy.ts): importing the package must not build them.
const known = lazily(() => {
  const { RulePackSchema, RuleSchema, TermSchema } = rulePackSchemas();
  return {
    pack: Object.keys(RulePackSchema.shape),
    rule: Object.keys(RuleSchema.shape),
    term: Object.keys(TermSchema.options[1].shape),
    affixes: Object.keys(RuleSchema.shape.affixes.unwrap().shape),
    examples: Object.keys(RuleSchema.shape.examples.shape),
  };
});

/** The fields the object at `path` may have (none known: []). */
export function knownKeys(path: Path): string[] {
  const KNOWN = known();
  if (path.length === 0) return KNOWN.pack;
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return [];
  if (path.length === 2) return KNOWN.rule;
  if (path.length === 3 && path[2] === 'affixes') return KNOWN.affixes;
  if (path.length === 3 && path[2] === 'examples') return KNOWN.examples;
  if (path.length === 4 && path[2] === 'terms') return KNOWN.term;
  return [];
}

/** `; did you mean "terms"?`, or the fields there are, or nothing. */
export function suggestion(key: string, names: readonly string[]): string {
  const best = closest(key, names);
  if (best !== undefined) return `; did you mean "${best}"?`;
  return names.length > 0 ? `; known fields: ${names.join(', ')}` : '';
}
