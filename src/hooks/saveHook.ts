/**
 * createHook: moderation for an ORM's save path (Prisma query extensions, Sequelize or Mongoose
 * hooks) or any other "before it is stored" step. Browser-safe: no Node or framework imports.
 */
import { z } from 'zod';
import { DecorumError, kindOf } from '../errors.js';
import { createModerator, type Moderator } from '../moderate.js';
import { lazily } from '../schemas/lazy.js';
import type { Action, Verdict } from '../types.js';
import { isFunction, isModerator } from './options.js';
import { parseOptions } from '../schemas/parseOptions.js';

/** Called with the record and its verdict; its (awaited) return value is the hook's `result`. */
export type HookCallback<R, T> = (record: R, verdict: Verdict) => T | Promise<T>;

export interface CreateHookOptions<R, T> {
  /** Default: `createModerator()`, built once when the hook is created. */
  moderator?: Moderator;
  onAllow?: HookCallback<R, T>;
  onReview?: HookCallback<R, T>;
  onReject?: HookCallback<R, T>;
  /** The comment text of a record. Default: `record.text`. */
  getText?: (record: R) => string;
  /** The article the comment is under, for off-topic; null/undefined for none. Default: none. */
  getArticle?: (record: R) => string | null | undefined;
}

export interface HookOutcome<T> {
  verdict: Verdict;
  action: Action;
  /** What the matching callback returned, or undefined when there is none. */
  result: T | undefined;
}

export type SaveHook<R, T> = (record: R) => Promise<HookOutcome<T>>;

const fn = (what: string) => z.custom<(...args: never[]) => unknown>(isFunction, `expected a function ${what}`).optional();

// Built on first use (../schemas/lazy.ts): importing the package must not build schemas.
const optionsSchema = lazily(() =>
  z.strictObject({
    moderator: z.custom<Moderator>(isModerator, 'expected a Moderator from createModerator()').optional(),
    onAllow: fn('(record, verdict) => result'),
    onReview: fn('(record, verdict) => result'),
    onReject: fn('(record, verdict) => result'),
    getText: fn('(record) => string'),
    getArticle: fn('(record) => string | null | undefined'),
  }),
);

function defaultText(record: unknown): unknown {
  return typeof record === 'object' && record !== null ? (record as { text?: unknown }).text : undefined;
}

/**
 * Returns `async (record) => ({ verdict, action, result })`. The moderator is immutable and each
 * call keeps its state in its own locals, so concurrent saves cannot see each other's verdicts.
 * A callback's error rejects the returned promise: that is how a hook blocks a save, so it is
 * never swallowed.
 */
export function createHook<R = { text: string }, T = unknown>(options?: CreateHookOptions<R, T>): SaveHook<R, T> {
  const opts = parseOptions(optionsSchema(), options, 'createHook');
  const given = options ?? {};
  const moderator = opts.moderator ?? createModerator();
  const callbacks: Record<Action, HookCallback<R, T> | undefined> = { allow: given.onAllow, review: given.onReview, reject: given.onReject };
  const getText: (record: R) => unknown = given.getText ?? defaultText;
  const getArticle = given.getArticle;

  return async (record: R): Promise<HookOutcome<T>> => {
    if (given.getText === undefined && (record === null || typeof record !== 'object')) {
      // Said before reading record.text: "text must be a string, got undefined" hides the real mistake.
      throw new DecorumError('INVALID_INPUT', `createHook: the record must be an object with a text field, got ${kindOf(record)}`, { field: 'record' });
    }
    const text = getText(record);
    if (typeof text !== 'string') {
      throw new DecorumError('INVALID_INPUT', `createHook: the record's text must be a string, got ${kindOf(text)}${given.getText ? ' (from getText)' : ' (record.text; pass getText for another field)'}`, { field: 'text' });
    }
    const found: unknown = getArticle?.(record);
    if (found !== undefined && found !== null && typeof found !== 'string') {
      throw new DecorumError('INVALID_INPUT', `createHook: getArticle must return a string, null or undefined, got ${typeof found}`, { field: 'article' });
    }
    const article = found ?? undefined;
    const verdict = moderator.moderate(text, article !== undefined ? { article } : undefined);
    const callback = callbacks[verdict.action];
    const result = callback === undefined ? undefined : await callback(record, verdict);
    return { verdict, action: verdict.action, result };
  };
}
