import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import { editVariants, scanFuzzy } from '../../src/engine/fuzzy.js';
import { pack, rule } from '../support/packs.js';

const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
const matches = (text: string) => analyzer.analyze(text).matches;
const slurs = (text: string) => matches(text).filter((m) => m.label === 'slur');

describe('editVariants', () => {
  it('gives one-swap and one-deletion spellings, never the word itself or a substitution', () => {
    const v = editVariants('faggot');
    expect(v).toContain('fgagot');
    expect(v).toContain('fagot');
    expect(v).toContain('faggto');
    expect(v).not.toContain('faggot');
    expect(v).not.toContain('maggot');
  });
});

describe('slurs with one slip', () => {
  it.each([
    ['Go away, you fgagot.', 'fgagot', 'faggot', 'slur.orientation.faggot'],
    ['Shut up fagot', 'fagot', 'faggot', 'slur.orientation.faggot'],
    ['what an ngiger', 'ngiger', 'nigger', 'slur.race.anti-black'],
    ['you absolute reatrd', 'reatrd', 'retard', 'slur.ableist.retard'],
    ['typical rtanny nonsense', 'rtanny', 'tranny', 'slur.gender.trans'],
    ['the wetbak next door', 'wetbak', 'wetback', 'slur.ethnic.anti-hispanic'],
  ])('%j is caught as %j', (text, shown, term, ruleId) => {
    const found = slurs(text);
    expect(found).toHaveLength(1);
    const m = found[0]!;
    expect(m.ruleId).toBe(ruleId);
    expect(m.term).toBe(term);
    expect(m.text).toBe(shown);
    expect(text.slice(m.start, m.end)).toBe(shown);
  });

  it('keeps spans on the original text when normalisation changed it', () => {
    for (const text of ['You F G A G O T!', 'you fg@got', 'oh look, a FAGOOOT']) {
      const found = slurs(text);
      expect(found.length, text).toBe(1);
      const m = found[0]!;
      expect(m.term).toBe('faggot');
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('matches whole words only', () => {
    expect(slurs('fgagotry and ngigering are not words anyone writes')).toEqual([]);
    expect(slurs('xfagot')).toEqual([]);
  });
});

describe('look-alikes stay clean', () => {
  it.each([
    'A bigger boat would help.',
    'The gold digger was arrested.',
    'I heard a snigger from the back row.',
    'One small niggle with the design.',
    'Midges are out tonight by the loch.',
    'Niger borders Nigeria.',
    'Grab some white paint and a spacer.',
    'Cartoon toons and honey for the kids.',
    'We had faggots and onion gravy for tea.',
    'Pork faggots in gravy are a Black Country dish.',
    'Pick up a packet of fags and some beer.',
  ])('%j has no slur', (text) => {
    expect(slurs(text)).toEqual([]);
  });

  it('a variant that is another pack term or a target noun is never a fuzzy variant', () => {
    const rules = compileRules([
      { pack: pack([rule({ id: 'slur.x', label: 'slur', terms: ['blarg', 'blargs'] })], { targets: ['blrag'] }), file: 'x.json' },
      { pack: pack([rule({ id: 'insult.y', label: 'insult', terms: ['balrg'] })]), file: 'y.json' },
    ]);
    expect(rules.fuzzy.variants.has('blrag')).toBe(false); // a target noun
    expect(rules.fuzzy.variants.has('balrg')).toBe(false); // another pack's term
    expect(rules.fuzzy.variants.has('blargs')).toBe(false); // a term of the same rule
    expect(rules.fuzzy.variants.has('blagr')).toBe(true);
  });
});

describe('property', () => {
  const rules = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });
  const variants = [...rules.fuzzy.variants.keys()];
  const piece = fc.oneof(
    fc.constantFrom(...variants),
    fc.constantFrom(' ', '  ', '.', ', ', '-', "'", '*', '4', '\u200b', 'é', 'a', 'the'),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it('fuzzy hits and the matches they give never leave the text', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const h of scanFuzzy(t, rules.fuzzy)) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(t.length);
          expect(h.start).toBeLessThan(h.end);
        }
        for (const m of matches(t)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(m.start).toBeLessThanOrEqual(m.end);
          expect(t.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });
});
