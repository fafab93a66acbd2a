import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { describesThing } from '../../src/engine/context.js';

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

  it('an adjective does not reach a person past "and the", "but his" …: another noun phrase', () => {
    expect(insults('That idea is idiotic and the minister should drop it.')).toEqual([]);
    expect(insults('The plan is stupid but his aides love it.')).toEqual([]);
    // Without a determiner both sides may be one phrase; before it, the person is still aimed at.
    expect(insults('Stupid and ignorant voters.')).toEqual(['Stupid', 'ignorant']);
    expect(insults('Putin is stupid and his generals know it.')).toEqual(['stupid']);
    // Leftwards a possessive ties the phrase to the person.
    expect(insults('Stupid Demonrats and their lying media.')).toEqual(['Stupid', 'lying']);
  });

  it('a name before an event describes the event ("a clown show")', () => {
    expect(insults('The negotiations were a clown show.')).toEqual([]);
    expect(insults('The negotiators are clowns.')).toEqual(['clowns']);
  });

  it('an adjective that describes a place or a text next to a person names no one ("dense")', () => {
    expect(insults('People in dense cities voted for Biden.')).toEqual([]);
    expect(insults('Voters in dense suburbs chose Trump.')).toEqual([]);
    expect(insults('Reporters wrote a dense report on the talks.')).toEqual([]);
    expect(insults('You are too dense to understand what a treaty is.')).toEqual(['dense']);
    expect(insults('Dense people vote for him.')).toEqual(['Dense']);
  });
});

describe('describesThing', () => {
  // The reference is the regex it replaced, /^\s+([a-z]+)/ over the 24 characters after the name,
  // with the noun list asked through the function itself on a plain " word".
  const reference = (text: string, end: number): boolean => {
    const m = /^\s+([a-z]+)/.exec(text.slice(end, end + 24));
    return m !== null && describesThing(` ${m[1]}`, 0);
  };

  it('reads the word after the name as /^\\s+([a-z]+)/ over 24 characters did', () => {
    const unit = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', 'x', 'idea', 'law', 'laws', 'lawsuit', 'policy', 'Policy', 'strategy', 'statements', '.', '"', ' '.repeat(9));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.nat(40), (parts, at) => {
        const text = parts.join('');
        const end = at % (text.length + 2);
        expect(describesThing(text, end)).toBe(reference(text, end));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the noun after any white space, and only a whole word', () => {
    expect(describesThing('moron policy', 5)).toBe(true);
    expect(describesThing('moron\u3000idea!', 5)).toBe(true);
    expect(describesThing('moron policymaker', 5)).toBe(false);
    expect(describesThing('moron policy', 6)).toBe(false);
    expect(describesThing('moron\u200bidea', 5)).toBe(false);
  });

  it('reads 24 characters past the name, no further', () => {
    expect(describesThing(`moron${' '.repeat(20)}idea`, 5)).toBe(true);
    expect(describesThing(`moron${' '.repeat(21)}idea`, 5)).toBe(false);
  });
});
