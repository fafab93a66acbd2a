import { franc } from 'franc';

/**
 * Languages franc may choose from. Restricting candidates is what makes franc affordable: with
 * all of its languages it compares trigrams against every profile, and short comments are
 * misread as rare languages ("sco", "nds"). These cover the languages news comments arrive in.
 */
export const CANDIDATE_LANGUAGES: readonly string[] = [
  'eng', 'spa', 'fra', 'deu', 'ita', 'por', 'nld', 'rus', 'ukr', 'pol', 'tur', 'arb', 'cmn', 'jpn', 'kor', 'hin', 'swe', 'ron',
];

const ENGLISH_MARKERS = new Set([
  'the', 'and', 'is', 'are', 'to', 'of', 'in', 'that', 'it', 'you', 'this', 'with', 'for', 'not', 'was', 'they', 'have', 'be', 'he', 'his', 'what', 'i', 'a', 'on', 'will', 'we', 'our', 'their', 'no',
]);

/** Below this many letters franc guesses, so the honest answer is "und" (undetermined). */
const MIN_LETTERS = 12;

/**
 * ISO 639-3 language of a comment. Plain-ASCII text with English function words is English
 * without asking franc: that is most comments on English-language sites, and franc is the
 * slowest stage of the pipeline. Everything else goes to franc with the candidate list.
 */
export function detectLanguage(text: string, candidates: readonly string[] = CANDIDATE_LANGUAGES): string {
  let letters = 0;
  let ascii = true;
  for (let i = 0; i < text.length && i < 4096; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0x2019 && c !== 0x2018 && c !== 0x201c && c !== 0x201d && c !== 0x2014 && c !== 0x2013) ascii = false;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf) letters++;
  }
  if (letters < MIN_LETTERS) return 'und';
  if (ascii) {
    const sample = text.slice(0, 600).toLowerCase().match(/[a-z']+/g) ?? [];
    let hits = 0;
    for (const w of sample) if (ENGLISH_MARKERS.has(w)) hits++;
    if (hits >= 2 || (hits >= 1 && sample.length <= 6)) return 'eng';
  }
  return franc(text.slice(0, 2000), { only: [...candidates], minLength: MIN_LETTERS });
}
