import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/moderate.js';
import type { Verdict } from '../../src/types.js';
import { decorumMatchers, describeVerdict, installDecorumMatchers, type MatcherModerator } from '../../src/vitest/index.js';

/** A verdict written by hand, so every message below can be checked against known numbers. */
function verdictFor(text: string, over: Partial<Verdict> = {}): Verdict {
  const start = text.indexOf('idiot');
  return {
    labels: ['insult'],
    scores: { slur: 0.012, insult: 0.85, partisan_epithet: 0, off_topic: 0.2 },
    action: 'review',
    matches:
      start < 0
        ? []
        : [{ ruleId: 'insult.name.idiot', label: 'insult', severity: 'medium', start, end: start + 5, text: 'idiot', term: 'idiot' }],
    language: 'eng',
    reasons: ['insult 0.85 — rules: insult.name.idiot "idiot"'],
    ...over,
  };
}

const clean: Verdict = {
  labels: [],
  scores: { slur: 0, insult: 0.1, partisan_epithet: 0, off_topic: 0.05 },
  action: 'allow',
  matches: [],
  language: 'eng',
  reasons: [],
};

/** A moderator that records what it was asked and answers from a table. */
function fakeModerator(): MatcherModerator & { calls: Array<{ text: string; article?: string }> } {
  const calls: Array<{ text: string; article?: string }> = [];
  return {
    calls,
    moderate(text, context) {
      calls.push(context?.article === undefined ? { text } : { text, article: context.article });
      if (text.includes('idiot')) return verdictFor(text);
      if (context?.article !== undefined && text.includes('recipe')) return { ...clean, labels: ['off_topic'], action: 'review' };
      return clean;
    },
  };
}

