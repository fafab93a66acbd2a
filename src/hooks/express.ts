/**
 * decorum/express: moderate comments as they are posted, in any Express 4/5 or Connect app.
 *
 * Nothing here imports express: the middleware only uses what Node's own http objects have
 * (`res.statusCode`, `setHeader`, `end`), so decorum keeps no dependency on a web framework and
 * the same function works under Express, Connect or a bare `http.createServer` chain.
 */
import { z } from 'zod';
import { DecorumError, isDecorumError, kindOf } from '../errors.js';
import { createModerator, type Moderator } from '../moderate.js';
import type { ModeratorOptions } from '../schemas/options.js';
import type { Action, Label, Verdict } from '../types.js';
import { isFunction, isModerator } from './options.js';
import { parseOptions } from '../schemas/parseOptions.js';

declare global {
  // The verdict is attached as `moderation` by default (`attachAs`): typed here on Express's
  // request and locals, so a TypeScript route reads req.moderation without a cast. This merges
  // with @types/express when the app has it, and declares an unused namespace when it has not.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** decorum's verdict, set by moderationMiddleware (under another name if `attachAs` says so). */
      moderation?: Verdict;
    }
    interface Locals {
      /** decorum's verdict, set by moderationMiddleware (under another name if `attachAs` says so). */
      moderation?: Verdict;
    }
  }
}

/** The part of a response the middleware uses; Express's and Node's ServerResponse both fit. */
export interface ResponseLike {
  statusCode: number;
  headersSent?: boolean;
  /** Express's per-request locals; the verdict is copied there too when it exists. */
  locals?: Record<string, unknown>;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

export type NextLike = (error?: unknown) => void;

/** Takes over once the verdict is known: answer, or call `next()`. May be async; a rejection goes to `next(error)`. */
export type ModerationHandler<Req extends object = object, Res extends ResponseLike = ResponseLike> = (
  verdict: Verdict,
  req: Req,
  res: Res,
  next: NextLike,
) => void | Promise<unknown>;

export interface ModerationMiddlewareOptions<Req extends object = object, Res extends ResponseLike = ResponseLike> {
  /** The moderator to use. Default: `createModerator(moderatorOptions)`, built once, here. */
  moderator?: Moderator;
  /** Options for the default moderator (not with `moderator`). */
  moderatorOptions?: ModeratorOptions;
  /** Dot path of the comment text in the request. Default `body.text` (needs a JSON or form body parser first). */
  textField?: string;
  /** Dot path of the article text the comment is under, for off-topic. Default: none. */
  articleField?: string;
  /** On `review`: `next` (default) passes the request on; `accept202` answers 202 with the verdict. */
  onReview?: 'next' | 'accept202';
  /** On `reject`: `reject422` (default) answers 422 with the verdict; `next` passes the request on. */
  onReject?: 'reject422' | 'next';
  /** Custom handling of every verdict; replaces `onReview`/`onReject`. */
  handler?: ModerationHandler<Req, Res>;
  /** The verdict is set on `req[attachAs]` and `res.locals[attachAs]`. Default `moderation`. */
  attachAs?: string;
}

export type ModerationMiddleware<Req extends object = object, Res extends ResponseLike = ResponseLike> = (req: Req, res: Res, next: NextLike) => void;

/** What a 422/202 answer says about the verdict: enough for the commenter, no internal scores. */
export interface VerdictBody {
  action: Action;
  labels: Label[];
  reasons: string[];
  matches: Array<{ ruleId: string; label: string; start: number; end: number; text: string }>;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const dotPath = z
  .string()
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'expected a dot path such as "body.text"')
  .refine((p) => !p.split('.').some((k) => FORBIDDEN_KEYS.has(k)), 'must not go through __proto__, constructor or prototype');

const OptionsSchema = z.strictObject({
  moderator: z.custom<Moderator>(isModerator, 'expected a Moderator from createModerator()').optional(),
  moderatorOptions: z.record(z.string(), z.unknown()).optional(),
  textField: dotPath.default('body.text'),
  articleField: dotPath.optional(),
  onReview: z.enum(['next', 'accept202']).default('next'),
  onReject: z.enum(['reject422', 'next']).default('reject422'),
  handler: z.custom<ModerationHandler>(isFunction, 'expected a function (verdict, req, res, next) => void').optional(),
  attachAs: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/, 'expected a property name such as "moderation"')
    .refine((k) => !FORBIDDEN_KEYS.has(k), 'must not be __proto__, constructor or prototype')
    .default('moderation'),
});

