import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGLISH_MARKERS, MARKER_REACH, SHARED_FUNCTION_WORDS, countMarkers, createMarkerCounter, detectLanguage } from '../../src/lang/detect.js';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { WordMemo } from '../../src/engine/wordMemo.js';
import { scanWords, type WordInfo } from '../../src/engine/wordScan.js';
import { normalize } from '../../src/normalize/normalize.js';
import { STOPWORDS } from '../../src/text/tokens.js';
import { TRICKY_CHARS, TRICKY_WORDS, hostileString, runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';

const corpus = fixtureTexts;

/** The reference: the regex's words (runs of letters of any script and apostrophes), looked up in the sets. */
function reference(lower: string): { words: number; hits: number; strong: number } {
  const words = lower.match(/[\p{L}']+/gu) ?? [];
  const hits = words.filter((w) => ENGLISH_MARKERS.has(w) || STOPWORDS.has(w));
  return { words: words.length, hits: hits.length, strong: hits.filter((w) => !SHARED_FUNCTION_WORDS.has(w)).length };
}

describe('countMarkers', () => {
  it('counts what the word regex and the two sets count', () => {
    for (const t of [...corpus, '', "'", "it's don't ''the'' i'm", 'the and the', 'théâtre the', 'THE']) {
      const lower = t.slice(0, 600).toLowerCase();
      expect(countMarkers(lower), lower).toEqual(reference(lower));
    }
    const pieces = [...STOPWORDS].slice(0, 60).concat([...ENGLISH_MARKERS], ["'", ' ', 'x', 'é', '-', 'thee', 'an', ...TRICKY_WORDS, ...TRICKY_CHARS]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (p) => {
        const lower = p.join('').toLowerCase();
        expect(countMarkers(lower)).toEqual(reference(lower));
      }),
      runs(3000),
    );
  });

  it('lower-cases as it reads: countMarkers(text, n) counts what the regex finds in text.slice(0, n).toLowerCase()', () => {
    // Every code point, alone and inside a marker word, against String#toLowerCase: this is what
    // pins the claim that only ASCII capitals, KELVIN SIGN and U+0130 lower-case into [a-z'].
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const t of [ch, `th${ch}e ${ch}`]) {
        const want = reference(t.toLowerCase());
        const got = countMarkers(t);
        if (got.words !== want.words || got.hits !== want.hits || got.strong !== want.strong) expect(got, `U+${c.toString(16)}`).toEqual(want);
      }
    }
    const pieces = [...ENGLISH_MARKERS].map((w) => w.toUpperCase()).concat(['The', 'tHE', 'İ', 'Iİ', '\u212a', 'Ｔhe', "IT'S", '😀', '\ud83d', ' ', "'", 'é', 'Σ', 'ΑΣ ']);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), hostileString(8)), { maxLength: 30 }), fc.nat(120), (p, n) => {
        const text = p.join('');
        expect(countMarkers(text, n)).toEqual(reference(text.slice(0, n).toLowerCase()));
        expect(countMarkers(text)).toEqual(reference(text.toLowerCase()));
      }),
      runs(3000),
    );
  });

  it('still tells English from other languages', () => {
    expect(detectLanguage('I think the minister is wrong about this and you know it')).toBe('eng');
    expect(detectLanguage('short')).toBe('und');
  });

  it('reads a word with accented letters as one word: short Spanish and German comments are not taken for English', () => {
    // Split at "ñ" and "ü", "año" and "für" were the stop words "a", "o", "f", "r", and these
    // comments had enough "English" words to skip the trigram guess.
    expect(countMarkers('año für über')).toEqual({ words: 3, hits: 0, strong: 0 });
    expect(detectLanguage('El presidente dijo que las relaciones con Rusia no van a mejorar este año.')).toBe('spa');
    expect(detectLanguage('Washington debería hablar menos y negociar más con los europeos.')).toBe('spa');
    expect(detectLanguage('Ich halte dieses Treffen in Genf für reine Symbolpolitik.')).toBe('deu');
    expect(detectLanguage('Warum berichtet niemand über die Folgen für die europäische Energieversorgung?')).toBe('deu');
    // English with accented loanwords stays English.
    expect(detectLanguage('What a naïve take on the café summit, it was not about détente at all')).toBe('eng');
  });

  it('takes no short comment for English on function words other languages share, when it shows another language', () => {
    // "am" and "in", "in", "a": words German, Spanish and Italian use too, and all the English these had.
    for (const text of [
      'Die Sanktionen treffen am Ende vor allem die Verbraucher in Europa.',
      'Kennt jemand einen guten Zahnarzt in der Nähe?',
      '¿Alguien sabe si el partido de los Hawks es a las siete o a las ocho?',
      'Putin non vuole la pace in Ucraina.',
    ]) expect(detectLanguage(text, normalize(text).text), text).not.toBe('eng');
    expect(countMarkers('die sanktionen treffen am ende vor allem die verbraucher in europa')).toEqual({ words: 11, hits: 2, strong: 0 });
    // Short English whose only function words are shared ones stays English: nothing in it is foreign.
    for (const text of ['President Biden met Putin in Geneva.', 'Riding a rollercoaster makes me sick.', 'Black people belong in a zoo.']) {
      expect(detectLanguage(text, normalize(text).text), text).toBe('eng');
    }
    // One English function word no other language shares is enough, as before.
    expect(detectLanguage('Putin is lying again about the talks.')).toBe('eng');
  });

  it('counts the function words in the normalised text when it is given: look-alikes undone, elisions kept whole', () => {
    const withNorm = (t: string) => detectLanguage(t, normalize(t).text);
    // Cyrillic "е", "а" and "о" inside English words: as written, no word is a function word,
    // and the trigram guess takes the text for Spanish.
    const disguised = 'Thе summit wаs а wаste оf timе';
    expect(detectLanguage(disguised)).not.toBe('eng');
    expect(withNorm(disguised)).toBe('eng');
    // French elisions: as written, "l’" and "s’" read as the stop words "l" and "s".
    const french = 'L’article oublie de mentionner ce qui s’est passé en Ukraine l’an dernier.';
    expect(withNorm(french)).toBe('fra');
    // A Russian comment stays Russian: normalisation folds look-alikes only inside mixed-script words.
    const russian = 'Президент сказал, что отношения с Россией в этом году не улучшатся.';
    expect(withNorm(russian)).toBe('rus');
  });

  it("createMarkerCounter: countMarkers(text, 600) from the word scan's spans, whatever the words, apostrophes and memo epochs", () => {
    const analyzer = createAnalyzer(BUNDLED_PACKS);
    // Memos of 8 and 60 words start over every few texts: cached answers of an old epoch must never be read.
    const rules = [analyzer.rules, { ...analyzer.rules, wordMemo: new WordMemo<WordInfo>(8) }, { ...analyzer.rules, wordMemo: new WordMemo<WordInfo>(60) }];
    const counters = rules.map(() => createMarkerCounter());
    let bySpans = 0;
    let turn = 0;
    const compare = (text: string): void => {
      const k = turn++ % rules.length;
      const spans = scanWords(text, rules[k]!).spans;
      if (spans === undefined) return;
      bySpans++;
      // The scan may have read a respelled text ("youidiot" as "you idiot"): its own, spans.text.
      expect(counters[k]!(spans, MARKER_REACH), JSON.stringify(spans.text.slice(0, 80))).toEqual(countMarkers(spans.text, MARKER_REACH));
    };
    for (const t of corpus) {
      compare(normalize(t).text);
      compare(t.toLowerCase());
    }
    // A marker, a plain word and a word with an apostrophe cut by the 600-unit reach.
    for (let k = MARKER_REACH - 8; k <= MARKER_REACH; k++) for (const tail of ['the and the', "it's the end", 'xyz and']) compare(' '.repeat(k) + tail);
    // Markers and stop words, a–z words, words with apostrophes inside, at their edges and alone
    // ("it's", "'the", "rock''n", "''"), hyphens, digits, masks, other scripts, astral letters,
    // and texts long enough for the 600-unit reach to cut a word.
    const pieces = [...ENGLISH_MARKERS, ...[...STOPWORDS].slice(0, 40), 'president', 'summit', "it's", "don't", "'the", "the'", "''", "'", "rock''n", 'x-ray', 'well-known', '2nd', 'f**k', 'año', 'für', 'thе', '𝐟ool', '😀', 'ııı', 'İt', ' ', ' ', ' ', '. ', ', ', 'x'.repeat(300)];
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: hostileString(6) }), { maxLength: 60 }), fc.boolean(), (p, spaced) => {
        const text = p.join(spaced ? ' ' : '');
        compare(text);
        compare(normalize(text).text);
      }),
      runs(3000),
    );
    expect(bySpans).toBeGreaterThan(3000);
  });
});
