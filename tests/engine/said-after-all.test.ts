/**
 * A word named or denied, then said of someone after all: "Nobody should call the senator a
 * retard. He is one anyway." The counter-speech and negation readings are a loophole a commenter
 * who knows them can use, so "one" standing for the word takes the mention back. Found by
 * bench/accuracy/labels-probe.mjs.
 */
import { describe, expect, it } from 'vitest';
import { judged } from '../support/judged.js';

describe('named, then said of someone: a use', () => {
  it.each([
    ['People say you should not call the senator a retard. He is one anyway.', 'slur'],
    ['Calling people retards is wrong, but you are one.', 'slur'],
    ["I won't call you a moron. You are one though.", 'insult'],
    ["I won't call you a moron. You're one though.", 'insult'],
  ])('%s', (text, label) => {
    const v = judged(text);
    expect(v.labels).toContain(label);
    expect(v.mentioned).not.toContain(true);
  });
});

describe('another "one": still a mention, or still denied', () => {
  it.each([
    'Calling people retards says more about you than anyone.',
    'Nobody should say retard. It is one of the worst words.',
    'Calling people retards is wrong, and you are one of the few who says so.',
  ])('%s', (text) => {
    const v = judged(text);
    expect(v.labels).not.toContain('slur');
    expect(v.mentioned).toContain(true);
  });

  it.each(["Don't call him an idiot. He is one of the best negotiators.", 'He is not a moron, he is one of the smartest people.'])('%s', (text) => {
    expect(judged(text).labels).not.toContain('insult');
  });
});