/** Follows a dot path through objects only, so a string body or a missing parser gives undefined, not a crash. */
function readPath(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function verdictBody(verdict: Verdict): VerdictBody {
  const v = verdict as Partial<Verdict> | null;
  if (typeof v !== 'object' || v === null || typeof v.action !== 'string' || !Array.isArray(v.labels) || !Array.isArray(v.reasons) || !Array.isArray(v.matches) || !v.matches.every((m) => typeof m === 'object' && m !== null)) {
    throw new DecorumError('INVALID_INPUT', `verdictBody(verdict): expected a verdict from moderate(), got ${kindOf(verdict)}`, { field: 'verdict' });
  }
  return {
    action: verdict.action,
    labels: verdict.labels,
    reasons: verdict.reasons,
    matches: verdict.matches.map(({ ruleId, label, start, end, text }) => ({ ruleId, label, start, end, text })),
  };
}

function sendJson(res: ResponseLike, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function buildModerator(moderatorOptions: ModeratorOptions | undefined): Moderator {
  try {
    return createModerator(moderatorOptions);
  } catch (error) {
    if (isDecorumError(error) && error.code === 'INVALID_OPTION') {
      const option = `moderatorOptions${error.details.option ? `.${error.details.option}` : ''}`;
      throw new DecorumError('INVALID_OPTION', `moderationMiddleware: option "${option}": ${error.message}`, { option }, { cause: error });
    }
    throw error;
  }
}

/**
 * Express/Connect middleware that moderates the comment in the request. Options are checked
 * here, once: a wrong one throws DecorumError `INVALID_OPTION` naming it, at start-up rather
 * than on the first request. Requests never crash it: a missing or non-string text gets a 400.
 */
export function moderationMiddleware<Req extends object = object, Res extends ResponseLike = ResponseLike>(
  options?: ModerationMiddlewareOptions<Req, Res>,
): ModerationMiddleware<Req, Res> {
  const opts = parseOptions(OptionsSchema, options, 'moderationMiddleware');
  if (opts.moderator !== undefined && opts.moderatorOptions !== undefined) {
    throw new DecorumError('INVALID_OPTION', 'moderationMiddleware: give "moderator" or "moderatorOptions", not both', { option: 'moderatorOptions' });
  }
  const raw = options ?? {};
  if (opts.handler !== undefined && (raw.onReview !== undefined || raw.onReject !== undefined)) {
    // Silently ignoring onReview/onReject would surprise whoever set them.
    throw new DecorumError('INVALID_OPTION', 'moderationMiddleware: option "handler" replaces "onReview" and "onReject"; set one or the other', { option: 'handler' });
  }
  const moderator = opts.moderator ?? buildModerator(opts.moderatorOptions as ModeratorOptions | undefined);
  const textPath = opts.textField.split('.');
  const articlePath = opts.articleField?.split('.');
  const handler = opts.handler as ModerationHandler<Req, Res> | undefined;
  const { attachAs, onReview, onReject, textField, articleField } = opts;

  return function moderation(req: Req, res: Res, next: NextLike): void {
    const text = readPath(req, textPath);
    if (typeof text !== 'string') {
      const hint = textPath.length > 1 && readPath(req, textPath.slice(0, 1)) === undefined ? ` (req.${textPath[0]} is undefined: is a body parser such as express.json() mounted before this middleware?)` : '';
      sendJson(res, 400, {
        error: 'invalid comment',
        field: textField,
        message: text === undefined || text === null ? `the comment text is missing: expected a string at req.${textField}${hint}` : `the comment text at req.${textField} must be a string, got ${kindOf(text)}`,
      });
      return;
    }
    let article: string | undefined;
    if (articlePath !== undefined && articleField !== undefined) {
      const value = readPath(req, articlePath);
      if (value !== undefined && value !== null && typeof value !== 'string') {
        sendJson(res, 400, { error: 'invalid comment', field: articleField, message: `the article at req.${articleField} must be a string, got ${kindOf(value)}` });
        return;
      }
      article = value ?? undefined;
    }

    let verdict: Verdict;
    try {
      verdict = moderator.moderate(text, article !== undefined ? { article } : undefined);
      (req as Record<string, unknown>)[attachAs] = verdict;
      if (typeof res.locals === 'object' && res.locals !== null) res.locals[attachAs] = verdict;
    } catch (error) {
      next(error);
      return;
    }

    if (handler !== undefined) {
      try {
        const done = handler(verdict, req, res, next);
        if (done !== undefined && typeof (done as Promise<unknown>).then === 'function') (done as Promise<unknown>).then(undefined, next);
      } catch (error) {
        next(error);
      }
      return;
    }
    if (verdict.action === 'reject' && onReject === 'reject422') sendJson(res, 422, { error: 'comment rejected', ...verdictBody(verdict) });
    else if (verdict.action === 'review' && onReview === 'accept202') sendJson(res, 202, { message: 'comment held for review', ...verdictBody(verdict) });
    else next();
  };
}
