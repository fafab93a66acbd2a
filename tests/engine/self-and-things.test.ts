import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';

const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
const insults = (text: string) => analyzer.analyze(text).matches.filter((m) => m.label === 'insult' && !m.mentioned).map((m) => m.text);

describe('name-calling aimed at the speaker is no insult', () => {
  it.each([
    'Sorry for being such a dickhead yesterday, folks.',
    'Apologies for acting like a jackass in the last thread.',
    'I can be a bit of an asshole sometimes, I admit it.',
    'I have been a bit of a shithead about the budget.',
    'Of course my dumbass self believed the poll.',
    "I'm not always such a moron about polls.",
  ])('%j', (text) => {
    expect(insults(text)).toEqual([]);
  });

  it('but the same words aimed at someone else still are', () => {
    expect(insults('Sorry, but you are a dickhead.')).toEqual(['dickhead']);
    expect(insults('Sorry for your loss, you jackass.')).toEqual(['jackass']);
    expect(insults('The mayor is a dumbass.')).toEqual(['dumbass']);
  });
});

describe('a name describing a thing criticises the thing (LABELS.md)', () => {
  it.each(['That was a dumbass idea from the council.', 'A real dickhead move by the committee.', 'What a moron policy.'])('%j', (text) => {
    expect(insults(text)).toEqual([]);
  });

  it('a thing noun further away does not excuse the name', () => {
    expect(insults('You dumbass, that idea was fine.')).toEqual(['dumbass']);
  });
});
