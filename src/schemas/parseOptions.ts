import type { z } from 'zod';
import { DecorumError, kindOf } from '../errors.js';

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
  // An unknown key (a typo such as "onreject") has an empty path: name the key itself.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const option = keys.length > 0 ? keys.join(', ') : issue.path.map(String).join('.') || '(options)';
  const message = issue.code === 'unrecognized_keys' ? `unknown option${keys.length > 1 ? 's' : ''} "${option}"` : `option "${option}": ${issue.message}`;
  throw new DecorumError('INVALID_OPTION', `${where}: ${message}`, { option });
}
