import { franc } from 'franc';
import { STOPWORDS } from '../text/tokens.js';

/**
 * Languages franc may choose from. Restricting candidates is what makes franc affordable: with
 * all of its languages it compares trigrams against every profile, and short comments are
 * misread as rare languages ("sco", "nds"). These cover the languages news comments arrive in.
 */
export const CANDIDATE_LANGUAGES: readonly string[] = [
  'eng', 'spa', 'fra', 'deu', 'ita', 'por', 'nld', 'rus', 'ukr', 'pol', 'tur', 'arb', 'cmn', 'jpn', 'kor', 'hin', 'swe', 'ron',
];

/** English function words that are not also common words in the other candidate languages. */
const ENGLISH_MARKERS = new Set([
  'the', 'and', 'is', 'are', 'to', 'of', 'that', 'it', 'you', 'this', 'with', 'for', 'not', 'was', 'they', 'have', 'be',
  'his', 'what', 'on', 'will', 'we', 'our', 'their', 'would', 'but', 'from', 'just', 'he', 'she', 'i', 'my', 'your', 'has', 'who',
]);

/** Below this many letters franc guesses, so the honest answer is "und" (undetermined). */
const MIN_LETTERS = 20;

const WORDS = /[a-z']+/g;

/**
 * ISO 639-3 language of a comment. Text in which English function words make up a good share
 * of the words is English without asking franc: that is most comments on English-language
 * sites, and franc (trigram distances against every candidate) was the most expensive stage of
 * the pipeline. Everything else goes to franc, restricted to the candidate languages.
 */
export function detectLanguage(text: string, candidates: readonly string[] = CANDIDATE_LANGUAGES): string {
  let letters = 0;
  for (let i = 0; i < text.length && letters < MIN_LETTERS; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf) letters++;
  }
  if (letters < MIN_LETTERS) return 'und';
  const sample = text.slice(0, 600).toLowerCase().match(WORDS) ?? [];
  let hits = 0;
  for (const w of sample) if (ENGLISH_MARKERS.has(w) || STOPWORDS.has(w)) hits++;
  if ((hits >= 2 && hits * 6 >= sample.length) || (hits >= 1 && sample.length <= 8)) return 'eng';
  // franc's cost grows with the text; 400 characters are plenty to tell languages apart.
  return franc(text.slice(0, 400), { only: [...candidates], minLength: MIN_LETTERS });
}

/**
 * Can a comment's words be compared with its article's? Only in one language: a Spanish comment
 * about an English article shares none of its words, and TF-IDF would call it off topic
 * (LABELS.md: a comment in another language that discusses the subject is not). When either
 * side is undetermined ("und": short or mixed), they are compared.
 */
export function sameLanguage(comment: string, article: string): boolean {
  return comment === 'und' || article === 'und' || comment === article;
}
