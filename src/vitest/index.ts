/**
 * `decorum/vitest`: matchers for a site's own moderation regression tests.
 *
 *   import { installDecorumMatchers } from 'decorum/vitest';
 *   installDecorumMatchers(createModerator({ rules: [myPack] }));
 *   expect('you absolute idiot').toHaveLabel('insult');
 *   expect(moderator.moderate(text)).toMatchRule('insult.name.idiot');
 *
 * vitest is a peer: it is imported here and nowhere else in decorum.
 */
import { expect } from 'vitest';
import type { Action, Label } from '../types.js';
import { decorumMatchers, type MatcherModerator } from './matchers.js';

export { decorumMatchers } from './matchers.js';
export type { DecorumMatchers, MatcherContext, MatcherModerator, MatcherResult, ModerationSubject } from './matchers.js';
export { describeVerdict } from './describe.js';

/**
 * Register the matchers with vitest's `expect`. String subjects are moderated with `moderator`
 * (default: `createModerator()`, built on first use). Call it once per test file, or in a
 * `setupFiles` module for the whole suite.
 */
export function installDecorumMatchers(moderator?: MatcherModerator): void {
  expect.extend(decorumMatchers(moderator));
}

/**
 * The matchers as methods of `expect(subject)`. The subject is a verdict from `moderate()`, a
 * comment's text, or `{ text, article? }`; text is moderated with the installed moderator.
 */
export interface DecorumAssertions<R = unknown> {
  /** The verdict assigns `label` (its score reached the moderator's threshold for it). */
  toHaveLabel(label: Label): R;
  /** The verdict's action is `action`. */
  toHaveAction(action: Action): R;
  /** The action is `allow`. */
  toBeAllowed(): R;
  /** The action is `review`. */
  toBeReviewed(): R;
  /** The action is `reject`. */
  toBeRejected(): R;
  /** Some match comes from rule `ruleId` (mentions included); with `text`, a match whose original text is exactly `text`. */
  toMatchRule(ruleId: string, text?: string): R;
}

declare module 'vitest' {
  // The type parameter must be declared exactly as vitest declares it for the merge to apply.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends DecorumAssertions<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends DecorumAssertions {}
}
