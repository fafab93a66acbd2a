/**
 * An allow phrase covers what it says and no more: it must end where a word ends (its last word
 * may take a plural ending, "retardant" covering "retardants"). Before, a phrase was found as a
 * bare string, so "chinks in" (for "a chink in the armour") let "Chinks invented the flu" and "to
 * the chinks instead" through, and "lying to" (for "lying to the press") covered "You lying tories".
 */
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/moderate.js';

const pack = {
  pack: 'allow-ends',
  version: 1,
  description: 'allow phrases at word ends',
  rules: [
    {
      id: 't.gremlin',
      label: 'insult',
      severity: 'high',
      description: 'gremlin',
      terms: ['gremlin', 'gremlins', { term: 'grem', boundary: 'prefix', allow: ['gremlinite'] }],
      allow: ['gremlin in', 'the gremlin effect'],
      examples: { match: ['you gremlin'] },
    },
  ],
};
const m = createModerator({ rules: [pack], model: null, bundledRules: false, profanity: false });
const hits = (text: string) => m.moderate(text).matches.map((x) => x.text);

describe('allow phrases end where a word ends', () => {
  it.each([
    ['the gremlin in the engine', []],
    ['a gremlin in.', []],
    ['blame the gremlin effect', []],
    ['blame the gremlin effects', []],
    ['the gremlin investors hate', ['gremlin']],
    ['the gremlin inside you', ['gremlin']],
    ['the gremlin effective immediately', ['gremlin']],
    ['a gremlinite sample', []],
    ['gremlinites of the deep', []],
    ['gremlinitely yours', ['grem']],
  ])('%s', (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it('the shipped packs: a chink in the armour stays clean; the slur, or an insult, before a word the allow phrase only begins, does not', () => {
    const shipped = createModerator({ model: null });
    expect(shipped.moderate('Chinks invented the flu anyway.').labels).toEqual(['slur']);
    expect(shipped.moderate('They will sell the oil to the chinks instead.').labels).toEqual(['slur']);
    expect(shipped.moderate('There is a chink in Putin\'s armour.').labels).toEqual([]);
    expect(shipped.moderate('A chink of light came through the shutters.').labels).toEqual([]);
    // The lying rule's "lying to" (for "lying to the press") no longer covers "lying tories".
    expect(shipped.moderate('You lying tories never change.').labels).toEqual(['insult']);
    expect(shipped.moderate('He was lying to the press again.').labels).toEqual([]);
  });
});
