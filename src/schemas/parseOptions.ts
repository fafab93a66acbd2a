import type { z } from 'zod';
import { DecorumError, kindOf } from '../errors.js';
import { closest } from '../text/closest.js';

/**
 * Parses a function's options object with its zod schema, turning the first issue into an
 * INVALID_OPTION DecorumError that names the option: one reading for createModerator,
 * trainModel and the hooks, so a typo or a wrong value reads the same wherever it is made.
 * `where` is the function's name, as the message starts.
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, where: string): z.output<S> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new DecorumError('INVALID_OPTION', `${where}(options): options must be an object, got ${kindOf(options)}`);
  }
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    // A typo: named with where it sits ("thresholds.insults", not "insults") and the closest key
    // the object takes there.
    const key = issue.keys[0]!;
    const option = at === '' ? key : `${at}.${key}`;
    const near = closest(key, knownKeysAt(schema, issue.path));
    throw new DecorumError('INVALID_OPTION', `${where}: unknown option "${option}"${near !== undefined ? `; did you mean "${at === '' ? near : `${at}.${near}`}"?` : ''}`, { option });
  }
  const option = at || '(options)';
  throw new DecorumError('INVALID_OPTION', `${where}: option "${option}": ${issue.message}`, { option });
}

/** The keys the object schema at `path` inside `schema` takes (none found: []). */
function knownKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let node: unknown = schema;
  for (const key of [...path, null]) {
    // Through defaults and optionals to the object itself.
    for (let unwrap = 0; unwrap < 4 && node !== null && typeof node === 'object' && !('shape' in node) && 'unwrap' in node; unwrap++) {
      node = (node as { unwrap: () => unknown }).unwrap();
    }
    if (node === null || typeof node !== 'object' || !('shape' in node)) return [];
    const shape = (node as { shape: Record<string, unknown> }).shape;
    if (key === null) return Object.keys(shape);
    node = shape[String(key)];
  }
  return [];
}
