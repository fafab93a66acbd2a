import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { LETTER, isSurrogate, unitClass } from './unicodeClass.js';

/** English stop words (natural's list) plus contractions left over after tokenising. */
export const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords, "it's", "i'm", "don't", "can't", "won't", 'just', 'also', 'would', 'could']);

const TOKEN = /[\p{L}][\p{L}\p{N}']*/gu;

/** Tokens longer than this are dropped; the fused scanner in model/naiveBayes.ts drops the same ones. */
export const TOKEN_MAX_LENGTH = 40;

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** \p{L} for one BMP code unit outside the surrogates. */
export const isLetterCode = (c: number): boolean => (c < 0x80 ? isAsciiLetter(c) : unitClass(c) === LETTER);
/** [\p{L}\p{N}'] for one BMP code unit outside the surrogates. */
export const isTokenCode = (c: number): boolean => (c < 0x80 ? isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 39 : unitClass(c) !== 0);

/** Word tokens of normalised text (already lower case, leet and look-alikes undone). */
export function tokenize(normalized: string): string[] {
  const out: string[] = [];
  // The same tokens as TOKEN, scanned by hand without its per-match objects. Text with a
  // surrogate (an astral character, which TOKEN reads as one code point) goes to the regex.
  const n = normalized.length;
  let i = 0;
  while (i < n) {
    const c = normalized.charCodeAt(i);
    if (isSurrogate(c)) return tokenizeByRegex(normalized);
    if (!isLetterCode(c)) {
      i++;
      continue;
    }
    const start = i++;
    for (; i < n; i++) {
      const d = normalized.charCodeAt(i);
      if (isSurrogate(d)) return tokenizeByRegex(normalized);
      if (!isTokenCode(d)) break;
    }
    const end = normalized.charCodeAt(i - 1) === 39 ? i - 1 : i;
    if (end - start <= TOKEN_MAX_LENGTH) out.push(normalized.slice(start, end));
  }
  return out;
}

/** The reference definition of tokens, and the scanner for text with astral characters. */
export function tokenizeByRegex(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(TOKEN)) {
    const t = m[0].endsWith("'") ? m[0].slice(0, -1) : m[0];
    if (t.length <= TOKEN_MAX_LENGTH) out.push(t);
  }
  return out;
}

/**
 * natural's Porter stemmer, memoised: comments reuse a small vocabulary, and stemming was the
 * largest cost per comment before the cache. Bounded, so a stream of unique tokens cannot grow it.
 */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

const ENGLISH_TOKEN = /^[a-z']+$/;

export function stem(token: string): string {
  const hit = stems.get(token);
  if (hit !== undefined) return hit;
  // The Porter stemmer is for English letters; other scripts pass through unchanged.
  const s = ENGLISH_TOKEN.test(token) ? PorterStemmer.stem(token.replace(/'/g, '')) : token;
  if (stems.size < STEM_CACHE_LIMIT) stems.set(token, s);
  return s;
}
