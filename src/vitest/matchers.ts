import { DecorumError } from '../errors.js';
import { createModerator, type Moderator } from '../moderate.js';
import { LABELS, type Action, type Label, type Verdict } from '../types.js';
import { describeVerdict, quote, subjectName, type Subject } from './describe.js';

/**
 * What the matchers accept as `expect(subject)`: a verdict from `moderate`, a comment's text
 * (moderated on the spot), or `{ text, article }` when off-topic depends on the article.
 */
export type ModerationSubject = Verdict | string | { text: string; article?: string };

/** The part of a moderator the matchers use, so a site can pass its own wrapper. */
export type MatcherModerator = Pick<Moderator, 'moderate'>;

/** The result a vitest (or Jest) matcher returns. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** The part of vitest's matcher state these matchers read. */
export interface MatcherContext {
  isNot: boolean;
}

/** The matcher functions, keyed by name, as `expect.extend` takes them. */
export interface DecorumMatchers {
  toHaveLabel(this: MatcherContext, received: unknown, label: Label): MatcherResult;
  toHaveAction(this: MatcherContext, received: unknown, action: Action): MatcherResult;
  toBeAllowed(this: MatcherContext, received: unknown): MatcherResult;
  toBeReviewed(this: MatcherContext, received: unknown): MatcherResult;
  toBeRejected(this: MatcherContext, received: unknown): MatcherResult;
  toMatchRule(this: MatcherContext, received: unknown, ruleId: string, text?: string): MatcherResult;
  // An index signature, so the object is assignable to `expect.extend`'s Record<string, matcher>.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [name: string]: (this: MatcherContext, received: unknown, ...args: any[]) => MatcherResult;
}

const ACTIONS: readonly Action[] = ['allow', 'review', 'reject'];
const PAST: Record<Action, string> = { allow: 'allowed', review: 'reviewed', reject: 'rejected' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isVerdict(value: unknown): value is Verdict {
  return (
    isRecord(value) &&
    Array.isArray(value.labels) &&
    isRecord(value.scores) &&
    typeof value.action === 'string' &&
    Array.isArray(value.matches) &&
    Array.isArray(value.reasons)
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object that is neither a verdict nor { text }' : typeof value;
}

/**
 * Matchers for decorum verdicts, as a plain object for `expect.extend(decorumMatchers())`.
 * String subjects are moderated with `moderator`; without one, a default `createModerator()` is
 * built the first time a string needs it (verdict subjects never build one).
 */
export function decorumMatchers(moderator?: MatcherModerator): DecorumMatchers {
  let own: MatcherModerator | undefined = moderator;
  const getModerator = (): MatcherModerator => (own ??= createModerator());

  function resolve(matcher: string, received: unknown): Subject {
    if (typeof received === 'string') return { verdict: getModerator().moderate(received), text: received };
    if (isVerdict(received)) return { verdict: received };
    if (isRecord(received) && typeof received.text === 'string') {
      const article = received.article;
      if (article !== undefined && typeof article !== 'string') {
        throw new DecorumError('INVALID_INPUT', `${matcher}: the subject's article must be a string, got ${typeof article}`);
      }
      const verdict = getModerator().moderate(received.text, article === undefined ? undefined : { article });
      return article === undefined ? { verdict, text: received.text } : { verdict, text: received.text, article };
    }
    throw new DecorumError('INVALID_INPUT', `${matcher}: expect() needs a verdict from moderate(), a comment's text, or { text, article? }; got ${typeName(received)}`);
  }

  function checkLabel(matcher: string, label: unknown): asserts label is Label {
    if (typeof label !== 'string' || !(LABELS as readonly string[]).includes(label)) {
      throw new DecorumError('INVALID_INPUT', `${matcher}: unknown label ${JSON.stringify(label)}; expected one of ${LABELS.join(', ')}`);
    }
  }

  function checkAction(matcher: string, action: unknown): asserts action is Action {
    if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
      throw new DecorumError('INVALID_INPUT', `${matcher}: unknown action ${JSON.stringify(action)}; expected one of ${ACTIONS.join(', ')}`);
    }
  }

  function actionResult(ctx: MatcherContext, matcher: string, received: unknown, expected: Action, phrase: string): MatcherResult {
    const subject = resolve(matcher, received);
    const { verdict } = subject;
    const pass = verdict.action === expected;
    return {
      pass,
      message: () =>
        `expected ${subjectName(subject)} ${ctx.isNot ? 'not ' : ''}${phrase}, but it was ${PAST[verdict.action] ?? verdict.action}:\n${describeVerdict(verdict)}`,
      actual: verdict.action,
      expected,
    };
  }

  return {
    toHaveLabel(received, label) {
      checkLabel('toHaveLabel', label);
      const subject = resolve('toHaveLabel', received);
      const { verdict } = subject;
      const pass = verdict.labels.includes(label);
      const score = verdict.scores[label];
      return {
        pass,
        message: () =>
          pass
            ? `expected ${subjectName(subject)} not to have label ${label}, but it has it (score ${score.toFixed(3)}):\n${describeVerdict(verdict)}`
            : `expected ${subjectName(subject)} to have label ${label}, but ${label} scored ${typeof score === 'number' ? score.toFixed(3) : String(score)} and was not assigned:\n${describeVerdict(verdict)}`,
      };
    },

    toHaveAction(received, action) {
      checkAction('toHaveAction', action);
      return actionResult(this, 'toHaveAction', received, action, `to have action ${action}`);
    },

    toBeAllowed(received) {
      return actionResult(this, 'toBeAllowed', received, 'allow', 'to be allowed');
    },

    toBeReviewed(received) {
      return actionResult(this, 'toBeReviewed', received, 'review', 'to be reviewed');
    },

    toBeRejected(received) {
      return actionResult(this, 'toBeRejected', received, 'reject', 'to be rejected');
    },

    toMatchRule(received, ruleId, text) {
      if (typeof ruleId !== 'string' || ruleId === '') throw new DecorumError('INVALID_INPUT', `toMatchRule: the rule id must be a non-empty string, got ${JSON.stringify(ruleId)}`);
      if (text !== undefined && typeof text !== 'string') throw new DecorumError('INVALID_INPUT', `toMatchRule: the matched text must be a string, got ${typeof text}`);
      const subject = resolve('toMatchRule', received);
      const { verdict } = subject;
      const own = verdict.matches.filter((m) => m.ruleId === ruleId);
      const hits = text === undefined ? own : own.filter((m) => m.text === text);
      const pass = hits.length > 0;
      const what = text === undefined ? `rule ${ruleId}` : `rule ${ruleId} on ${quote(text)}`;
      const spans = (list: typeof own) => list.map((m) => `${JSON.stringify(m.text)} at [${m.start}, ${m.end})`).join(', ');
      return {
        pass,
        message: () => {
          if (pass) return `expected ${subjectName(subject)} not to match ${what}, but it matched ${spans(hits)}:\n${describeVerdict(verdict)}`;
          const why =
            own.length > 0
              ? `rule ${ruleId} matched ${spans(own)} instead`
              : verdict.matches.length === 0
                ? 'no rule matched'
                : `it matched ${[...new Set(verdict.matches.map((m) => m.ruleId))].join(', ')}`;
          return `expected ${subjectName(subject)} to match ${what}, but ${why}:\n${describeVerdict(verdict)}`;
        },
      };
    },
  };
}
