/**
 * The one-pass word scan is a shortcut, not a second definition: for any text it must give
 * what respell, `words`, scanFuzzy and the affix scan give one after the other
 * (scanWordsReference). Generated from the words those stages react to (fuzzy slur spellings,
 * respellable insult words, affix words, glued pairs) and the characters at their edges.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import { WORD_MEMO_LIMIT, scannedWords, scanWords, scanWordsReference, type WordScan } from '../../src/engine/wordScan.js';
import { normalize } from '../../src/normalize/normalize.js';
import { hashOf } from '../../src/text/hash.js';
import { TRICKY_CHARS, TRICKY_WORDS, hostileString, runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';
import { pack, rule } from '../support/packs.js';

const rules = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });

/**
 * A scan with its `back` map read at every position, and the term automaton's hits over its
 * text (replayed from the scan's own pass when it made one), so two scans compare with toEqual.
 */
const plain = (s: WordScan, own = rules) => {
  const terms: number[][] = [];
  const onHit = (p: number, start: number, end: number) => terms.push([p, start, end]);
  if (s.termEnds === undefined) own.automatonFor(undefined).each(s.text, onHit);
  else own.automatonFor(undefined).replay(s.termEnds, onHit);
  return {
    text: s.text,
    words: scannedWords(s).map(({ text, start, end }) => ({ text, start, end })),
    fuzzy: s.fuzzy,
    affixes: s.affixes,
    back: s.back === undefined ? undefined : Array.from({ length: s.text.length + 1 }, (_, i) => s.back!(i)),
    terms,
  };
};

const agree = (t: string): void => {
  const scan = scanWords(t, rules);
  if (scan.spans !== undefined) {
    // The spans handed on to the model: the scan's own text and words, each word's memo entry
    // in the epoch the scan ran in, and which words are not wholly a–z.
    const ws = scannedWords(scan);
    expect(scan.spans.text).toBe(scan.text);
    expect(scan.spans.bounds).toEqual(ws.flatMap((w) => [w.start, w.end]));
    expect(scan.spans.epoch).toBe(rules.wordMemo.epoch);
    expect(scan.spans.entries).toEqual(ws.map((w) => rules.wordMemo.find(w.text, 0, w.text.length, hashOf(w.text))));
    expect(scan.spans.mixed).toEqual(ws.flatMap((w, k) => (/^[a-z]+$/.test(w.text) ? [] : [k])));
  }
  expect(plain(scan)).toEqual(plain(scanWordsReference(t, rules)));
};

const every = (keys: Iterable<string>, step: number) => [...keys].filter((_, i) => i % step === 0).slice(0, 12);
const STAGE_WORDS = [
  ...every(rules.fuzzy.variants.keys(), 97),
  ...every(rules.respell.variants.keys(), 503),
  ...every(rules.affixWords.keys(), 29),
  // Affix words their own allowlist names: no hit with the allowlist applied.
  ...[...rules.stems.values()].flatMap((list) => list.flatMap((s) => [...s.allow])).slice(0, 12),
  'deathto', 'sosickening', 'haet', 'fagot', 'fgagot', 'lib-tards', "demon'rats", 'trumptards', 'hatred', 'the', 'people',
];
const EDGES = [' ', ' ', '-', "'", '*', '7', 'A', 'é', 'ª', 'µ', '٣', '😀', '.', '\n'];
const stageText = fc.array(fc.constantFrom(...STAGE_WORDS, ...EDGES, ...TRICKY_WORDS, ...TRICKY_CHARS), { maxLength: 30 }).map((p) => p.join(''));

describe('the one-pass word scan and the stages it stands for agree', () => {
  it('on the fixtures, normalised and not', () => {
    for (const t of fixtureTexts) {
      agree(t);
      agree(normalize(t).text);
    }
  });

  it('on words the stages react to, joined by the characters at their edges', () => {
    for (const w of STAGE_WORDS) for (const e of EDGES) for (const t of [w, `${e}${w}`, `${w}${e}`, `${e}${w}${e}`, `x${e}${w}`, `${w}${e}x`]) agree(t);
    fc.assert(fc.property(stageText, agree), runs(5000));
  });

  it('on hostile text, normalised and not', () => {
    fc.assert(
      fc.property(hostileString(), (t) => {
        agree(t);
        agree(normalize(t).text);
      }),
      runs(2000),
    );
  });

  it('with an affix allowlist: an allowed formed word makes no hit, the stem and its other forms do', () => {
    const own = compileRules([
      {
        pack: pack([
          rule({
            id: 'test.blends',
            label: 'partisan_epithet',
            terms: undefined,
            affixes: { stems: ['trump', 'lib'], suffixes: ['tard', 'tards', 'ets'], allow: ['trumpets'] },
            examples: { match: ['the libtards again'] },
          }),
        ]),
        file: 'x.json',
      },
    ]);
    const words = fc.array(fc.constantFrom('trumpets', 'trump-ets', 'trumptards', "lib'tard", 'libets', ' ', '-', "'", '7', 'A'), { maxLength: 12 });
    fc.assert(
      fc.property(words.map((p) => p.join('')), (t) => {
        expect(plain(scanWords(t, own), own)).toEqual(plain(scanWordsReference(t, own), own));
      }),
      runs(1000),
    );
    expect(scanWords('trumpets and libets', own).affixes.map((h) => h.term)).toEqual(['libets']);
  });

  it('steps the term automaton on the way through text it models, and only then', () => {
    expect(scanWords('you are an idiot, d-rat', rules).termEnds?.length).toBeGreaterThan(0);
    expect(scanWords('You are an idiot', rules).termEnds).toBeUndefined();
  });

  it('hands out arrays of its own: a later scan leaves an earlier one as it was', () => {
    // scanFast writes into module-level scratch and copies out; a scan must not share them.
    const texts = ['you are an idiot, d-rat', 'fagot lib-tards, 7 demonrats ok', 'a', '', 'sleepy joe and the retard', 'plain words only here'];
    const scans = texts.map((t) => scanWords(t, rules));
    const kept = scans.map((s) => plain(s));
    const spans = scans.map((s) => (s.spans === undefined ? undefined : { bounds: [...s.spans.bounds], entries: [...s.spans.entries] }));
    for (const t of [...texts].reverse()) scanWords(`${t} ${t} and more words after it`, rules);
    scans.forEach((s, k) => {
      expect(plain(s)).toEqual(kept[k]);
      if (s.spans !== undefined) expect({ bounds: [...s.spans.bounds], entries: [...s.spans.entries] }).toEqual(spans[k]);
    });
  });

  it('keeps its memo bounded and gives the same answers after it starts over', () => {
    const fresh = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });
    const unique = Array.from({ length: WORD_MEMO_LIMIT + 10 }, (_, i) => `w${i.toString(36)}x`);
    scanWords(unique.join(' '), fresh);
    expect(fresh.wordMemo.size).toBeLessThanOrEqual(WORD_MEMO_LIMIT);
    const t = `${STAGE_WORDS.join(' ')} haet them`;
    expect(plain(scanWords(t, fresh), fresh)).toEqual(plain(scanWordsReference(t, fresh), fresh));
  });
});
