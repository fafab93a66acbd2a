import { STOPWORDS, stem, tokenize } from '../text/tokens.js';

/** A sparse TF-IDF vector: stem → weight, with its norm cached. */
export interface TopicVector {
  weights: Map<string, number>;
  norm: number;
}

/**
 * Inverse document frequency from the model's document frequencies, so topic similarity needs
 * no corpus at run time. Unknown stems get the highest IDF: a rare shared word ("Navalny") is
 * strong evidence that a comment is about the article.
 */
export type Idf = (stem: string) => number;

export function makeIdf(docs: number, df: (stem: string) => number | undefined): Idf {
  const max = Math.log((docs + 1) / 1) + 1;
  return (s) => {
    const d = df(s);
    return d === undefined ? max : Math.log((docs + 1) / (d + 1)) + 1;
  };
}

/** Content words only: stop words and one- or two-letter tokens say nothing about topic. `tokens`, when given, is `tokenize(normalized)`. */
export function topicVector(normalized: string, idf: Idf, tokens: readonly string[] = tokenize(normalized)): TopicVector {
  const tf = new Map<string, number>();
  for (const token of tokens) {
    if (token.length < 3 || STOPWORDS.has(token)) continue;
    const s = stem(token);
    tf.set(s, (tf.get(s) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [s, n] of tf) {
    const w = (1 + Math.log(n)) * idf(s);
    weights.set(s, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/**
 * `topicVector` from the content words' stems, given as numbers (`featureIndicesOfText` hands
 * them out): the same weights, in the same order, with the same norm, without a stop-word and a
 * stem lookup per token. `stemOf` names a number; `idfOf` is the idf of that stem.
 */
export function topicVectorOfStems(stems: readonly number[], stemOf: (id: number) => string, idfOf: (id: number) => number): TopicVector {
  // A Map keeps first-occurrence order, which is the order topicVector's tf Map has.
  const tf = new Map<number, number>();
  for (const id of stems) tf.set(id, (tf.get(id) ?? 0) + 1);
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [id, n] of tf) {
    const w = (1 + Math.log(n)) * idfOf(id);
    weights.set(stemOf(id), w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Cosine similarity of two sparse vectors, iterating the smaller. */
export function cosine(a: TopicVector, b: TopicVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [s, w] of small.weights) {
    const o = large.weights.get(s);
    if (o !== undefined) dot += w * o;
  }
  return dot / (a.norm * b.norm);
}