/** The message of the assertion error `fn` throws; fails the test if it does not throw. */
function failure(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

const fake = fakeModerator();
installDecorumMatchers(fake);

describe('matchers on a verdict', () => {
  const verdict = verdictFor('you absolute idiot');

  it('toHaveLabel passes for an assigned label and fails for the others', () => {
    expect(verdict).toHaveLabel('insult');
    expect(verdict).not.toHaveLabel('slur');
    expect(() => expect(verdict).toHaveLabel('slur')).toThrow();
    expect(() => expect(verdict).not.toHaveLabel('insult')).toThrow();
  });

  it('a score above zero is not a label: only verdict.labels counts', () => {
    expect(verdict.scores.off_topic).toBeGreaterThan(0);
    expect(verdict).not.toHaveLabel('off_topic');
  });

  it('toHaveAction and the three shorthands compare the action', () => {
    expect(verdict).toHaveAction('review');
    expect(verdict).toBeReviewed();
    expect(verdict).not.toBeAllowed();
    expect(verdict).not.toBeRejected();
    expect(clean).toBeAllowed();
    expect(verdictFor('idiot', { action: 'reject' })).toBeRejected();
    expect(() => expect(verdict).toBeRejected()).toThrow();
    expect(() => expect(clean).toBeReviewed()).toThrow();
  });

  it('toMatchRule finds a rule by id, and optionally by the exact matched text', () => {
    expect(verdict).toMatchRule('insult.name.idiot');
    expect(verdict).toMatchRule('insult.name.idiot', 'idiot');
    expect(verdict).not.toMatchRule('insult.name.moron');
    expect(verdict).not.toMatchRule('insult.name.idiot', 'absolute');
    expect(clean).not.toMatchRule('insult.name.idiot');
  });

  it('works as an asymmetric matcher inside toEqual', () => {
    expect({ id: 'c1', verdict }).toEqual({ id: 'c1', verdict: expect.toHaveLabel('insult') });
    expect({ verdict: clean }).toEqual({ verdict: expect.toBeAllowed() });
    expect(() => expect({ verdict: clean }).toEqual({ verdict: expect.toBeRejected() })).toThrow();
  });
});

describe('matchers on text', () => {
  it('moderates a string with the installed moderator', () => {
    fake.calls.length = 0;
    expect('you absolute idiot').toHaveLabel('insult');
    expect('you absolute idiot').toMatchRule('insult.name.idiot', 'idiot');
    expect('Lovely coverage of the summit').toBeAllowed();
    expect(fake.calls.map((c) => c.text)).toEqual(['you absolute idiot', 'you absolute idiot', 'Lovely coverage of the summit']);
  });

  it('passes the article of a { text, article } subject to the moderator', () => {
    fake.calls.length = 0;
    expect({ text: 'my lasagne recipe', article: 'Putin met Biden in Geneva.' }).toHaveLabel('off_topic');
    expect({ text: 'my lasagne recipe' }).not.toHaveLabel('off_topic');
    expect(fake.calls).toEqual([{ text: 'my lasagne recipe', article: 'Putin met Biden in Geneva.' }, { text: 'my lasagne recipe' }]);
  });

  it('decorumMatchers(moderator) returns plain matcher functions bound to that moderator', () => {
    const calls: string[] = [];
    const matchers = decorumMatchers({
      moderate: (text) => {
        calls.push(text);
        return verdictFor(text, { action: 'reject', labels: ['slur'], scores: { slur: 0.97, insult: 0, partisan_epithet: 0, off_topic: 0 } });
      },
    });
    const result = matchers.toBeRejected.call({ isNot: false }, 'anything');
    expect(result.pass).toBe(true);
    expect(matchers.toBeAllowed.call({ isNot: false }, 'anything').pass).toBe(false);
    expect(matchers.toHaveLabel.call({ isNot: false }, 'anything', 'slur').pass).toBe(true);
    expect(calls).toEqual(['anything', 'anything', 'anything']);
    // The globally installed fake was not consulted.
    expect(fake.calls.some((c) => c.text === 'anything')).toBe(false);
  });

  it('without a moderator, string subjects use the default createModerator()', () => {
    const matchers = decorumMatchers();
    const result = matchers.toHaveLabel.call({ isNot: false }, 'Sit down, you absolute idiot.', 'insult');
    expect(result.pass).toBe(true);
    const reference = createModerator().moderate('Sit down, you absolute idiot.');
    expect(matchers.toHaveAction.call({ isNot: false }, 'Sit down, you absolute idiot.', reference.action).pass).toBe(true);
  });
});

describe('failure messages say what the verdict was', () => {
  const text = 'you absolute idiot';
  const verdict = verdictFor(text);

  it('toHaveLabel names the label, its score, and the whole verdict', () => {
    const message = failure(() => expect(text).toHaveLabel('slur'));
    expect(message).toContain(`expected "you absolute idiot" to have label slur, but slur scored 0.012 and was not assigned`);
    expect(message).toMatch(/action: +review/);
    expect(message).toMatch(/labels: +insult 0\.850/);
    expect(message).toContain('scores:  slur 0.012, insult 0.850, partisan_epithet 0.000, off_topic 0.200');
    expect(message).toContain('insult.name.idiot (insult, medium) "idiot" at [13, 18)');
    expect(message).toContain('reasons: insult 0.85 — rules: insult.name.idiot "idiot"');
  });

  it('a negated matcher says "not" and what was found', () => {
    const message = failure(() => expect(verdict).not.toHaveLabel('insult'));
    expect(message).toContain('expected verdict not to have label insult, but it has it (score 0.850)');
    const rule = failure(() => expect(verdict).not.toMatchRule('insult.name.idiot'));
    expect(rule).toContain('expected verdict not to match rule insult.name.idiot, but it matched "idiot" at [13, 18)');
  });

  it('action matchers name the expected and the actual action', () => {
    const message = failure(() => expect(text).toBeRejected());
    expect(message).toContain('expected "you absolute idiot" to be rejected, but it was reviewed');
    expect(message).toContain('labels:  insult 0.850');
    expect(failure(() => expect(clean).toHaveAction('review'))).toContain('expected verdict to have action review, but it was allowed');
    expect(failure(() => expect(clean).not.toBeAllowed())).toContain('expected verdict not to be allowed, but it was allowed');
  });

  it('toMatchRule lists the rules that did match, or says none did', () => {
    expect(failure(() => expect(verdict).toMatchRule('insult.name.moron'))).toContain(
      'expected verdict to match rule insult.name.moron, but it matched insult.name.idiot',
    );
    expect(failure(() => expect(verdict).toMatchRule('insult.name.idiot', 'idiots'))).toContain(
      'expected verdict to match rule insult.name.idiot on "idiots", but rule insult.name.idiot matched "idiot" at [13, 18) instead',
    );
    const none = failure(() => expect(clean).toMatchRule('insult.name.idiot'));
    expect(none).toContain('but no rule matched');
    expect(none).toContain('matches: none');
    expect(none).toContain('labels:  none');
  });

  it('long comments are shortened and quoted with escapes in the first line', () => {
    const long = `idiot\n${'x'.repeat(300)}`;
    const message = failure(() => expect(long).toBeAllowed());
    const first = message.split('\n')[0]!;
    expect(first).toContain('"idiot\\nxxx');
    expect(first).toContain('…"');
    expect(first.length).toBeLessThan(200);
  });

  it('describeVerdict prints mentioned matches as such', () => {
    const mentioned = verdictFor('idiot', {
      matches: [{ ruleId: 'slur.x', label: 'slur', severity: 'high', start: 0, end: 5, text: 'idiot', term: 'idiot', mentioned: true }],
    });
    expect(describeVerdict(mentioned)).toContain('slur.x (slur, high) "idiot" at [0, 5) mentioned');
  });
});

describe('mistakes in a test are reported, not silently passed', () => {
  it('an unknown label or action throws, even under .not', () => {
    // @ts-expect-error: a typo the types catch; the runtime must catch it too for JavaScript users.
    expect(() => expect(clean).not.toHaveLabel('insults')).toThrow(/unknown label "insults"; expected one of slur, insult, partisan_epithet, off_topic/);
    // @ts-expect-error: same for actions.
    expect(() => expect(clean).not.toHaveAction('block')).toThrow(/unknown action "block"/);
  });

  it('a subject that is neither text nor a verdict throws a DecorumError (INVALID_INPUT), as every error of decorum is', () => {
    expect(() => expect(42).not.toBeRejected()).toThrow(/toBeRejected: expect\(\) needs a verdict from moderate\(\), a comment's text, or \{ text, article\? \}; got number/);
    expect(() => expect(42).toBeAllowed()).toThrow(expect.objectContaining({ name: 'DecorumError', code: 'INVALID_INPUT' }));
    // @ts-expect-error: an unknown label is refused by the types too.
    expect(() => expect(clean).toHaveLabel('insults')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => expect({ labels: [] }).toBeAllowed()).toThrow(/got an object that is neither a verdict nor \{ text \}/);
    expect(() => expect({ text: 'hi', article: 5 }).toBeAllowed()).toThrow(/article must be a string/);
    expect(() => expect(clean).toMatchRule('')).toThrow(/rule id must be a non-empty string/);
  });
});
