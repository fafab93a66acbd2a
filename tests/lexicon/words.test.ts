import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildWordList } from '../../src/lexicon/build.js';
import { gluedSplit } from '../../src/lexicon/glue.js';
import { englishWords } from '../../src/lexicon/words.js';
import { decodeWords, encodeWords } from '../../src/lexicon/format.js';

const root = new URL('../../', import.meta.url);
const require = createRequire(new URL('package.json', root));

describe('the bundled English word list', () => {
  it('is exactly what natural\'s lexicon and rules/slurs.json build (deterministic, not hand-edited)', () => {
    const lexicon = Object.keys(JSON.parse(readFileSync(require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json'), 'utf8')) as Record<string, unknown>);
    const packs = [JSON.parse(readFileSync(new URL('rules/slurs.json', root), 'utf8')) as unknown];
    const committed = JSON.parse(readFileSync(new URL('model/english-words.json', root), 'utf8')) as { words: string; source: string };
    const rebuilt = buildWordList(lexicon, packs, committed.source);
    expect(rebuilt.words).toBe(committed.words);
  });

  it('holds common words and the long real words that contain a slur, not the slurs themselves', () => {
    const words = englishWords();
    for (const w of ['many', 'behaviour', 'the', 'homosexual', 'pakistan']) expect(words.has(w)).toBe(true);
    for (const w of ['fag', 'fags', 'faggot', 'wetback', 'manyfags']) expect(words.has(w)).toBe(false);
  });
});

describe('gluedSplit', () => {
  const common = new Set(['many', 'the', 'behaviour', 'sexual']);
  const isWord = (w: string) => common.has(w);
  it('splits a term off a common word on either side, or off an article before it', () => {
    expect(gluedSplit('manyfags', 4, 8, isWord)).toBe(true);
    expect(gluedSplit('fagbehaviour', 0, 3, isWord)).toBe(true);
    expect(gluedSplit('afag', 1, 4, isWord)).toBe(true);
  });
  it('refuses a whole word, a word that is itself English, and a remainder that is no word', () => {
    expect(gluedSplit('fag', 0, 3, isWord)).toBe(false);
    expect(gluedSplit('fagin', 0, 3, isWord)).toBe(false);
    expect(gluedSplit('homosexual', 0, 4, (w) => isWord(w) || w === 'homosexual')).toBe(false);
    expect(gluedSplit('fagan', 0, 3, isWord)).toBe(false);
  });
});

describe('front coding of the word list', () => {
  it('round-trips sorted words, including shared prefixes longer than 9 letters', () => {
    const words = ['a', 'ab', 'abc', 'internationalisation', 'internationalise', 'internationalised', 'zebra'];
    expect(decodeWords(encodeWords(words))).toEqual(words);
    expect(encodeWords(['bake', 'baker'])).toBe('0bake4r');
  });
});
