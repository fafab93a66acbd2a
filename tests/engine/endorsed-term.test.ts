/**
 * A slur or epithet named as a word and then endorsed for someone is used, not mentioned:
 * "Calling them retards is just accurate", '"MAGAts" is the perfect word for them', "I will keep
 * calling them Demonrats". They used to go to review as counter-speech, because "calling …" and
 * quotation marks introduce someone else's words. Found by bench/accuracy/labels-probe.mjs.
 */
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/moderate.js';
import { judged } from '../support/judged.js';

const m = createModerator();

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
    // A verdict on the word that neither closes its clause nor says whom it is for: talk about the word.
    'The word "retard" is right there in his tweet, read it.',
    '"Retard" was correct usage in 1950s medical texts.',
    'The term "retarded" is accurate for a slowed process in chemistry.',
  ])('%s', (text) => {
    const v = judged(text);
    expect(v.labels.filter((l) => l === 'slur' || l === 'partisan_epithet')).toEqual([]);
    expect(v.mentioned).toContain(true);
  });
});

/**
 * Words named in one list share how they are named: the cue stands before the first item only
 * ("names like X or Y"), or the judgement after the last ("X, Y or Z have no place here").
 */
describe('a list of named words: every item is mentioned', () => {
  it.each([
    'Names like Obummer or Drumpf make this comment section worse.',
    'Terms such as retard, libtard or Trumptard have no place here.',
    'Calling them libtards and retards is vile.',
    'Every time someone writes Rethuglicans I stop reading their comment.',
  ])('%s', (text) => {
    const v = judged(text);
    expect(v.labels.filter((l) => l === 'slur' || l === 'partisan_epithet')).toEqual([]);
    expect(v.mentioned.length).toBeGreaterThan(0);
    expect(v.mentioned.every(Boolean)).toBe(true);
  });

  it('but words parted by a comma alone are no list ("call her dumb, bitch": the second is a use)', () => {
    const v = m.moderate('you all call her dumb, bitch she is a genius');
    expect(v.labels).toContain('slur');
    expect(v.matches.find((x) => x.label === 'slur')?.mentioned).not.toBe(true);
  });

  it('unless the list is endorsed after its last item: then every item is used', () => {
    const v = judged('Calling them libtards and retards is accurate.');
    expect(v.labels).toEqual(expect.arrayContaining(['slur', 'partisan_epithet']));
    expect(v.mentioned).toEqual([false, false]);
  });

  it('and a list with none of its items mentioned stays a use', () => {
    expect(judged('Libtards and retards, all of them.').labels).toEqual(expect.arrayContaining(['slur', 'partisan_epithet']));
  });
});
