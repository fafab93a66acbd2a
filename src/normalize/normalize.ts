import { CONFUSABLES, SCRIPT_CONFUSABLES } from './confusables.js';
import { foldCached, isInvisible } from './fold.js';

/**
 * Text as the matcher sees it, with a map back to the original: normalised character `i`
 * came from `original.slice(starts[i], ends[i])`. Every span reported to users goes through
 * this map, so a match found in "r.e.t.a.r.d" or "ｒｅｔａｒｄ" still points at the original letters.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Leet digits and symbols, undone inside words that also hold letters ("5h1t", "f@ggot"). */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i',
};

/** Characters that stand for a hidden letter inside a word ("f**k", "f#ck"). */
const MASKS = new Set(['*', '#']);

/** What may sit between the letters of a spaced-out word: "r e t a r d", "r.e.t.a.r.d", "r-e-t". */
const SPACERS = new Set([' ', '\t', '.', '-', '_', '/', '|', '~', '+', ',', '·']);

const MIN_SPACED_LETTERS = 3;
const MAX_SPACER_RUN = 3;

export function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (c >= 'a' && c <= 'z') return true;
  const code = c.charCodeAt(0);
  // Non-ASCII letters (Cyrillic, CJK, ...) count as word characters so boundaries hold in any script.
  return code >= 0xc0 && /\p{L}/u.test(c);
}

export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && (isLetter(c) || (c >= '0' && c <= '9'));
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0';
}

/** Mutable working buffers; each stage reads one and writes the next. */
interface Buf {
  chars: string[];
  starts: number[];
  ends: number[];
}

function emptyBuf(capacity: number): Buf {
  const b: Buf = { chars: [], starts: [], ends: [] };
  void capacity;
  return b;
}

function push(b: Buf, c: string, s: number, e: number): void {
  b.chars.push(c);
  b.starts.push(s);
  b.ends.push(e);
}

/** Stage 1: drop invisibles, fold case, width, diacritics and Latin look-alikes, per code point. */
function fold(text: string): Buf {
  const out = emptyBuf(text.length);
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const c = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
      push(out, c, i, i + 1);
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      const folded = foldCached(cp, text.slice(i, i + width));
      for (let k = 0; k < folded.length; k++) push(out, folded[k]!, i, i + width);
    }
    i += width;
  }
  return out;
}

/** Positions [start, end) of whitespace-separated tokens. */
function tokens(chars: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && isSpace(chars[i])) i++;
    const start = i;
    while (i < chars.length && !isSpace(chars[i])) i++;
    if (i > start) spans.push([start, i]);
  }
  return spans;
}

function isLatinLetter(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z';
}

/**
 * Stage 2, per token: a token mixing Latin letters with Cyrillic/Greek look-alikes or leet
 * characters is evasion, so those are mapped to Latin letters. Tokens without Latin letters
 * are left alone: "2016", "$92" and a word written wholly in Cyrillic are not evasion.
 */
function unmaskScriptsAndLeet(b: Buf): void {
  const c = b.chars;
  for (const [start, end] of tokens(c)) {
    let latin = false;
    for (let i = start; i < end && !latin; i++) latin = isLatinLetter(c[i]);
    if (!latin) continue;
    // Look-alike letters and digits first, so the symbols below are judged against the
    // letters their neighbours really are ("b!1" is "bii", not "b!i").
    for (let i = start; i < end; i++) {
      const ch = c[i]!;
      const script = SCRIPT_CONFUSABLES.get(ch);
      if (script !== undefined) c[i] = script;
      else if (ch >= '0' && ch <= '9' && LEET[ch] !== undefined) c[i] = LEET[ch];
    }
    // "!", "$" and "@" end sentences, mark prices and mentions: only a letter right after
    // makes them letters ("sh!t", "$hit", "f@g"), or a letter before for "$" ("a$$").
    for (let i = end - 1; i >= start; i--) {
      const ch = c[i]!;
      if (ch !== '!' && ch !== '$' && ch !== '@') continue;
      if (isLatinLetter(c[i + 1]) || (ch === '$' && (isLatinLetter(c[i - 1]) || c[i - 1] === '$'))) c[i] = LEET[ch]!;
    }
    // A mask between letters hides a letter: keep it as "*" for the matcher's masked-word lookup.
    for (let i = start + 1; i < end - 1; i++) {
      if (MASKS.has(c[i]!) && isLatinLetter(c[i - 1]) && (isLatinLetter(c[i + 1]) || MASKS.has(c[i + 1]!))) c[i] = '*';
    }
  }
}

function isLetterLike(c: string | undefined): boolean {
  if (c === undefined) return false;
  return isLatinLetter(c) || (LEET[c] !== undefined && c !== '!' && c !== '$') || SCRIPT_CONFUSABLES.has(c);
}

/** A mask stands for a hidden letter, so "c**t" is one word, not a spaced-out "c" and "t". */
function isWordPart(c: string | undefined): boolean {
  return isLetterLike(c) || (c !== undefined && MASKS.has(c));
}

/**
 * Stage 3: join letters spaced out to dodge a filter ("r e t a r d", "D e m o n r a t s"):
 * three or more single letters in a row, each separated by at most three spacer characters,
 * lose the spacers between them. Two-letter runs ("U.S.") are left as they are.
 */
