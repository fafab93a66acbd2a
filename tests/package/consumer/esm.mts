// Type-checked by tests/package/types.test.ts against the built package's declarations,
// resolved through package.json "exports" the way a user's project resolves them.
import { createModerator, createHook, DecorumError, isDecorumError, type Verdict, type Label } from 'decorum';
import { loadRulePacks } from 'decorum/node';
import { moderationMiddleware } from 'decorum/express';
import { decorumMatchers } from 'decorum/vitest';

const verdict: Verdict = createModerator({ thresholds: { insult: 0.6 } }).moderate('hello', { article: 'x' });
const label: Label | undefined = verdict.labels[0];
const hook = createHook({ onReject: () => 'rejected' });
const middleware = moderationMiddleware({ textField: 'body.text' });
const packs = loadRulePacks('rules');
const matchers = decorumMatchers();
const err: unknown = new DecorumError('INVALID_INPUT', 'x');
export const used = [label, hook, middleware, packs, matchers, isDecorumError(err)];
