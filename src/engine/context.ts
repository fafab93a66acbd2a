/**
 * Context judgements around a match: is an adjective or a profanity aimed at someone, and is
 * a slur or epithet merely mentioned to condemn it (counter-speech)? Both work on the
 * normalised text, with small fixed windows, so they cost O(1) per match.
 */

import { RangeHashes } from '../text/rangeHash.js';
import { isRegExpSpace } from '../text/regexpSpace.js';
import { isSurrogate, unitClass } from '../text/unicodeClass.js';
import { requiredLiterals } from './prefilter.js';

/** Second-person words: "you are stupid" is aimed, "stupid policy" is not. */
export const SECOND_PERSON: ReadonlySet<string> = new Set([
  'you', 'your', 'youre', "you're", 'ur', 'u', 'ya', 'yall', "y'all", 'yourself', 'yourselves', 'thou', "you've", "you'd", "you'll",
]);

/** A word in normalised text with its position. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}*]+(?:['-][\p{L}\p{N}*]+)*/gu;

/** [\p{L}\p{N}*] for one BMP code unit outside the surrogates: what WORD's class is. */
const isWordCode = (c: number): boolean =>
  c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 42 : unitClass(c) !== 0;

export function words(text: string): Word[] {
  const out: Word[] = [];
  // Scanned by hand: the same words as WORD, without a regex match object per word. Text with
  // a surrogate (an astral character, which WORD reads as one code point) goes to the regex.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSurrogate(c)) return wordsByRegex(text);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i++;
    for (;;) {
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (isSurrogate(d)) return wordsByRegex(text);
        if (!isWordCode(d)) break;
      }
      // A hyphen or apostrophe joins two runs ("don't", "lib-tards"), as WORD's group does.
      const joiner = i + 1 < n ? text.charCodeAt(i) : 0;
      const after = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (isSurrogate(after)) return wordsByRegex(text);
      if ((joiner === 39 || joiner === 45) && isWordCode(after)) i += 2;
      else break;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** The reference definition of a word, and the scanner for text with astral characters. */
export function wordsByRegex(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Index of the word containing or following position `pos` (binary search). */
export function wordAt(ws: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = ws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words before a name-calling noun that aim it: "what a", "such a", "you absolute". */
const AIMING_BEFORE =
  /(?:\b(?:what|such|be|being|called|call|you're|youre|ur|you)\s+(?:a|an|the|such)?\s*(?:\w+\s+)?|\b(?:is|are|was|were|im|i'm|he's|she's|hes|shes|they're|theyre)\s+(?:a|an|such a|such an)\s+(?:\w+\s+)?)$/;

export function aimedByPhrase(text: string, start: number): boolean {
  return AIMING_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

export const MENTION_BEFORE = new RegExp(
  [
    String.raw`\b(?:the|that|this|a)\s+(?:word|term|slur|label|epithet|insult|name)s?(?:\s+(?:of|for))?`,
    String.raw`\b(?:word|term|slur|name|epithet)s?\s+(?:like|such\s+as)`,
    // "calling people X", "they called us X", "called me a X", "calling immigrants X": whoever is
    // called, with an optional article before the name.
    String.raw`(?<!so[- ])\bcall(?:ing|ed|s)?(?:\s+[\w'-]+){0,3}?(?:\s+(?:a|an|the|such an?|a bunch of|bunch of))?`,
    String.raw`\b(?:stop|quit|don't|dont|never|not|no more|avoid|ban|banning)\s+(?:saying|using|say|use|calling|call)`,
    String.raw`\b(?:using|saying|said|says|say|use|used|uses|write|writes|writing|wrote|typing|typed)`,
  ]
    // Grouped, so the end anchor binds every alternative: the cue must come right before the match.
    .map((cue) => `(?:${cue})`)
    .join('|')
    .replace(/^/, '(?:')
    .concat(String.raw`)\s*["']?\s*$`),
);

/**
 * The last word of each MENTION_BEFORE cue but the "call …" one: a word the cue puts after a
 * space or a word boundary, with nothing after it but spaces and a quote. So when a cue ends
 * `before`, so does one of these, as a whole run of \w characters (see `mayEndInCue`).
 */
export const CUE_LAST_WORDS: ReadonlySet<string> = new Set([
  'word', 'words', 'term', 'terms', 'slur', 'slurs', 'label', 'labels', 'epithet', 'epithets', 'insult', 'insults', 'name',
  'names', 'of', 'for', 'like', 'as', 'saying', 'using', 'say', 'use', 'uses', 'calling', 'call', 'said', 'says', 'used', 'write',
  'writes', 'writing', 'wrote', 'typing', 'typed',
]);

/** \w (without the `u` flag) for one code unit. */
export const isAsciiWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/**
 * False only when MENTION_BEFORE cannot match `before`: no "call" in it, and its last run of \w
 * characters is no cue's last word. Most matches have no cue before them, and this costs a Set
 * look-up where the regex tries each of its alternatives at every position.
 */
export function mayEndInCue(before: string): boolean {
  return mayEndInCueAt(before, 0, before.length);
}

/**
 * The cue words of each length, and a bit per first letter (a–z) of them: the last word is
 * compared in place, without slicing it. A slice and a Set look-up (hashing the new string)
 * cost ~60 of the ~100 ns the gate took per match on the bench's comments; most words before
 * a match ("you", "the", "such") fail on their length or first letter.
 */
const CUE_BY_LENGTH: readonly (readonly string[])[] = cueWordsByLength();
const CUE_FIRST_LETTERS: Uint32Array = cueFirstLetters();

function cueWordsByLength(): string[][] {
  const out: string[][] = [];
  for (const w of CUE_LAST_WORDS) (out[w.length] ??= []).push(w);
  for (let n = 0; n < out.length; n++) out[n] ??= [];
  return out;
}

function cueFirstLetters(): Uint32Array {
  const out = new Uint32Array(CUE_BY_LENGTH.length);
  for (let n = 0; n < out.length; n++) for (const w of CUE_BY_LENGTH[n]!) out[n]! |= 1 << (w.charCodeAt(0) - 97);
  return out;
}

/** `mayEndInCue(text.slice(from, to))`, read in `text`: charCodeAt on a sliced string is several times slower. */
export function mayEndInCueAt(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && !isAsciiWordCode(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from && isAsciiWordCode(text.charCodeAt(start - 1))) start--;
  const n = end - start;
  if (n < CUE_BY_LENGTH.length) {
    const first = text.charCodeAt(start) - 97;
    if (first >= 0 && first < 26 && (CUE_FIRST_LETTERS[n]! >> first) & 1) {
      for (const w of CUE_BY_LENGTH[n]!) if (text.startsWith(w, start)) return true;
    }
  }
  // "call" within [from, to): looked for in a slice, so the search stops at `to`.
  // String.prototype's own includes, called on the slice: slices come in several string
  // representations, and `slice.includes` was a megamorphic load before the call.
  return String.prototype.includes.call(text.slice(from, to), 'call');
}

const MENTION_AFTER =
  /^s?["']?\s*(?:is|are|was|were|isn't|is not|remains)\s+(?:a\s+|an\s+|just\s+|still\s+|so\s+|never\s+|not\s+)*(?:slur|hateful|offensive|unacceptable|disgusting|vile|bigoted|bigotry|racist|sexist|homophobic|transphobic|islamophobic|antisemitic|anti-semitic|xenophobic|ableist|misogynistic|misogynist|hurtful|harmful|dehumanizing|dehumanising|ok|okay|acceptable|fine|cool|hate speech|a lie|untrue|true)|^s?["']?\s*(?:says|say|said|shows|tells)\s+more\s+about|^s?["']?\s*(?:has|have)\s+no\s+place/;


/** Who a word can be endorsed for: "the perfect word for [them]", "accurate for [people like that]". */
const ENDORSED_FOR = String.raw`(?:for|about|to describe)\s+(?:them|him|her|you|those|these|people|folks|everyone|anyone|everybody|anybody|most|all|such|the\s+(?:people|lot|likes))\b`;

/**
 * The speaker endorses the word for someone right after naming it: "calling them X is just
 * accurate", '"X" is the perfect word for them', "X fits them". Quoted or introduced by "calling",
 * the word is then used, not mentioned. The verdict must close its clause or name whom it is for:
 * 'the word "X" is right there in his tweet' and '"X" was correct usage in 1950s texts' talk about
 * the word. A denial ("is not accurate") does not match.
 */
const ENDORSED_AFTER = new RegExp(
  String.raw`^[a-z]{0,2}["']?\s*(?:` +
    String.raw`(?:is|are|was|'s)\s+(?:(?:just|simply|only|exactly|still|really|totally|completely|pretty|quite|so|very|perfectly|entirely|absolutely|100%)\s+)*` +
    String.raw`(?:(?:accurate|correct|right|fair|deserved|earned|apt|fitting|appropriate|spot on)(?=\s*(?:[.!?,;]|$)|\s+(?:at this point|now|honestly|frankly|anyway|imo|tbh)\b|\s+${ENDORSED_FOR})` +
    String.raw`|what (?:they|he|she|you|those people|these people) (?:are|is)\b` +
    String.raw`|(?:the|a)\s+(?:only|right|perfect|best|correct|proper|accurate|fitting|apt|fair|good)\s+(?:word|term|name|description|label)s?\s+${ENDORSED_FOR})` +
    String.raw`|(?:fits|suits|describes)\s+(?:them|him|her|you|those|these|people|every)\b)`,
);

/** Is the word ending at `end` endorsed for someone right after it (ENDORSED_AFTER)? */
export function endorsedAfter(text: string, end: number): boolean {
  return ENDORSED_AFTER.test(text.slice(end, end + 48));
}

/** A cue a few words before an opening quote that reports or names what is quoted: 'things like "…"', 'the tweet said "…"'. */
const QUOTE_CUE =
  /\b(?:like|as|said|says|say|saying|wrote|writes|write|writing|tweeted|tweets|tweet|posted|posts|post|shouted|shouting|chanted|chanting|yelled|yelling|screamed|screaming|called|calling|call|calls|read|reads|reading|claimed|claims|claim|claiming|typed|texted|commented|replied|told|tell|telling|heard|hear|hearing|repeat|repeats|repeated|repeating|think|thinks|thought|believe|believes|insist|insists|argue|argues|argued|words?|phrases?|slogans?|comments?|messages?|statements?|remarks?|lines?|things|stuff|signs?|banners?|posters?|graffiti|headlines?|captions?|labels?|insults?|slurs?|epithets?|painted|spray-painted|scrawled|daubed)\b(?:\s+[\w'-]+){0,3}?\s*[:,]?\s*$/;

/**
 * A claim reported as someone else's, a few words before the match in the same sentence: a
 * gerund ("saying that", "claiming", "calling them") or another speaker ("you said", "people
 * who think", "he keeps saying"). The speaker's own "I say" is not a report.
 */
export const REPORTED_CLAIM =
  /\b(?:saying|claiming|suggesting|implying|insisting|arguing|pretending|believing|thinking|posting|tweeting|writing|shouting|chanting|[\w'-]+\s+(?:(?:keep|keeps|kept|still|really|actually|seriously|honestly|just|would|will|might|could|can|always|ever|once|openly|publicly)\s+){0,2}(?:say|says|said|saying|think|thinks|thought|claim|claims|claimed|believe|believes|insist|insists|suggest|suggests|suggested|imply|implies|implied|tweet|tweets|tweeted|tweeting|post|posts|posted|posting|write|writes|wrote|writing|shout|shouts|shouted|shouting|chant|chants|chanted|chanting))\b((?:\s+that)?(?:\s+[\w'-]+){0,5}?)\s*["']?\s*$/;

/** `(s) => re can match s` as far as its required strings (prefilter.ts) tell; always true when they tell nothing. */
function literalGate(re: RegExp): (s: string) => boolean {
  const literals = requiredLiterals(re.source);
  if (literals === undefined) return () => true;
  const gate = new RegExp(literals.map((l) => l.replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&')).join('|'));
  return (s) => gate.test(s);
}

/**
 * False only when REPORTED_CLAIM cannot match the clause: none of the verbs every match holds
 * occurs in it (read off the regex by prefilter.ts, so the gate follows the regex's verbs). One
 * search for a few literals instead of the regex's word-by-word backtracking. Exported for its test.
 */
export const mayReportClaim = literalGate(REPORTED_CLAIM);

/**
 * `mayReportClaim` over the part of text[from, to) where REPORTED_CLAIM's verb can stand. The
 * regex ends its match at the clause's end, and after the verb it reads only `\s+that`, at most
 * five `\s+[\w'-]+` and `\s*["']?\s*`: so the verb lies in the last seven runs of [\w'-] that
 * only ASCII spaces part, after any other character (a clause end among them). Every verb holds
 * one of the gate's literals, so none in that tail means no match. On the bench's comments the
 * gate over all 48 characters before a match passed one match in seven to the regex, and its
 * search over them cost ~90 ns a match; the tail is shorter and mostly rules the regex out.
 * A unit beyond ASCII (a Unicode space is \s) gives up on the tail: the whole range is gated.
 */
export function mayReportClaimAt(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isAsciiSpace(text.charCodeAt(i - 1))) i--;
  if (i > from) {
    const q = text.charCodeAt(i - 1);
    if (q === DOUBLE_QUOTE || q === SINGLE_QUOTE) i--;
  }
  for (let runs = 0; i > from; ) {
    const c = text.charCodeAt(i - 1);
    if (c >= 0x80) return mayReportClaim(text.slice(from, to));
    if (isAsciiSpace(c)) {
      i--;
      continue;
    }
    if (!isAsciiWordCode(c) && c !== SINGLE_QUOTE && c !== HYPHEN) break;
    if (++runs > CLAIM_TAIL_RUNS) break;
    while (i > from && isClaimRunCode(text.charCodeAt(i - 1))) i--;
  }
  return mayReportClaim(text.slice(i, to));
}

/** The verb's run and the six after it (`\s+that` and five words). */
const CLAIM_TAIL_RUNS = 7;
const HYPHEN = 45;

/** [\w'-] by code unit. */
const isClaimRunCode = (c: number): boolean => isAsciiWordCode(c) || c === SINGLE_QUOTE || c === HYPHEN;
/** The ASCII members of \s: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** The reported words must form a clause about someone: "saying that X [are]", not "believes [a word the]". */
const REPORTED_VERB = /\b(?:are|is|was|were|be|aren't|isn't|should|shouldn't|must|can|could|will|would|deserve|deserves|need|needs|belong|belongs|make|makes|have|has|don't|do|does|doesn't|ought)\b/;

/** The speaker's own opinion, with adverbs before the verb: "I really do believe X", "I firmly think X". */
const OWN_OPINION = /\b(?:i|we)(?:\s+(?:really|do|did|firmly|truly|honestly|genuinely|strongly|personally|just|still|also|always|sincerely|actually|seriously|fully|totally|absolutely|definitely|certainly|kind of|sort of))*$/;

function ownOpinion(clause: string, reported: RegExpExecArray): boolean {
  const subject = /^[\w'-]+/.exec(reported[0])?.[0] ?? '';
  return OWN_OPINION.test(clause.slice(0, reported.index) + subject);
}

/** The speaker's own claim, not a report: "I call them X", "we'd say X", "as I said, X". */
const FIRST_PERSON = /\b(?:i|we|i'm|im|we're|i'd|we'd|i'll|we'll|i've|we've)\b/;
const FIRST_PERSON_BEFORE = /\b(?:i|we|i'm|im|we're|i'd|we'd|i'll|we'll)\s+(?:(?:just|will|would|always|still|really|do|now|even|also|gonna|going to|have to|must|simply|keep|keeps|kept|keep on|continue to|won't stop|will never stop|never stop)\s+){0,2}$/;
const NEGATED_CUE = /^(?:stop|quit|don't|dont|never|not|no more|avoid|ban|banning)\b/;

/** Is [start, end) inside a quotation? Returns where the quote opens and closes. */
export function enclosingQuote(text: string, start: number, end: number): { open: number; close: number } | null {
  // Only the last QUOTE_REACH characters of the line are read (a whole-text search made each
  // match cost O(position)), and through indexOf over a slice of them: a loop over every
  // character cost more than the rest of isMention.
  const floor = Math.max(0, start - QUOTE_REACH);
  const reach = text.slice(floor, start);
  let lineFrom = 0;
  // String.prototype.indexOf.call, not reach.indexOf: `reach` is a slice of the comment, of
  // several string representations, and the method load went megamorphic.
  for (let i = String.prototype.indexOf.call(reach, '\n'); i >= 0; i = String.prototype.indexOf.call(reach, '\n', i + 1)) lineFrom = i + 1;
  let doubles = 0;
  let lastDouble = -1;
  for (let i = String.prototype.indexOf.call(reach, '"', lineFrom); i >= 0; i = String.prototype.indexOf.call(reach, '"', i + 1)) {
    doubles++;
    lastDouble = floor + i;
  }
  if (doubles % 2 === 1) {
    const close = indexWithin(text, '"', end, 160);
    if (close >= 0) return { open: lastDouble, close };
    return null;
  }
  // Single quotes: an opening one follows a non-letter and precedes a letter ("'women"), a closing
  // one follows a letter or punctuation and precedes a non-letter ("scum'"); "don't" is neither.
  // The quote is open when, reading back from the match, an opening one comes before a closing
  // one (one right before the match does not close): read forwards, the last of them decides.
  let open = -1;
  for (let i = String.prototype.indexOf.call(reach, "'", Math.max(lineFrom, start - 160 - floor)); i >= 0; i = String.prototype.indexOf.call(reach, "'", i + 1)) {
    const at = floor + i;
    if (opensQuote(text, at)) open = at;
    else if (at < start - 1 && closesQuote(text, at)) open = -1;
  }
  if (open < 0) return null;
  for (let j = end; j < Math.min(text.length, end + 160); j++) {
    const c = text.charCodeAt(j);
    if (c === NEWLINE) break;
    if (c === SINGLE_QUOTE && closesQuote(text, j)) return { open, close: j };
  }
  return null;
}

const NEWLINE = 10;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const SPACE = 32;

/** Does the single quote at i open a quotation: after a non-letter, before a letter ("'women")? */
function opensQuote(text: string, i: number): boolean {
  return !isWordLikeCode(text.charCodeAt(i - 1)) && isWordLikeCode(text.charCodeAt(i + 1));
}

/** Does the single quote at i close one: after a letter or punctuation, before a non-letter ("scum'")? */
function closesQuote(text: string, i: number): boolean {
  return i > 0 && text.charCodeAt(i - 1) !== SPACE && !isWordLikeCode(text.charCodeAt(i + 1));
}

/** [\p{L}\p{N}] for one code unit (NaN, off either end of the text, is none), from the remembered classes instead of a regex test per call. */
function isWordLikeCode(code: number): boolean {
  if (code !== code) return false;
  return code < 0x80 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : unitClass(code) !== 0;
}

/** How far back a quotation mark is looked for. */
const QUOTE_REACH = 200;

/** `text.indexOf(ch, from)` when found at most `reach` characters after `from`, else -1 (bounded: indexOf of a slice). */
export function indexWithin(text: string, ch: string, from: number, reach: number): number {
  const i = text.slice(from, from + reach + 1).indexOf(ch);
  return i < 0 ? -1 : from + i;
}

/**
 * The sentence's subject is a reporter: "anyone who thinks…", "people who say…", "whoever
 * believes…". The report is then a relative clause on the subject, and what the sentence says of
 * that subject is the speaker's own claim.
 */
const REPORTER_SUBJECT =
  /^\s*(?:(?:and|but|so|yet),?\s+)?(?:whoever|(?:anyone|anybody|everyone|everybody|someone|somebody|people|those|any\s+[\w'-]+|every\s+[\w'-]+)\s+(?:who|that)|(?:all\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?[\w'-]+s\s+who)\s/;
/**
 * A copula right before the match: "… is [a] X", "… are X", with one more word between it and the
 * name ("… is a gullible fool": the adjective is a match of its own, and does not end the clause).
 */
const COPULA_BEFORE = /\b(?:is|are|was|were|be|'s|'re)\s+(?:(?:a|an|just|such|so|simply|clearly|obviously|totally|truly|really|complete|completely|utter|utterly|total|absolute|absolutely|certified|full-blown|fucking)\s+)*(?:[\w'-]+\s+)?$/;
/**
 * The match ends its clause (up to two letters may run on: "retard-ed"). A comma followed by a
 * verb does not: "Those who claim X are [Y], are wrong" has its predicate after the comma.
 */
const ENDS_CLAUSE =
  /^[a-z]{0,2}(?:\s*(?:[.!?;:)]|$)|\s*,(?!\s*(?:are|is|was|were|should|must|will|would|can|could|have|has|need|needs|deserve|deserves|get|gets|ought|do|does|don't|doesn't)\b)|\s+(?:and|but|or|so|too|anyway|period|lol|imo)\b)/;

/**
 * Does the clause ending at `start` (after the last clause end since `from`) report someone else's
 * claim? Not when the match is what the sentence says of its reporting subject and ends the clause:
 * "Anyone who thinks Putin wants peace is [X]." is the speaker calling that person X, where
 * "People who say they are [X] should be ashamed" reports it (the match is inside the report).
 */
function reportedClaim(text: string, from: number, start: number, after: string): boolean {
  // The clause end is looked for in `text`: charCodeAt on a sliced string is several times slower.
  let cut = start - 1;
  while (cut >= from && !isClauseEnd(text.charCodeAt(cut))) cut--;
  const clause = text.slice(cut + 1, start);
  const reported = mayReportClaim(clause) ? REPORTED_CLAIM.exec(clause) : null;
  if (!(reported !== null && !FIRST_PERSON.test(reported[0]) && !ownOpinion(clause, reported) && REPORTED_VERB.test(reported[1] ?? ''))) return false;
  // The subject is only known when the whole clause was read (a clause end or the text's start
  // within reach): a clause cut off by the window may start anywhere ("...ously believe that").
  const whole = cut >= from || cut < 0;
  return !(whole && REPORTER_SUBJECT.test(clause) && COPULA_BEFORE.test(clause) && ENDS_CLAUSE.test(after));
}

/** A cue that reports what someone else said, not the speaker's own claim. */
function reportCue(before: string, cue: RegExpExecArray | null): boolean {
  if (cue === null) return false;
  if (NEGATED_CUE.test(cue[0].trimStart())) return true;
  if (FIRST_PERSON.test(cue[0])) return false;
  return !FIRST_PERSON_BEFORE.test(before.slice(0, cue.index));
}

/**
 * True when the match is named to condemn it rather than used as an attack: quoted
 * ('the word "X"', 'messages like "they are X"'), introduced as a word ("calling people X",
 * "they called me a X", "stop saying X"), or judged right after ("X is a slur", "X says more
 * about you"). The speaker's own "I call them X" is a use, not a mention.
 */
/** Where a clause ends, by code unit: . ! ? ; */
const isClauseEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 59;
/** a–z by code unit. */
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;

/**
 * How far isMention reads around a match: a quotation opening up to 200 characters before it
 * with 48 characters of lead, closing up to 160 after it with 49 characters of tail.
 */
const MENTION_REACH_BEFORE = 248;
const MENTION_REACH_AFTER = 210;

/**
 * isMention for every match of one text, judging each distinct neighbourhood once: a comment
 * that repeats one insult 2,000 times ("you idiot you idiot ...") costs a handful of judgements,
 * not 2,000. A neighbourhood is everything isMention can read (the characters from
 * MENTION_REACH_BEFORE before the match to MENTION_REACH_AFTER after it, and where the match
 * sits in them), so a remembered answer is the answer.
 */
export function mentionJudge(text: string): (start: number, end: number) => boolean {
  // Most texts have a few matches, and looking one up costs about what judging it does: the first
  // DIRECT_JUDGEMENTS are judged as they come, and only a text with more starts remembering.
  // Neighbourhoods are looked up by a hash of their range, O(1) each after one pass over the text,
  // then compared in place: slicing and hashing each ~460-character neighbourhood as a string key
  // was a fifth of a 1 MB repeated insult's time and a third of its garbage.
  let judged = 0;
  let hashes: RangeHashes | undefined;
  let seen: Map<number, Neighbourhood[]> | undefined;
  return (start, end) => {
    if (++judged <= DIRECT_JUDGEMENTS) return isMention(text, start, end);
    const from = Math.max(0, start - MENTION_REACH_BEFORE);
    const to = Math.min(text.length, end + MENTION_REACH_AFTER);
    const lead = start - from;
    const length = end - start;
    hashes ??= new RangeHashes(text);
    seen ??= new Map();
    const key = (hashes.of(from, to) ^ Math.imul(lead, 0x9e3779b1) ^ Math.imul(length, 0x85ebca6b)) | 0;
    let bucket = seen.get(key);
    // A slice is a view (no copy), and === compares it with memcmp; startsWith compared
    // character by character, 20x slower.
    const reach = text.slice(from, to);
    if (bucket !== undefined) for (const n of bucket) if (n.lead === lead && n.length === length && n.reach === reach) return n.answer;
    const answer = isMention(text, start, end);
    if (bucket === undefined) seen.set(key, (bucket = []));
    // A bucket this full holds colliding neighbourhoods (crafted or not): past it matches are
    // judged directly, so a collision costs at most BUCKET_LIMIT comparisons, never a scan.
    if (bucket.length < BUCKET_LIMIT) bucket.push(new Neighbourhood(lead, length, reach, answer));
    return answer;
  };
}

/** One judged neighbourhood: the match `lead` characters into `reach`, `length` long. */
class Neighbourhood {
  constructor(
    readonly lead: number,
    readonly length: number,
    readonly reach: string,
    readonly answer: boolean,
  ) {}
}

const BUCKET_LIMIT = 4;

/** How many matches of a text mentionJudge judges before it remembers neighbourhoods. */
const DIRECT_JUDGEMENTS = 8;

export function isMention(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 48);
  const before = text.slice(from, start);
  const after = text.slice(end, end + 48);
  // Named as a word, but endorsed for someone: a use, however it is introduced.
  if (ENDORSED_AFTER.test(after)) return false;
  const mark = text.charCodeAt(start - 1);
  const quoted = (mark === DOUBLE_QUOTE || mark === SINGLE_QUOTE) && /^[a-z]{0,2}["']/.test(after);
  if (quoted) return true;
  if (mayEndInCueAt(text, from, start) && reportCue(before, MENTION_BEFORE.exec(before))) return true;
  // Up to two letters of the word may run on past the match ("X-s", "Xed"); when `after` does not
  // start with a letter the replace could only remove "", so it is skipped. `after` is a slice
  // (several string representations): its charCodeAt read as enclosingQuote reads indexOf.
  if (MENTION_AFTER.test(isLowerAscii(String.prototype.charCodeAt.call(after, 0)) ? after.replace(/^[a-z]{0,2}(?=\W|$)/, '') : after)) return true;
  // Someone else's claim, reported: "saying that X are vermin", "people who think X are scum".
  // The clause is the end of `before`: when no verb of the gate occurs in `before`, none does in it.
  if (mayReportClaimAt(text, from, start) && reportedClaim(text, from, start, after)) return true;
  // A longer quotation holding the match: 'messages like "women are X"', '"they are X" is hateful'.
  const q = enclosingQuote(text, start, end);
  if (q === null) return false;
  const lead = text.slice(Math.max(0, q.open - 48), q.open);
  if (reportCue(lead, QUOTE_CUE.exec(lead))) return true;
  return MENTION_AFTER.test(text.slice(q.close + 1, q.close + 49));
}

/*
 * Group-directed abuse. "Only women can be so ignorant", "I hate every single one of them":
 * the ±3-word window is too narrow for these shapes and too loose for others ("people throw
 * trash"). A match is *linked* to a target when only grammatical glue stands between them in
 * the same clause (at most LINK_WINDOW words, no sentence or clause punctuation): copulas,
 * modals, determiners, quantifiers and intensifiers. Content words break the link, so
 * "voters are tired of this stupid policy" stays clean.
 */

const LINK_WINDOW = 6;

/** Glue between a subject and its predicate, read leftwards from the match: "women [can be so] ignorant". */
const LEFT_BRIDGE: ReadonlySet<string> = new Set([
  'are', 'is', 'was', 'were', 'be', 'been', 'being', 'am', 'seem', 'seems', 'seemed', 'look', 'looks', 'become', 'becomes',
  'became', 'remain', 'remains', 'can', 'could', 'will', 'would', 'must', 'may', 'might', 'should', 'shall', 'to', 'do', 'does',
  'did', 'so', 'very', 'really', 'truly', 'too', 'just', 'only', 'always', 'all', 'both', 'utterly', 'totally', 'completely',
  'absolutely', 'incredibly', 'extremely', 'fucking', 'fuckin', 'freaking', 'effing', 'damn', 'bloody', 'simply', 'inherently',
  'naturally', 'clearly', 'obviously', 'basically', 'literally', 'genuinely', 'honestly', 'seriously', 'actually', 'also',
  'still', 'even', 'ever', 'generally', 'mostly', 'usually', 'typically', 'often', 'mainly', 'nothing', 'but', 'such', 'a',
  'an', 'that', 'this', 'more', 'most', 'pretty', 'quite', 'rather', 'far', 'much', 'certainly', 'definitely', 'surely', 'probably',
  'frankly', 'indeed', 'kind', 'sort', 'of', 'bunch', 'pack', 'load', 'herd', 'horde', 'swarm', 'gang', 'lot', 'no', 'better',
  'worse', 'than', 'lower', 'less', 'little', 'nasty', 'total', 'complete', 'utter', 'absolute', 'real', 'true', 'themselves',
  'go', 'nature', 'common', 'gay', 'lesbian', 'black', 'white', 'brown', 'trans', 'transgender', 'disabled', 'muslim', 'jewish',
  'immigrant', 'migrant', 'refugee', 'female', 'foreign', 'asian', 'arab', 'african', 'mexican', 'hispanic', 'catholic', 'christian',
  // A count of the people it is said of: "Biden and Putin are [two] senile old goats".
  'two', 'three',
]);

/** Glue between a verb and its object, read rightwards: "hate [every single one of] them", "vermin [like] them". */
const RIGHT_BRIDGE: ReadonlySet<string> = new Set([
  'all', 'the', 'those', 'these', 'every', 'each', 'single', 'one', 'of', 'any', 'most', 'some', 'many', 'such', 'so', 'fucking',
  'fuckin', 'freaking', 'effing', 'damn', 'bloody', 'goddamn', 'like', 'other', 'kinds', 'kind', 'sorts', 'types', 'type',
  'just', 'really', 'truly', 'absolutely', 'a', 'an',
]);

/** Words that end an object noun phrase before it reaches a person: "hate [it] when people…", "hate [the way] people…". */
const NOT_MODIFIER: ReadonlySet<string> = new Set([
  'it', 'this', 'that', 'what', 'when', 'how', 'why', 'who', 'where', 'which', 'whether', 'if', 'to', 'for', 'with', 'about',
  'and', 'or', 'but', 'than', 'because', 'as', 'at', 'on', 'in', 'into', 'by', 'from', 'way', 'fact', 'idea', 'thought',
  'there', 'here', 'their', 'our', 'my', 'his', 'its', 'is', 'are', 'was', 'were', 'be', 'i', 'we', 'me', 'us',
]);

const PREPOSITIONS: ReadonlySet<string> = new Set([
  'for', 'of', 'to', 'with', 'about', 'against', 'among', 'amongst', 'toward', 'towards', 'by', 'from', 'on', 'in', 'at',
  'into', 'onto', 'upon', 'than', 'like', 'between', 'behind', 'around', 'over', 'under', 'after', 'before', 'without',
  'within', 'among', 'alongside', 'unlike', 'via',
]);
const QUANTIFIERS: ReadonlySet<string> = new Set([
  'all', 'most', 'some', 'many', 'none', 'each', 'one', 'few', 'both', 'any', 'half', 'lot', 'majority', 'rest', 'every',
  'swarms', 'swarm', 'hordes', 'horde', 'herds', 'herd', 'packs', 'bunch', 'gangs', 'kinds', 'kind', 'sorts', 'sort', 'types',
]);
/** "typical of X to be…", "so like X to…": the 'of' names who the claim is about. */
const ABOUT_OF: ReadonlySet<string> = new Set(['typical', 'characteristic']);
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'these', 'those', 'all', 'our', 'their', 'many', 'most', 'some', 'such', 'other']);

/** A transitive verb takes its target as object, to the right: "I hate X"; "X hate Mondays" is not aimed at X. */
const OBJECT_VERBS: ReadonlySet<string> = new Set([
  'hate', 'hated', 'despise', 'despised', 'loathe', 'loathed', 'detest', 'detested', 'abhor', 'abhorred', 'stand', 'stomach',
  'tolerate', 'bear', 'fuck', 'fucking', 'kill', 'respect', 'trust', 'value', 'exterminate', 'eradicate', 'gas', 'hang', 'shoot', 'deport',
  'for', 'of', 'towards', 'toward', 'by', 'to', 'all', 'the', 'these', 'those', 'every',
]);

/** A verb phrase takes its target as subject, to the left: "X make me sick", "X should all die", "X are not human". */
const SUBJECT_HEADS: ReadonlySet<string> = new Set([
  'should', 'shouldn\'t', 'must', 'deserve', 'deserves', 'need', 'needs', 'ought', 'belong', 'belongs', 'disgust', 'disgusts',
  'sicken', 'sickens', 'repulse', 'repulses', 'revolt', 'revolts', 'make', 'makes', 'turn', 'turns', 'gross', 'grosses',
  'creep', 'creeps', 'are', 'aren\'t', 'arent', 'is', 'isn\'t', 'do', 'don\'t', 'dont', 'does', 'doesn\'t', 'not', 'have',
  'has', 'lives', 'can', 'can\'t', 'cannot', 'cant', 'breed', 'go', 'less', 'worth', 'mean',
]);

export type LinkDirection = 'left' | 'right' | 'both';

const LINK_TOKEN = /[^\p{L}\p{N}'*-]+/u;

/** Which side a match takes its target from, read off its own words. */
export function linkDirection(matchText: string): LinkDirection {
  // The first and last runs of [\p{L}\p{N}'*-], read by hand: splitting the match into an
  // array of its words and filtering it cost more than the rest of the link judgement.
  const n = matchText.length;
  // A surrogate is a non-word unit to isLinkCode and may be half a letter to the regex.
  for (let i = 0; i < n; i++) if (isSurrogate(matchText.charCodeAt(i))) return linkDirectionByRegex(matchText);
  let from = 0;
  while (from < n && !isLinkCode(matchText.charCodeAt(from))) from++;
  if (from === n) return 'both';
  let to = from;
  while (to < n && isLinkCode(matchText.charCodeAt(to))) to++;
  let end = n;
  while (!isLinkCode(matchText.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLinkCode(matchText.charCodeAt(start - 1))) start--;
  if (SUBJECT_HEADS.has(matchText.slice(from, to))) return 'left';
  if (OBJECT_VERBS.has(matchText.slice(start, end))) return 'right';
  return 'both';
}

/** [\p{L}\p{N}'*-] for one BMP code unit outside the surrogates. */
const isLinkCode = (c: number): boolean =>
  c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 39 || c === 42 || c === 45 : unitClass(c) !== 0;

/** The definition `linkDirection` reads by hand (exported for its test). */
export function linkDirectionByRegex(matchText: string): LinkDirection {
  const ws = matchText.split(LINK_TOKEN).filter(Boolean);
  if (ws.length === 0) return 'both';
  if (SUBJECT_HEADS.has(ws[0]!)) return 'left';
  if (OBJECT_VERBS.has(ws[ws.length - 1]!)) return 'right';
  return 'both';
}

/** Does text[from, to) hold one of the code units `isBreak` accepts? A slice and a regex test each cost more. */
function breakWithin(text: string, from: number, to: number, isBreak: (c: number) => boolean): boolean {
  for (let i = from; i < to; i++) if (isBreak(text.charCodeAt(i))) return true;
  return false;
}

/** /[.,;:!?\n()"']/ by code unit. */
const isClausePunctuation = (c: number): boolean =>
  c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10 || c === 40 || c === 41 || c === 34 || c === 39;

/** /[.;:!?\n,]/ by code unit: what ends the reach of a negation. */
const isNegationBreak = (c: number): boolean => c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10 || c === 44;

/** Punctuation that ends a clause between two words; a quotation mark parts what is quoted from what is said of it. */
export function clauseBreak(text: string, from: number, to: number): boolean {
  return breakWithin(text, from, to, isClausePunctuation);
}

/** Is there a negation break ([.;:!?\n,]) in text[from, to)? Exported for its test. */
export function negationBreak(text: string, from: number, to: number): boolean {
  return breakWithin(text, from, to, isNegationBreak);
}

/**
 * `w.replace(/'s$|s'$/, '')`: the two alternatives can only match the last two units, and not
 * both. Exported for its test.
 */
export function withoutPossessive(w: string): string {
  const n = w.length;
  if (n < 2) return w;
  const a = w.charCodeAt(n - 2);
  const b = w.charCodeAt(n - 1);
  return (a === 39 && b === 115) || (a === 115 && b === 39) ? w.slice(0, n - 2) : w;
}

/** `w.replace(/'(?:re|ve|ll|d)$/, '')`, by hand as `withoutPossessive`. Exported for its test. */
export function withoutContraction(w: string): string {
  const n = w.length;
  if (n >= 2 && w.charCodeAt(n - 2) === 39 && w.charCodeAt(n - 1) === 100) return w.slice(0, n - 2);
  if (n < 3 || w.charCodeAt(n - 3) !== 39) return w;
  const tail = w.slice(n - 2);
  return tail === 're' || tail === 've' || tail === 'll' ? w.slice(0, n - 3) : w;
}
const GROUP_OWNERS: ReadonlySet<string> = new Set(['their', 'his', 'her']);
const GROUP_NOUNS: ReadonlySet<string> = new Set(['kind', 'lot', 'ilk', 'sort', 'type']);

/** Is word k a person or group: a target noun ("women", "women's"), "you", "their kind", or one glued to glue ("womenare", "allwomen")? */
function personAt(
  ws: readonly Word[],
  k: number,
  isTarget: (w: string) => boolean,
  anchors?: ReadonlySet<number>,
  memo: Map<string, boolean> = personWordsOf(isTarget),
): boolean {
  if (anchors?.has(k)) return true;
  const w = ws[k]!.text;
  if (GROUP_NOUNS.has(w) && k > 0 && GROUP_OWNERS.has(ws[k - 1]!.text)) return true;
  // A longer word is a slice that would keep its whole text alive in the memo: asked afresh.
  if (w.length > PERSON_WORD_MAX) return personWord(w, isTarget);
  let person = memo.get(w);
  if (person === undefined) {
    if (memo.size >= PERSON_WORDS_LIMIT) memo.clear();
    memo.set(w, (person = personWord(w, isTarget)));
  }
  return person;
}

/**
 * What personAt asks of the word alone, remembered per `isTarget` (a pure test: findMatches
 * keeps one per target set). The glue test slices a word of six letters or more at every
 * split and asks the target set and the glue sets of both halves; the words around matches
 * recur from comment to comment ("people", "really", "women").
 */
const PERSON_WORDS = new WeakMap<(w: string) => boolean, Map<string, boolean>>();
/** Words remembered per target test before the memo starts over: bounded, whatever the input. */
const PERSON_WORDS_LIMIT = 4096;
/**
 * The longest word remembered. V8 copies a slice shorter than 13 units and makes a longer one a
 * view of the whole text: a memo of views would keep up to PERSON_WORDS_LIMIT texts (of any size) alive.
 */
const PERSON_WORD_MAX = 12;

function personWordsOf(isTarget: (w: string) => boolean): Map<string, boolean> {
  let memo = PERSON_WORDS.get(isTarget);
  if (memo === undefined) PERSON_WORDS.set(isTarget, (memo = new Map()));
  return memo;
}

/** Is `w`, on its own, a person or group for `isTarget`: a target, "you", a target's possessive or contraction, or glued to glue? Exported for its test. */
export function personWord(w: string, isTarget: (w: string) => boolean): boolean {
  if (SECOND_PERSON.has(w) || isTarget(w)) return true;
  // Stripping nothing asks isTarget(w) again: skipped, the answer is the same.
  const owner = withoutPossessive(w);
  if (owner !== w && isTarget(owner)) return true;
  const bare = withoutContraction(w);
  if (bare !== w && isTarget(bare)) return true;
  return gluedPerson(w, isTarget);
}

/** A person glued to a neighbouring function word to dodge a filter: "womenare", "allwomen", "thesepeople". */
function gluedPerson(w: string, isTarget: (w: string) => boolean): boolean {
  if (w.length < 6 || w.length > 24) return false;
  for (let i = 2; i <= w.length - 2; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (isTarget(a) && (LEFT_BRIDGE.has(b) || RIGHT_BRIDGE.has(b))) return true;
    if (isTarget(b) && (RIGHT_BRIDGE.has(a) || LEFT_BRIDGE.has(a))) return true;
  }
  return false;
}

const TRANSPOSED = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * A target word with two neighbouring letters swapped ("wmoen", "imimgrants"), a common way
 * to dodge a filter. Built once per target set; only words of five letters or more.
 */
export function transposedTarget(targets: ReadonlySet<string>, w: string): boolean {
  return transposedTargets(targets).has(w);
}

/** The words `transposedTarget` accepts for a target set: a caller asking about many words looks the set up once. */
export function transposedTargets(targets: ReadonlySet<string>): ReadonlySet<string> {
  let variants = TRANSPOSED.get(targets);
  if (variants === undefined) {
    variants = new Set();
    for (const t of targets) {
      if (t.length < 5 || !/^[a-z]+$/.test(t)) continue;
      for (let i = 0; i + 1 < t.length; i++) {
        if (t[i] === t[i + 1]) continue;
        variants.add(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2));
      }
    }
    for (const t of targets) variants.delete(t);
    TRANSPOSED.set(targets, variants);
  }
  return variants;
}

/**
 * A subject target must not sit inside a prepositional phrase: "conditions [for refugees] are
 * disgusting". "like" after a person is an apposition, not a preposition: in "women like you
 * deserve…" the subject is both.
 */
function insidePrepositionalPhrase(text: string, ws: readonly Word[], k: number, isTarget: (w: string) => boolean): boolean {
  for (let j = k - 1, seen = 0; j >= 0 && seen < 3; j--, seen++) {
    if (clauseBreak(text, ws[j]!.end, ws[j + 1]!.start)) return false;
    const w = ws[j]!.text;
    if (w === 'like' && j > 0 && !clauseBreak(text, ws[j - 1]!.end, ws[j]!.start) && personAt(ws, j - 1, isTarget)) return false;
    if (PREPOSITIONS.has(w)) return !(w === 'of' && j > 0 && (QUANTIFIERS.has(ws[j - 1]!.text) || ABOUT_OF.has(ws[j - 1]!.text)));
    if (DETERMINERS.has(w)) continue;
    if (NOT_MODIFIER.has(w) || LEFT_BRIDGE.has(w)) return false;
  }
  return false;
}

/** Verbs in the third person singular: a plural noun right before one is not its subject ("the way they treat immigrants makes me sick"). */
const SINGULAR_VERBS: ReadonlySet<string> = new Set([
  'is', "isn't", 'isnt', 'was', "wasn't", 'wasnt', 'makes', 'disgusts', 'sickens', 'repulses', 'revolts', 'turns', 'grosses',
  'creeps', 'nauseates', 'deserves', 'needs', 'belongs', 'does', "doesn't", 'doesnt', 'has', 'seems', 'looks', 'becomes',
  'remains',
]);
const PLURAL_PERSONS: ReadonlySet<string> = new Set(['they', 'them', 'you', 'we', 'us', 'people', 'men', 'women', 'folks', 'children', 'police']);

/** Can `subject` be the subject of `verb`? A plural noun before "is" or "makes" cannot ("banning Muslims is…"). */
export function agrees(subject: string, verb: string): boolean {
  if (!SINGULAR_VERBS.has(verb)) return true;
  return !(PLURAL_PERSONS.has(subject) || /[^s']s$/.test(subject));
}

/**
 * Is the match at words [first, last] linked to a person or group in the same clause, through
 * grammatical glue only? Leftwards a subject ("women [can be so] ignorant"); rightwards an
 * object, after determiners and up to two modifiers ("hate [all the] [gay] people"). A target
 * glued to the matched word counts too ("femalevermin", "hatewomen"), and so does a word that
 * carries a slur or an epithet (`anchors`: "those f*ggots should all die").
 */
export function linkedTarget(
  text: string,
  ws: readonly Word[],
  first: number,
  last: number,
  matchStart: number,
  matchEnd: number,
  direction: LinkDirection,
  isTarget: (w: string) => boolean,
  anchors?: ReadonlySet<number>,
): boolean {
  const host = ws[first];
  if (host && host.start < matchStart) {
    const glued = text.slice(host.start, matchStart);
    if (isTarget(glued) || SECOND_PERSON.has(glued)) return true;
  }
  const tail = ws[last];
  if (tail && tail.end > matchEnd && direction !== 'left') {
    const glued = text.slice(matchEnd, tail.end);
    if (isTarget(glued) || SECOND_PERSON.has(glued) || gluedPerson(glued, isTarget)) return true;
  }
  const memo = personWordsOf(isTarget);
  if (direction !== 'right') {
    for (let k = first - 1; k >= Math.max(0, first - LINK_WINDOW); k--) {
      if (clauseBreak(text, ws[k]!.end, ws[k + 1]!.start)) break;
      if (personAt(ws, k, isTarget, anchors, memo)) {
        if (!insidePrepositionalPhrase(text, ws, k, isTarget) && agrees(ws[k]!.text, ws[k + 1]!.text)) return true;
        break;
      }
      if (!LEFT_BRIDGE.has(ws[k]!.text)) break;
    }
  }
  if (direction !== 'left') {
    let modifiers = 0;
    for (let k = last + 1; k < Math.min(ws.length, last + 1 + LINK_WINDOW); k++) {
      if (clauseBreak(text, ws[k - 1]!.end, ws[k]!.start)) break;
      if (personAt(ws, k, isTarget, anchors, memo)) return true;
      const w = ws[k]!.text;
      if (modifiers === 0 && RIGHT_BRIDGE.has(w)) continue;
      if (NOT_MODIFIER.has(w) || PREPOSITIONS.has(w) || (w.endsWith('ing') && !RIGHT_BRIDGE.has(w)) || ++modifiers > 2) break;
    }
  }
  return false;
}

/** Plural copulas a predicate adjective follows: "voters supporting this bill [are] stupid". */
const PLURAL_COPULAS: ReadonlySet<string> = new Set(['are', 'were', 'remain', 'seem', 'look', 'become', 'stay']);
/** Words between such a copula and the adjective: "are [so] stupid", "are [all just] stupid". */
const COPULA_INTENSIFIERS: ReadonlySet<string> = new Set([
  'so', 'really', 'very', 'just', 'all', 'truly', 'totally', 'completely', 'utterly', 'incredibly', 'fucking', 'pretty',
  'quite', 'too', 'simply', 'clearly', 'obviously', 'always', 'still', 'both', 'equally', 'even', 'most', 'more',
]);
/** Words that open a phrase inside a subject: "voters [who] believe …", "senators [that] push …". */
const RELATIVES: ReadonlySet<string> = new Set(['who', 'that', 'which', 'whom', 'whose']);
/** Words ending in -ing that are no participle. */
const NOT_PARTICIPLE: ReadonlySet<string> = new Set([
  'thing', 'things', 'nothing', 'something', 'anything', 'everything', 'during', 'king', 'morning', 'evening', 'ring',
  'wing', 'string', 'spring', 'building', 'meeting', 'ceiling', 'bring', 'sing', 'sling', 'swing', 'sting', 'bling',
]);
/** How far left of the copula its subject is looked for. */
const SUBJECT_REACH = 6;

/** Does `w` open a phrase that modifies the noun before it: a relative, a participle, a preposition? */
const opensModifier = (w: string): boolean =>
  RELATIVES.has(w) || PREPOSITIONS.has(w) || (w.length >= 5 && w.endsWith('ing') && !NOT_PARTICIPLE.has(w));

/**
 * Is a predicate adjective ("stupid" in "… are stupid") said of a person the ±3-word window does not
 * reach? The subject of a plural copula is the noun its phrase opens with: the word before the first
 * relative, participle or preposition of the phrase ("voters [supporting this bill] are stupid",
 * "people [who wrote this bill] are stupid", "the people [behind this policy] are stupid"), or the
 * word before the copula when no such word is there. "Sanctions against Russia are stupid" is about
 * the sanctions. `isPerson(k)`: is ws[k] a person or a group? Within the clause, and only leftwards.
 */
export function pluralSubjectBefore(text: string, ws: readonly Word[], first: number, isPerson: (k: number) => boolean): boolean {
  let k = first - 1;
  while (k >= 0 && COPULA_INTENSIFIERS.has(ws[k]!.text)) k--;
  if (k < 1 || !PLURAL_COPULAS.has(ws[k]!.text) || clauseBreak(text, ws[k]!.end, ws[k + 1]!.start)) return false;
  const copula = k;
  // The phrase before the copula: back to a clause break, another verb or the reach.
  let start = copula;
  for (k = copula - 1; k >= Math.max(0, copula - SUBJECT_REACH); k--) {
    if (clauseBreak(text, ws[k]!.end, ws[k + 1]!.start)) break;
    const w = ws[k]!.text;
    if (PLURAL_COPULAS.has(w) || SINGULAR_VERBS.has(w)) break;
    start = k;
  }
  let subject = copula - 1;
  for (k = start; k < copula; k++) {
    if (opensModifier(ws[k]!.text)) {
      subject = k - 1;
      break;
    }
  }
  return subject >= start && isPerson(subject);
}

/** Copulas a name reaches its predicate through: "Putin [is] stupid", "Lavrov [was always] a liar". */
const NAME_COPULAS: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'seems', 'seemed', 'looks', 'looked', 'remains', 'becomes', 'became']);

/**
 * Nouns a name describes rather than names: "the Putin regime is ignorant", "stupid Trump
 * tariffs", "a crooked Clinton foundation". After a name one of them takes the insult off the person.
 */
const NAME_AS_MODIFIER: ReadonlySet<string> = new Set([
  'administration', 'administrations', 'regime', 'regimes', 'government', 'governments', 'campaign', 'campaigns', 'foundation',
  'era', 'years', 'policy', 'policies', 'plan', 'plans', 'tariff', 'tariffs', 'deal', 'deals', 'doctrine', 'presidency', 'team',
  'camp', 'rally', 'rallies', 'speech', 'speeches', 'cabinet', 'card', 'cards', 'tower', 'towers', 'style', 'economy', 'budget',
  'bill', 'order', 'orders', 'agenda', 'rule', 'rules', 'kremlin', 'white', 'house', 'state', 'machine', 'propaganda', 'county',
  'library', 'center', 'university', 'school', 'airport', 'statue', 'museum', 'road', 'street', 'bridge', 'law', 'laws', 'act',
]);

/**
 * Is the match said of a person named in `names`? Either right before the name ("lying Biden",
 * "stupid Putin strikes again") or after it, through a copula and glue only ("Putin is [so]
 * stupid", "Lavrov was always a liar"). Stricter than a person noun's ±3 words: a name is often
 * a possessive or describes a thing ("Trump's stupid tariffs", "the Putin regime is ignorant"),
 * and then the insult is about the thing. A possessive is not in `names` ("trump's"), so it is
 * never the person here. A `claim` is a group-derogation phrase, with the side it takes its
 * target from (`linkDirection`):
 * - 'right', an object verb: the name right after it ("fuck Putin", "death to Lavrov"), never
 *   one before ("Putin is fucking smart");
 * - 'left', a predicate: the name before it through any glue, copula or not ("Lavrov can go
 *   fuck himself", "Putin should be shot");
 * - 'both', a noun ("rats", "lice"): only through a copula ("Putin is a rat"), as "Trump rats
 *   out his friends" and a masked "gun nuts (l**e Harris)" read as "lice Harris" are not about him.
 */
export function namedTarget(text: string, ws: readonly Word[], first: number, last: number, names: ReadonlySet<string>, claim?: LinkDirection): boolean {
  if (names.size === 0) return false;
  const next = ws[last + 1];
  if ((claim === undefined || claim === 'right') && next !== undefined && names.has(next.text) && !clauseBreak(text, ws[last]!.end, next.start)) {
    const after = ws[last + 2];
    if (after === undefined || clauseBreak(text, next.end, after.start) || !NAME_AS_MODIFIER.has(after.text)) return true;
  }
  if (claim === 'right') return false;
  let copula = false;
  for (let k = first - 1; k >= Math.max(0, first - LINK_WINDOW); k--) {
    if (clauseBreak(text, ws[k]!.end, ws[k + 1]!.start)) return false;
    const w = ws[k]!.text;
    if (names.has(w)) return copula || claim === 'left';
    if (NAME_COPULAS.has(w)) copula = true;
    else if (!LEFT_BRIDGE.has(w)) return false;
  }
  return false;
}

const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nobody', 'noone', 'none', 'neither', 'nor', 'hardly', 'cannot', 'dont', 'doesnt', 'isnt', 'arent',
  'wasnt', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'didnt', 'aint', 'havent', 'hasnt', 'nowhere',
]);
/** A negator followed by these does not deny what follows: "not only", "no better than", "not gonna lie". */
const NOT_DENIAL: ReadonlySet<string> = new Set([
  'only', 'just', 'better', 'worse', 'more', 'less', 'different', 'wonder', 'doubt', 'question', 'surprise', 'offense',
  'offence', 'matter', 'gonna', 'going', 'lie', 'kidding', 'joking', 'exaggerating', 'surprised', 'ashamed', 'afraid',
  'sorry', 'mention', 'longer', 'exception', 'secret', 'one', 'single', 'seen', 'met', 'heard', 'known', 'encountered',
]);
/** Words that end the reach of a negation: a new clause or an embedded question ("I don't know why X are…"). */
const NEGATION_STOP: ReadonlySet<string> = new Set([
  'but', 'because', 'though', 'although', 'why', 'how', 'where', 'whether', 'if', 'unless', 'when', 'while',
]);
/** Verbs of saying and thinking carry a negation into the clause they report: "nobody [says] X are vermin". */
const REPORTING: ReadonlySet<string> = new Set([
  'say', 'says', 'said', 'saying', 'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'claim', 'claims',
  'claimed', 'claiming', 'suggest', 'suggests', 'suggested', 'agree', 'agrees', 'mean', 'meant', 'call', 'calls', 'called',
  'calling', 'consider', 'considers', 'accept', 'accepts', 'pretend', 'pretends', 'imply', 'implied', 'implying', 'argue',
  'argued', 'feel', 'feels', 'felt', 'find', 'finds', 'found', 'wrote', 'write', 'writes',
]);
/** Negators that deny the subject itself: "nobody", "no one", "not all". */
const SUBJECT_NEGATORS: ReadonlySet<string> = new Set(['nobody', 'noone', 'none', 'neither', 'no']);
const QUANTIFIER_AFTER_NOT: ReadonlySet<string> = new Set(['all', 'every', 'everyone', 'everybody', 'many', 'most', 'each']);

function isNegator(w: string): boolean {
  return NEGATORS.has(w) || w.endsWith("n't");
}

/**
 * Is the match denied within its clause? "I don't hate X", "nobody thinks X are vermin",
 * "I never said that X are scum", "X are not stupid". Rhetorical questions that open with a
 * negative ("Aren't X just vermin?") and the imperative "don't be" are not denials.
 */
export function negated(text: string, ws: readonly Word[], first: number): boolean {
  return negatorBefore(text, ws, first) >= 0;
}

/** Auxiliaries and adverbs between a negator and the copula it negates: "never [going to] be", "not [ever] be". */
const SAME_VERB: ReadonlySet<string> = new Set(['ever', 'going', 'to', 'gonna', 'really', 'truly', 'even', 'actually', 'be', 'been', 'any']);

/** Where the negator that denies the match sits (a word index), or -1: see `negated`. */
export function negatorBefore(text: string, ws: readonly Word[], first: number): number {
  // Once a copula lies between the negator and the match, the negator belongs to another
  // verb ("if you don't vaccinate you're a moron") unless that verb reports the clause.
  let predicate = false;
  let predicatorAt = -1;
  let reported = false;
  for (let k = first - 1; k >= Math.max(0, first - LINK_WINDOW); k--) {
    if (negationBreak(text, ws[k]!.end, ws[k + 1]!.start)) return -1;
    const w = ws[k]!.text;
    if (NEGATION_STOP.has(w)) return -1;
    if (REPORTING.has(w)) reported = true;
    if (!isNegator(w)) {
      if (PREDICATORS.has(w)) {
        predicate = true;
        predicatorAt = k;
      }
      continue;
    }
    const next = ws[k + 1]!.text;
    // "X can never be as smart": the negator denies the copula right after it, not another verb.
    const sameVerb = predicatorAt > k && (ws[predicatorAt]!.text === 'be' || ws[predicatorAt]!.text === 'been') && ws.slice(k + 1, predicatorAt).every((x) => SAME_VERB.has(x.text));
    if (predicate && !sameVerb && !reported && !SUBJECT_NEGATORS.has(w) && !(w === 'not' && QUANTIFIER_AFTER_NOT.has(next))) return -1;
    if (NOT_DENIAL.has(next)) continue;
    const clauseStart = k === 0 || negationBreak(text, ws[k - 1]!.end, ws[k]!.start);
    // The imperative "don't be an idiot" opens its clause; "X can never be as smart" is a denial.
    if ((w === "don't" || w === 'dont' || w === 'never') && next === 'be' && (clauseStart || !/^(?:can|could|will|would|should|shall|may|might|must|ever)$/.test(ws[k - 1]!.text))) continue;
    if ((w === "can't" || w === 'cant' || w === 'cannot' || w === "couldn't") && next === 'believe') continue;
    if (clauseStart && w !== 'no' && w !== 'not' && w !== 'never' && /^[^.!\n]*\?/.test(text.slice(ws[first]!.start))) return -1;
    return k;
  }
  return -1;
}

/** Copulas and verbs of naming: what follows them is said of someone ("X are [not] vermin", "you're not an idiot"). */
const PREDICATORS: ReadonlySet<string> = new Set([
  'are', 'is', 'am', 'was', 'were', 'be', 'been', 'being', "you're", 'youre', "they're", 'theyre', "he's", 'hes', "she's", 'shes',
  "i'm", 'im', "we're", "it's", "isn't", 'isnt', "aren't", 'arent', "wasn't", "weren't", "ain't", 'aint', 'seem', 'seems',
  'look', 'looks', 'sound', 'sounds', 'become', 'becomes', 'call', 'called', 'calling', 'calls', 'consider', 'considered',
]);
const PREDICATE_FILLERS: ReadonlySet<string> = new Set([
  'a', 'an', 'such', 'so', 'just', 'really', 'total', 'complete', 'absolute', 'utter', 'the', 'all', 'bunch', 'of', 'nothing',
  'but', 'too', 'very', 'even', 'real', 'actual', 'that', 'truly', 'simply', 'inherently', 'naturally', 'any', 'some', 'more',
  'most', 'less', 'them', 'us', 'him', 'her', 'people', 'you', 'lot', 'pack', 'kind', 'sort',
]);

/**
 * Is the match said of someone, after a copula or a verb of naming ("women are [not] scum",
 * "you're not an idiot", "nobody called them vermin")? Only there can a negation deny it: in
 * "don't listen to these clowns" the name-calling stands.
 */
export function predicative(ws: readonly Word[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    const w = ws[k]!.text;
    if (PREDICATORS.has(w)) return true;
    if (!PREDICATE_FILLERS.has(w) && !isNegator(w)) return false;
  }
  return false;
}

/**
 * Name-calling aimed at the speaker: "I was a total shithead back then", "I'm such an idiot",
 * "call me a moron", "we got to fuck off early". Not an insult: nobody else is attacked.
 */
const SELF_AIMED =
  /\b(?:i|i'm|im|i'd|i've|ive|me|myself|we|we're|we'd|we've)\s+(?:(?:am|was|were|are|been|being|be|feel|felt|look|looked|sound|sounded|acted|act|acting|like|such|a|an|the|total|complete|absolute|real|bit|of|little|big|huge|utter|proper|bloody|fucking|massive|so|really|just|kind|sort|got to|gotta|have to|had to|to|going|gonna|want|wanna|will|can|could|should|must|may|might|then|all|finally|always|never|usually|often|sometimes|did|do|ever|right|old|young|stupid|dumb|naive|silly|clueless|not|less|more|wish|quit|stop|bunch|have|has|had|need|truly)\s+){0,8}$/;

/** An apology or a confession names the speaker without "I": "sorry for being such a dickhead". */
const SELF_CONFESSED =
  /\b(?:sorry|apologies|apologise|apologize|apologising|apologizing|forgive me|me out|myself from|myself for)\s+(?:for\s+|from\s+)?(?:being|acting like|behaving like)\s+(?:(?:a|an|such|the|total|complete|real|massive|huge|bloody|fucking|little|bit|of|bunch)\s+){0,4}$/;

export function selfAimed(text: string, start: number, end = start): boolean {
  const before = text.slice(Math.max(0, start - 70), start);
  // "my dumbass self": the name stands for the speaker.
  if (/\bmy\s+$/.test(before) && /^\s+self\b/.test(text.slice(end, end + 8))) return true;
  return SELF_AIMED.test(before) || SELF_CONFESSED.test(before);
}

/**
 * Things a name-calling noun can describe instead of a person: "a dumbass idea", "a real dickhead
 * move". LABELS.md: criticism of an idea, a policy or an action is not an insult.
 */
const THING_NOUNS: ReadonlySet<string> = new Set([
  'idea', 'ideas', 'move', 'moves', 'plan', 'plans', 'policy', 'policies', 'decision', 'decisions', 'proposal', 'proposals',
  'mistake', 'mistakes', 'question', 'questions', 'example', 'examples', 'thing', 'things', 'take', 'takes', 'statement',
  'statements', 'argument', 'arguments', 'law', 'laws', 'bill', 'bills', 'rule', 'rules', 'tactic', 'tactics', 'strategy',
  // Places, texts and events a word describes: "people in dense cities", "a dense report", "a clown show".
  'article', 'articles', 'report', 'reports', 'city', 'cities', 'town', 'towns', 'suburb', 'suburbs', 'area', 'areas',
  'region', 'regions', 'neighborhood', 'neighborhoods', 'neighbourhood', 'neighbourhoods', 'forest', 'forests', 'fog',
  'smoke', 'traffic', 'show', 'shows', 'circus',
]);

/** Is the word right after [.., end) a thing the name describes ("dumbass idea")? */
export function describesThing(text: string, end: number): boolean {
  // /^\s+([a-z]+)/ over text.slice(end, end + 24), read in place: a regex over a slice built two
  // strings and a match array per insult, a tenth of a long text's garbage.
  const stop = Math.min(text.length, end + THING_REACH);
  let i = end;
  while (i < stop && isRegExpSpace(text.charCodeAt(i))) i++;
  if (i === end) return false;
  let j = i;
  while (j < stop && isLowerAscii(text.charCodeAt(j))) j++;
  return j > i && THING_NOUNS.has(text.slice(i, j));
}

const THING_REACH = 24;
