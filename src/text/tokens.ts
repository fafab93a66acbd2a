import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';

/** English stop words (natural's list) plus contractions left over after tokenising. */
export const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords, "it's", "i'm", "don't", "can't", "won't", 'just', 'also', 'would', 'could']);

const TOKEN = /[\p{L}][\p{L}\p{N}']*/gu;

/** Word tokens of normalised text (already lower case, leet and look-alikes undone). */
export function tokenize(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(TOKEN)) {
    const t = m[0].endsWith("'") ? m[0].slice(0, -1) : m[0];
    if (t.length <= 40) out.push(t);
  }
  return out;
}

/**
 * natural's Porter stemmer, memoised: comments reuse a small vocabulary, and stemming was the
 * largest cost per comment before the cache. Bounded, so a stream of unique tokens cannot grow it.
 */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(token: string): string {
  const hit = stems.get(token);
  if (hit !== undefined) return hit;
  // The Porter stemmer is for English letters; other scripts pass through unchanged.
  const s = /^[a-z']+$/.test(token) ? PorterStemmer.stem(token.replace(/'/g, '')) : token;
  if (stems.size < STEM_CACHE_LIMIT) stems.set(token, s);
  return s;
}
