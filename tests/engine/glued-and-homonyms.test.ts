import { describe, expect, it } from 'vitest';
import { pack, rule } from '../support/packs.js';
import { thrownDecorumError } from '../support/errors.js';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';

const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
const matches = (text: string) => analyzer.analyze(text).matches;
const slurs = (text: string) => matches(text).filter((m) => m.label === 'slur' && !m.mentioned);

describe('slurs run together with the next or previous word', () => {
  it.each([
    ['Too manyfags on this forum.', 'fags'],
    ['Typical fagbehaviour from the mods.', 'fag'],
    ['stupidfags everywhere', 'fags'],
    ['Typical wetbackbehaviour.', 'wetback'],
    ['What a bunch of camelfuckers.', 'camelfuckers'],
  ])('%j is a slur, with the span on the slur inside the word', (text, term) => {
    const found = slurs(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.text.toLowerCase()).toBe(term);
  });

  it('reads a spaced run that starts with the article as article + word ("a f a g", "a m o n g")', () => {
    expect(slurs('You are nothing but a f a g.').map((m) => m.term)).toEqual(['fag']);
    expect(slurs('You are nothing but a m o n g.').map((m) => m.term)).toEqual(['mong']);
  });

  it.each([
    'Homosexual couples may now adopt in the state.',
    'Pakistan and India met for talks.',
    'Yiddish theatre is having a revival.',
    'Pass the mustard, please.',
    'She sat among the delegates.',
    'The Japanese delegation arrived late.',
    'Scunthorpe United lost again.',
    'Homophobia has no place here.',
  ])('a real English word is never split: %j', (text) => {
    expect(slurs(text)).toEqual([]);
  });

  it('leaves run-together "-tard" blends to the partisan pack (rule glued: false)', () => {
    const found = matches('The Trumptards will never learn');
    expect(found.map((m) => m.label)).toEqual(['partisan_epithet']);
  });

  it('a word that only contains letters of a slur next to a non-word is not glued ("Spicer", "Fagin")', () => {
    expect(slurs('Sean Spicer briefed the press.')).toEqual([]);
    expect(slurs('Fagin is a character in Oliver Twist.')).toEqual([]);
  });
});

describe('homonyms read from the sentence (allowNear)', () => {
  it.each([
    'We call cigarettes fags in Britain.',
    'Dykes were raised along the coast after the flooding.',
    'The butcher sells faggots with onion gravy.',
    'Our bitch had a litter of six puppies.',
    'The bitch took best in show among the terriers at the dog show.',
  ])('innocent sense: %j', (text) => {
    expect(slurs(text)).toEqual([]);
  });

  it('only within the same sentence: a context word in another sentence does not excuse a slur', () => {
    expect(slurs('Shut up, you fag. I am going out for a cigarette.').map((m) => m.term)).toEqual(['fag']);
    expect(slurs('Shut up, you fag.').map((m) => m.term)).toEqual(['fag']);
  });

  it('a rule-level allowNear word counts singular or plural ("dog" covers "dogs")', () => {
    const rules = compileRules([
      { pack: pack([rule({ id: 'test.pest', terms: ['pest'], allowNear: ['garden'] })]), file: 'test.json' },
    ]);
    const a = createAnalyzer([{ pack: pack([rule({ id: 'test.pest', terms: ['pest'], allowNear: ['garden'] })]), file: 'test.json' }]);
    expect(rules.rules[0]!.near?.has('garden')).toBe(true);
    expect(a.analyze('you pest').matches.map((m) => m.ruleId)).toEqual(['test.pest']);
    expect(a.analyze('a pest in the gardens').matches).toEqual([]);
  });

  it('refuses an allowNear entry with spaces, naming the rule and field', () => {
    const e = thrownDecorumError(() =>
      compileRules([{ pack: pack([rule({ id: 'test.bad', allowNear: ['two words'] })]), file: 'bad.json' }]),
    );
    expect(e.code).toBe('RULE_PACK');
    expect(e.message).toContain('bad.json');
    expect(e.message).toContain('test.bad');
    expect(e.message).toContain('allowNear');
  });
});

describe('one-slip slur spellings never fire on English words', () => {
  it.each(['My skin itches after the vaccine.', 'A new batch of ballots arrived.', 'They will botch the recount.', 'La Russie et les États-Unis.'])('%j', (text) => {
    expect(slurs(text)).toEqual([]);
  });
  it('still reads a real slip as the slur', () => {
    expect(slurs('Shut up, you btich.').map((m) => m.term)).toEqual(['bitch']);
  });
});

describe('what an allowlist or a homonym context cancels, the model does not read either', () => {
  it('blanks innocent words in the text the model reads, keeping its length', () => {
    const innocent = analyzer.analyze('She picked up faggots from the butcher.');
    expect(innocent.matches).toEqual([]);
    expect(innocent.modelText).not.toContain('faggot');
    expect(innocent.modelText.length).toBe(innocent.norm.text.length);
    expect(innocent.features.has('w:faggot')).toBe(false);
  });

  it('leaves a slur that is used in the model text', () => {
    const used = analyzer.analyze('Shut up, you faggot.');
    expect(used.modelText).toBe(used.norm.text);
    expect(used.features.has('w:faggot')).toBe(true);
  });
});
