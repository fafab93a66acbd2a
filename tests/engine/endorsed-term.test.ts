/**
 * A slur or epithet named as a word and then endorsed for someone is used, not mentioned:
 * "Calling them retards is just accurate", '"MAGAts" is the perfect word for them', "I will keep
 * calling them Demonrats". They used to go to review as counter-speech, because "calling …" and
 * quotation marks introduce someone else's words. Found by bench/accuracy/labels-probe.mjs.
 */
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/moderate.js';

const m = createModerator();
const judged = (text: string) => {
  const v = m.moderate(text);
  return { labels: v.labels, mentioned: v.matches.filter((x) => x.label !== 'profanity').map((x) => x.mentioned === true) };
};

describe('named, then endorsed: a use', () => {
  it.each([
    ['Calling them retards is just accurate at this point.', 'slur'],
    ['"Retard" is the only word for people who still trust Moscow.', 'slur'],
    ['Retards is exactly what they are.', 'slur'],
    ['"MAGAts" is the perfect word for them, and they earned it.', 'partisan_epithet'],
    ['Calling them Demonrats is fair.', 'partisan_epithet'],
    // The speaker's own calling, with "keep" or "never stop" before it.
    ['I will keep calling Lavrov a retard, deal with it.', 'slur'],
    ['I will keep calling them Demonrats because that is what they are.', 'partisan_epithet'],
  ])('%s', (text, label) => {
    const v = judged(text);
    expect(v.labels).toContain(label);
    expect(v.mentioned).toEqual([false]);
  });
});

describe('named, and not endorsed: still a mention', () => {
  it.each([
    'Calling them retards is not accurate.',
    'Calling them retards is just wrong.',
    'Calling people retards says more about you.',
    '"Retard" is a slur, full stop.',
    'Stop calling people retards.',
    'They keep calling us retards.',
    'You will keep calling people retards until someone bans you.',
    'Calling Democrats "Demonrats" is childish.',
  ])('%s', (text) => {
    const v = judged(text);
    expect(v.labels.filter((l) => l === 'slur' || l === 'partisan_epithet')).toEqual([]);
    expect(v.mentioned).toContain(true);
  });
});
