import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { findMatches } from '../../src/engine/match.js';
import { normalize } from '../../src/normalize/normalize.js';
import { compileRules, parsePack } from '../../src/engine/compile.js';

/**
 * A pack's `names` (politicians, officials) aim a `requires: target` rule at a person only when
 * the match is said of them: right before the name, or after it through a copula. A possessive
 * or a name that describes a thing leaves the insult on the thing (LABELS.md: criticism of a
 * policy is not an insult).
 */
const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
const insultRules = (text: string) => analyzer.analyze(text).matches.filter((m) => m.label === 'insult' && !m.mentioned).map((m) => m.ruleId);

describe('a named person is a target', () => {
  it.each([
    ['Putin is stupid.', 'insult.adjective.stupid'],
    ['Putin is stupid, and Lavrov is not much smarter.', 'insult.adjective.stupid'],
    ['Lavrov was always a lying weasel.', 'insult.adjective.lying'],
    ['Lying Lavrov strikes again with his fairy tales.', 'insult.adjective.lying'],
    ['Clueless Biden got played again.', 'insult.adjective.stupid'],
    ['PUTIN IS SO IGNORANT.', 'insult.adjective.stupid'],
  ])('%j', (text, rule) => {
    expect(insultRules(text)).toContain(rule);
  });
});

describe('a name that is not the person attacked', () => {
  it.each([
    // the possessive: the insult is about the thing
    "Trump's stupid tariffs will hurt farmers.",
    "Biden's dumb idea again.",
    "Putin's lying propaganda machine.",
    "Sanders' plan is foolish.",
    // the name describes a thing
    'The Putin regime is ignorant of history.',
    'Stupid Trump tariffs again.',
    'Clinton foundation is crooked.',
    // a verb, not a name-calling adjective ("is lying" is the rule's own allow)
    'Trump is lying about the numbers.',
    // denied, or not reached through a copula
    'Putin is not stupid, he is calculating.',
    'Calling Putin stupid is lazy analysis.',
    'Putin met the stupid committee.',
  ])('%j stays clean', (text) => {
    expect(insultRules(text)).toEqual([]);
  });
});

describe('names in a pack', () => {
  const pack = (names: string[]) => ({
    pack: 'test',
    version: 1,
    description: 'test pack',
    names,
    rules: [
      {
        id: 'insult.test.goblin',
        label: 'insult',
        severity: 'medium',
        description: 'a test adjective',
        requires: 'target',
        terms: ['goblinish'],
        examples: { match: ['you are goblinish'] },
      },
    ],
  });
  const found = (names: string[], text: string) => findMatches(normalize(text), compileRules([{ pack: pack(names), file: 't.json' }])).length > 0;

  it('make a rule count only for the names the pack gives', () => {
    expect(found(['marlowe'], 'Marlowe is goblinish.')).toBe(true);
    expect(found(['marlowe'], 'goblinish Marlowe strikes again')).toBe(true);
    expect(found([], 'Marlowe is goblinish.')).toBe(false);
    expect(found(['marlowe'], "Marlowe's goblinish budget")).toBe(false);
  });

  it('are one word each, and a pack without them still loads', () => {
    expect(() => parsePack(pack(['Vladimir Putin']), 'names.json')).toThrow(/names\[0\].*one word/);
    const { names: _, ...without } = pack([]);
    expect(parsePack(without, 'plain.json').names).toEqual([]);
  });
});

/**
 * A group-derogation phrase (`insult.group.*`) is a claim or a wish about its object, and counts
 * of a named person as of a person noun: on the side the phrase takes its target from, through
 * any glue. Phrases that state the speaker's feeling ("I hate X") are hate said of a group, an
 * opinion said of one public figure.
 */
describe('a group-derogation phrase said of a named person', () => {
  it.each([
    ['fuck putin', 'insult.group.profanity'],
    ['Fuck Lavrov and every word he says.', 'insult.group.profanity'],
    ['That fucking Putin again.', 'insult.group.profanity'],
    ['Putin can go fuck himself.', 'insult.group.profanity'],
    ['Death to Putin.', 'insult.group.death'],
    ['Lavrov should be shot.', 'insult.group.death'],
    ['Putin is a rat.', 'insult.group.dehumanising'],
  ])('%j', (text, rule) => {
    expect(insultRules(text)).toContain(rule);
  });

  it.each([
    // the intensifier takes its target on the right: not said of the name before it
    'Putin is fucking smart.',
    'Biden is fucking brilliant on this.',
    // the possessive, a name describing a thing, an exclamation set apart
    "Fuck Putin's war.",
    'Fuck the Putin regime.',
    'Fuck, Putin did it again.',
    // a noun needs the copula: here it is a verb
    'Trump rats out his friends to save himself.',
    // a feeling about a public figure, not an attack on who he is
    'I hate Putin.',
    'I hate Trump tariffs.',
  ])('%j stays clean', (text) => {
    expect(insultRules(text)).toEqual([]);
  });

  it('through a count of the people it names', () => {
    expect(insultRules('Biden and Putin are two senile old goats bickering over a fence.')).toContain('insult.adjective.demented');
  });
});
