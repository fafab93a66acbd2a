/**
 * A report that is the sentence's subject is not a report of the match. "Anyone who thinks Putin
 * wants peace is retarded" calls that person a slur: the speaker's claim about "anyone who thinks…".
 * It used to be read as reporting someone else's words (like "people who think X are scum") and
 * sent to review as counter-speech. Found by bench/accuracy/labels-probe.mjs.
 */
import { describe, expect, it } from 'vitest';
import { judged } from '../support/judged.js';

describe('said of a reporting subject: a use', () => {
  it.each([
    ['Anyone who thinks Putin wants peace is retarded.', 'slur'],
    ['Anyone who says the sanctions work is a retard.', 'slur'],
    ['People who believe the Kremlin press office are retards.', 'slur'],
    ['Anyone who thinks Putin wants peace is a retard, period.', 'slur'],
    ['Whoever thinks this deal helps us is an idiot.', 'insult'],
  ])('%s', (text, label) => {
    expect(judged(text)).toEqual({ labels: [label], mentioned: [false] });
  });

  // A word between the copula and the name is often another match ("a gullible fool"): the name
  // still ends the clause. From bench/accuracy/labels-probe.mjs round 6 (blind).
  it.each(['Anyone who thought otherwise is a gullible fool.', 'Anyone who believes Russian promises is a naive fool.'])('%s', (text) => {
    const v = judged(text);
    expect(v.labels).toEqual(['insult']);
    expect(v.mentioned.at(-1)).toBe(false);
  });
});

describe('inside the report, or the subject not known: still a mention', () => {
  it.each([
    // The match is in what they say; the sentence's own predicate comes after it.
    'People who say disabled kids are retards should be ashamed.',
    'Those who claim women are stupid, are wrong.',
    'People who say Putin is a gullible fool are wrong.',
    // Not a reporting subject: "believe that" is the speaker's question about a belief.
    "You can't seriously believe that all disabled people are stupid.",
    'Calling people retards says more about you.',
  ])('%s', (text) => {
    const v = judged(text);
    expect(v.labels.filter((l) => l === 'slur' || l === 'insult')).toEqual([]);
    expect(v.mentioned).toContain(true);
  });
});