function joinSpacedLetters(b: Buf): Buf {
  const c = b.chars;
  const n = c.length;
  const drop = new Uint8Array(n);
  let any = false;
  let i = 0;
  while (i < n) {
    const isolated = (k: number) => isLetterLike(c[k]) && !isWordPart(c[k - 1]) && !isWordPart(c[k + 1]);
    if (!isolated(i)) {
      i++;
      continue;
    }
    const letters = [i];
    let k = i + 1;
    for (;;) {
      let j = k;
      while (j < n && j - k < MAX_SPACER_RUN && SPACERS.has(c[j]!)) j++;
      if (j === k || j >= n || !isolated(j)) break;
      letters.push(j);
      k = j + 1;
    }
    const hasLatin = letters.some((p) => isLatinLetter(c[p]));
    if (letters.length >= MIN_SPACED_LETTERS && hasLatin) {
      for (let p = 0; p + 1 < letters.length; p++) for (let q = letters[p]! + 1; q < letters[p + 1]!; q++) drop[q] = 1;
      any = true;
      i = letters[letters.length - 1]! + 1;
    } else {
      i = k;
    }
  }
  if (!any) return b;
  const out = emptyBuf(n);
  for (let p = 0; p < n; p++) if (!drop[p]) push(out, c[p]!, b.starts[p]!, b.ends[p]!);
  return out;
}

/**
 * Stage 4: squeeze runs of three or more of the same letter to one ("IDIOOOOT" → "idiot").
 * Runs of two stay, so "ass" and "as" remain different words.
 */
function squeezeRepeats(b: Buf): Buf {
  const c = b.chars;
  const n = c.length;
  let needed = false;
  for (let i = 2; i < n && !needed; i++) needed = c[i] === c[i - 1] && c[i] === c[i - 2] && isLetter(c[i]);
  if (!needed) return b;
  const out = emptyBuf(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && c[j] === c[i]) j++;
    if (j - i >= 3 && isLetter(c[i])) {
      push(out, c[i]!, b.starts[i]!, b.ends[j - 1]!);
    } else {
      for (let k = i; k < j; k++) push(out, c[k]!, b.starts[k]!, b.ends[k]!);
    }
    i = j;
  }
  return out;
}

const TYPOGRAPHIC = /[‘’‛′´“”„«»‐‑‒–—―−]/;
const TYPOGRAPHIC_ALL = /[‘’‛′´“”„«»‐‑‒–—―−]/g;

/** Anything that could make a later stage change the text: leet or masks next to a letter, three repeats, spaced letters. */
const NEEDS_WORK =
  /[^\x20-\x7e\n\r\t]|(?<!\S)(?=\S*[a-z])\S*[013457@$]|[a-z][$*#]|[!$@][a-z]|([a-z])\1\1|(?:^|[^a-z0-9@$*#])[a-z013457@][ \t.\-_/|~+,]{1,3}[a-z013457@][ \t.\-_/|~+,]{1,3}[a-z013457@](?![a-z0-9@$*#])/;

/**
 * Most comments are plain ASCII prose that no stage after case folding would change. For
 * those the normalised text is the lower-cased text and the offset map is the identity, built
 * without the per-character buffers of the full pipeline.
 */
function asciiFastPath(original: string): NormalizedText | null {
  let lower = original.toLowerCase();
  // Typographic quotes and dashes fold one-to-one to ASCII, so they keep the identity map.
  if (TYPOGRAPHIC.test(lower)) lower = lower.replace(TYPOGRAPHIC_ALL, (ch) => CONFUSABLES.get(ch) ?? ch);
  if (lower.length !== original.length || NEEDS_WORK.test(lower)) return null;
  const n = lower.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { original, text: lower, starts, ends };
}

/**
 * Normalises text for matching and keeps the offset map. Pure and idempotent:
 * `normalize(normalize(x).text).text === normalize(x).text`.
 */
export function normalize(original: string): NormalizedText {
  const fast = asciiFastPath(original);
  if (fast !== null) return fast;
  let text = original;
  let starts: Int32Array | undefined;
  let ends: Int32Array | undefined;
  // The stages feed each other (a squeeze can leave letters to join, a join can make a token
  // leet), so the pipeline runs until its output no longer changes: normalising normalised text
  // then changes nothing. Each extra pass composes its offset map with the one before.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const b = squeezeRepeats(unmaskAndJoin(fold(text)));
    const next = b.chars.join('');
    const s = Int32Array.from(b.starts);
    const e = Int32Array.from(b.ends);
    if (starts !== undefined && ends !== undefined) {
      for (let i = 0; i < s.length; i++) {
        s[i] = starts[s[i]!]!;
        e[i] = ends[e[i]! - 1]!;
      }
    }
    // Stable when nothing changed, or when the output is text the fast path would return as it
    // is (plain ASCII that no stage touches): another pass could not change it either.
    const stable = next === text || (next.length > 0 && !NEEDS_WORK.test(next) && next === next.toLowerCase() && !TYPOGRAPHIC.test(next));
    text = next;
    starts = s;
    ends = e;
    if (stable) break;
  }
  return { original, text, starts: starts!, ends: ends! };
}

const MAX_PASSES = 4;

function unmaskAndJoin(b: Buf): Buf {
  const joined = joinSpacedLetters(b);
  unmaskScriptsAndLeet(joined);
  return joined;
}

/** Maps a span of normalised text back to the original text. */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start]! : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}
