import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_MODEL } from '../../src/bundled/model.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { featuresOf } from '../../src/model/features.js';
import { parseModel } from '../../src/model/format.js';
import fc from 'fast-check';
import { contentStem, createFeatureScan, UNNUMBERED, featureIndices, featureIndicesOfText, featureIndicesOfWords, featureScanOfText, featureScanOfWords, loadModel, scoreFeatures, scoreIndices, topFeatures, type FeatureScan } from '../../src/model/naiveBayes.js';
import { makeIdf, topicVector, topicVectorOfStems } from '../../src/topic/similarity.js';
import { hostileString, runs, TRICKY_CHARS, TRICKY_WORDS } from '../property/arbitraries.js';
import { STOPWORDS, stem, tokenize } from '../../src/text/tokens.js';
import { LABELS, type Match } from '../../src/types.js';
import { createModerator } from '../../src/moderate.js';
import { scanWords, type WordInfo } from '../../src/engine/wordScan.js';
import { WordMemo } from '../../src/engine/wordMemo.js';
import { normalize } from '../../src/normalize/normalize.js';

const root = new URL('../../', import.meta.url);
const texts = ['train', 'test'].flatMap((f) =>
  readFileSync(new URL(`corpus/fixtures/${f}.jsonl`, root), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text),
);
const TOKEN = /[\p{L}][\p{L}\p{N}']*/gu;
const regexTokens = (s: string): string[] =>
  [...s.matchAll(TOKEN)].map((m) => (m[0].endsWith("'") ? m[0].slice(0, -1) : m[0])).filter((t) => t.length <= 40);

describe('scoring from tokens', () => {
  const model = loadModel(parseModel(BUNDLED_MODEL, 'bundled model'));
  const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });

  it('tokenize: the ASCII scan gives the regex tokens', () => {
    for (const t of [...texts, "it's ''a'' 9x x9 b'' Ab'C don't' " + 'y'.repeat(41) + ' ' + 'z'.repeat(40)]) {
      const lower = t.toLowerCase();
      expect(tokenize(lower)).toEqual(regexTokens(lower));
      expect(tokenize(t)).toEqual(regexTokens(t));
    }
  });

  it('scoreIndices(featureIndices(...)) equals scoreFeatures(featuresOf(...)), bit for bit, top features included', () => {
    for (const text of texts) {
      const a = analyzer.analyze(text);
      for (const explain of [0, 1, 3, 5, 20]) {
        const fast = scoreIndices(model, featureIndices(model, tokenize(a.modelText), a.matches), explain);
        const slow = scoreFeatures(model, a.features, explain);
        for (const l of LABELS) {
          expect(Object.is(fast[l].logOdds, slow[l].logOdds)).toBe(true);
          expect(fast[l].top).toEqual(slow[l].top);
          expect(fast[l].top).toBe(fast[l].top);
        }
      }
    }
  });

  it('featureIndicesOfText still scores right once its token table is full', () => {
    const fresh = loadModel(parseModel(BUNDLED_MODEL, 'bundled model'));
    const word = (n: number): string => {
      let w = 'q';
      for (let k = n; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
      return w;
    };
    const known = 'the president said that the idiot voters are wrong about the summit';
    const wanted = (text: string): string[] => [...featuresOf(text, [])].filter((f) => fresh.index.has(f));
    const got = (text: string, content?: number[]): string[] => featureIndicesOfText(fresh, text, [], content).map((i) => fresh.file.features[i]!);
    // 60,000 distinct words fill the table (50,000 rows) and go past it; known words keep scoring right.
    // Their content stems are asked for (as for a comment with an article), so the stem table fills too.
    for (let chunk = 0; chunk < 60; chunk++) {
      const words = Array.from({ length: 1000 }, (_, k) => word(chunk * 1000 + k));
      const text = `${known} ${words.join(' ')} ${known}`;
      expect(got(text, [])).toEqual(wanted(text));
    }
    expect(got(known)).toEqual(wanted(known));
    // Past the limit a new content word's stem gets no number: UNNUMBERED tells the reader to take the string path.
    const content: number[] = [];
    featureIndicesOfText(fresh, `president ${word(80_000)}`, [], content);
    expect(content).toEqual([content[0], UNNUMBERED]);
    expect(contentStem(fresh, content[0]!)).toBe('presid');
    // Words first seen after the table filled are looked up uncached, one after another in the scratch row.
    const late = fresh.file.features
      .filter((f) => f.startsWith('b:'))
      .map((f) => f.slice(2).split('_') as [string, string])
      .filter(([x, y]) => stem(x) === x && stem(y) === y && !known.includes(x) && !known.includes(y))
      .slice(0, 20);
    expect(late.length).toBeGreaterThan(5);
    for (const [x, y] of late) {
      expect(got(`${x} ${y}`)).toContain(`b:${x}_${y}`);
      expect(got(`${x} ${y} ${known}`)).toEqual(wanted(`${x} ${y} ${known}`));
    }
    expect(got(`${word(59_999)} ${known} ${word(70_000)}`)).toEqual(wanted(`${word(59_999)} ${known} ${word(70_000)}`));
  });

  it('a moderator whose token table is full still compares topics right (the string path)', () => {
    const article = 'The president met the voters in Moscow to talk about sanctions, missiles and the summit.';
    const word = (n: number): string => {
      let w = 'z';
      for (let k = n; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
      return w;
    };
    const full = createModerator();
    for (let chunk = 0; chunk < 52; chunk++) full.moderate(Array.from({ length: 1000 }, (_, k) => word(chunk * 1000 + k)).join(' '));
    for (const comment of [`sanctions ${word(90_000)} missiles summit`, `${word(90_001)} ${word(90_002)} moscow`, 'the president and the summit']) {
      expect(full.moderate(comment, { article })).toEqual(createModerator().moderate(comment, { article }));
    }
  });

  it('featureIndicesOfText (one pass over the text) equals featureIndices(tokenize(...)), content stems and topic vector included', () => {
    const compare = (normalized: string, matches: readonly Match[]): void => {
      const want = featureIndices(model, tokenize(normalized), matches);
      // featureIndices shares the token table with the one-pass scan; featuresOf shares nothing.
      expect(want.map((i) => model.file.features[i])).toEqual([...featuresOf(normalized, matches)].filter((f) => model.index.has(f)));
      const content: number[] = [-7];
      expect(featureIndicesOfText(model, normalized, matches, content), normalized).toEqual(want);
      expect(content.slice(1).map((id) => contentStem(model, id))).toEqual(
        tokenize(normalized)
          .filter((t) => t.length >= 3 && !STOPWORDS.has(t))
          .map(stem),
      );
      expect(content[0]).toBe(-7);
      expect(featureIndicesOfText(model, normalized, matches)).toEqual(want);
      // The topic vector from those numbers is topicVector's, bit for bit and in the same order.
      const idf = makeIdf(model.file.docs, (s) => (s.length % 3 === 0 ? undefined : s.length));
      const want2 = topicVector(normalized, idf);
      const got2 = topicVectorOfStems(content.slice(1), (id) => contentStem(model, id), (id) => idf(contentStem(model, id)));
      expect(Object.is(got2.norm, want2.norm)).toBe(true);
      expect([...got2.weights]).toEqual([...want2.weights]);
    };
    const check = (text: string): void => {
      const a = analyzer.analyze(text);
      compare(a.modelText, a.matches);
    };
    for (const text of texts) check(text);
    // Two tokens with one 32-bit FNV-1a hash (1719214157): the table must tell them apart by their letters.
    compare('qxtsokl vpxfnki qxtsokl', []);
    // A dropped 41-letter run does not break a bigram (it is not among tokenize's tokens), and
    // one trailing apostrophe is not part of a word. Raw text: the normaliser would squeeze runs.
    const bigrams = model.file.features.filter((f) => f.startsWith('b:')).map((f) => f.slice(2).split('_') as [string, string]);
    const selfStemmed = bigrams.filter(([x, y]) => stem(x) === x && stem(y) === y).slice(0, 40);
    expect(selfStemmed.length).toBeGreaterThan(10);
    const names = (text: string): string[] => featureIndicesOfText(model, text, []).map((i) => model.file.features[i]!);
    for (const [x, y] of selfStemmed) {
      for (const text of [`${x} ${'abcdefghij'.repeat(4)}k ${y}`, `${x}' ${y}''`, `${x}'' ${'y'.repeat(40)} ${y}`]) compare(text, []);
      expect(names(`${x} ${'abcdefghij'.repeat(4)}k ${y}`)).toContain(`b:${x}_${y}`);
      expect(names(`${x} ${'abcdefghij'.repeat(4)} ${y}`)).not.toContain(`b:${x}_${y}`);
      expect(names(`${x}' ${y}`)).toContain(`b:${x}_${y}`);
    }
    // Words the model knows (so bigrams form), apostrophes at the ends, 40- and 41-letter runs
    // (the longer is dropped without breaking a bigram), non-ASCII letters and digits, astral
    // characters (the reference path) — in any order, case and spacing.
    const known = model.file.features.filter((f) => f.startsWith('w:')).map((f) => f.slice(2)).slice(0, 300);
    const pieces = [...known, ...TRICKY_WORDS, ...TRICKY_CHARS, ' ', ' ', ' ', "'", "''", "'s", 'x'.repeat(40), 'y'.repeat(41), 'éà', 'ß', 'Ｘ', '٣', 'a٣b'];
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: hostileString(6) }), { maxLength: 40 }), fc.boolean(), (p, spaced) =>
        check(p.join(spaced ? ' ' : '')),
      ),
      runs(2000),
    );
  });

  it("featureIndicesOfWords (from the word scan's spans) equals featureIndicesOfText on the same text, content stems included", () => {
    const rules = analyzer.rules;
    let fromSpans = 0;
    let withMixed = 0;
    const compare = (text: string): void => {
      const spans = scanWords(text, rules).spans;
      if (spans === undefined) return;
      fromSpans++;
      if (spans.mixed.length > 0) withMixed++;
      const matches = analyzer.analyze(text).matches;
      const wantContent: number[] = [-3];
      const want = featureIndicesOfText(model, spans.text, matches, wantContent);
      const content: number[] = [-3];
      expect(featureIndicesOfWords(model, spans, matches, content), spans.text).toEqual(want);
      expect(content).toEqual(wantContent);
      expect(featureIndicesOfWords(model, spans, matches)).toEqual(want);
      // The scans moderation reads, into scratch reused call after call: the same indices, and
      // the log-odds and top features of the string-keyed reference, bit for bit.
      const reference = scoreFeatures(model, featuresOf(spans.text, matches), 3);
      for (const scan of [featureScanOfWords(model, spans, matches, undefined, reused), featureScanOfText(model, spans.text, matches, undefined, reusedText)]) {
        expect(Array.from(scan.ids.subarray(0, scan.count))).toEqual(want);
        LABELS.forEach((l, i) => {
          expect(Object.is(scan.logOdds[i], reference[l].logOdds), `${l} ${spans.text}`).toBe(true);
          expect(topFeatures(model, i, scan, 3)).toEqual(reference[l].top);
        });
      }
    };
    const reused: FeatureScan = createFeatureScan();
    const reusedText: FeatureScan = createFeatureScan();
    for (const text of texts) {
      compare(normalize(text).text);
      compare(text.toLowerCase());
    }
    // Words that are one token and words that are several or none ("don't-know", "9x", "f**k",
    // "a٣b"), apostrophes at word edges and in runs ("x''y" is one token, two words), over-long
    // runs, other scripts, and the characters the scan hands to the reference path.
    const known = model.file.features.filter((f) => f.startsWith('w:')).map((f) => f.slice(2)).slice(0, 300);
    const pieces = [...known, ...TRICKY_WORDS.map((w) => w.toLowerCase()), ...TRICKY_CHARS, ' ', ' ', "'", "''", "'s", '-', '--', '*', 'x'.repeat(40), 'y'.repeat(41), 'éà', '٣', 'a٣b', '9x', 'x9', "don't-know"];
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: hostileString(6) }), { maxLength: 40 }), fc.boolean(), (p, spaced) => {
        const text = p.join(spaced ? ' ' : '');
        compare(text);
        compare(normalize(text).text);
      }),
      runs(2000),
    );
    // Both ways through the words were taken, many times.
    expect(fromSpans).toBeGreaterThan(1000);
    expect(withMixed).toBeGreaterThan(300);
  });

  it("featureIndicesOfWords' token rows cached by memo entry never go stale: memos that start over, several memos and models, a full token table", () => {
    // Memos of 8 and 40 words start over every few texts (a new epoch: entry numbers name other
    // words), and two rule sets and two models take turns, so every pairing of memo and model
    // cache meets stale entry numbers. The reference reads the text and shares no cache.
    const small = [{ ...analyzer.rules, wordMemo: new WordMemo<WordInfo>(8) }, { ...analyzer.rules, wordMemo: new WordMemo<WordInfo>(40) }];
    const models = [model, loadModel(parseModel(BUNDLED_MODEL, 'bundled model'))];
    const known = model.file.features.filter((f) => f.startsWith('w:')).map((f) => f.slice(2)).slice(0, 120);
    const pieces = [...known, ...known.slice(0, 30).map((w) => w + 'x'), 'the', 'and', "don't", '9x', ' ', ' ', ' '];
    let scored = 0;
    let turn = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (p) => {
        const text = p.join(' ');
        const rules = small[turn % 2]!;
        const m = models[(turn >> 1) % 2]!;
        turn++;
        const spans = scanWords(text, rules).spans;
        if (spans === undefined) return;
        scored++;
        const content: number[] = [];
        const wantContent: number[] = [];
        expect(featureIndicesOfWords(m, spans, [], content)).toEqual(featureIndicesOfText(m, spans.text, [], wantContent));
        expect(content).toEqual(wantContent);
      }),
      runs(1500),
    );
    expect(scored).toBeGreaterThan(1000);

    // A model whose token table is full: a word first seen after that is read in the scratch
    // row, which the next new word overwrites, so its row must not be cached by its entry.
    const fresh = loadModel(parseModel(BUNDLED_MODEL, 'bundled model'));
    const rules = { ...analyzer.rules, wordMemo: new WordMemo<WordInfo>(100_000) };
    const word = (n: number): string => {
      let w = 'q';
      for (let k = n; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
      return w;
    };
    const ofWords = (text: string): string[] => featureIndicesOfWords(fresh, scanWords(text, rules).spans!, []).map((i) => fresh.file.features[i]!);
    const wanted = (text: string): string[] => [...featuresOf(text, [])].filter((f) => fresh.index.has(f));
    for (let chunk = 0; chunk < 51; chunk++) ofWords(Array.from({ length: 1000 }, (_, k) => word(chunk * 1000 + k)).join(' '));
    const late = known.filter((w) => !'the president said'.includes(w)).slice(0, 20);
    for (const w of late) expect(ofWords(`the president said ${w}`)).toEqual(wanted(`the president said ${w}`));
    for (const w of late.reverse()) expect(ofWords(`${w} president`)).toEqual(wanted(`${w} president`));
  });
});
