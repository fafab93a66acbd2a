// Small text helpers shared by build.mjs and validate.mjs. No dependencies.

// Tokens that end with a period but do not end a sentence.
const ABBREVIATIONS = new Set([
  'U.S.', 'U.N.', 'U.K.', 'D.C.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'St.', 'Gov.', 'Sen.', 'Rep.', 'Gen.',
  'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'No.', 'vs.', 'e.g.', 'i.e.',
]);
// Whole tokens after which a dateline continues.
const NO_SPLIT_AFTER = new Set(['/TASS/.']);

const CLOSERS = '”"’)]';
const OPENERS = '“"‘(';

/**
 * Split one paragraph into sentences. The pieces are exact substrings of the
 * paragraph (only the whitespace between sentences is dropped).
 */
export function splitSentences(paragraph) {
  const out = [];
  let start = 0;
  const text = paragraph;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text[end])) end++;
    let next = end;
    while (next < text.length && /\s/.test(text[next])) next++;
    if (next === end || next >= text.length) continue; // no whitespace after, or end of text
    const nc = text[next];
    if (!(OPENERS.includes(nc) || /[A-Z0-9]/.test(nc))) continue;
    if (ch === '.') {
      const tokenStart = text.lastIndexOf(' ', i) + 1;
      const token = text.slice(tokenStart, i + 1).replace(/^[“"‘(]+/, '');
      if (NO_SPLIT_AFTER.has(token)) continue;
      // "U.S.", but also "Russia-U.S." and "U.S.-led"-style compounds ending in one.
      const last = token.split(/[-–]/).pop();
      if (ABBREVIATIONS.has(last)) continue;
      if (/^[A-Z]\.$/.test(token)) continue; // middle initial: "Donald J. Trump"
    }
    out.push([start, end]);
    start = next;
    i = next - 1;
  }
  out.push([start, text.length]);
  // A trailing attribution of one or two words ("Putin added.") stays with the
  // quote before it.
  const merged = [];
  for (const [s, e] of out) {
    const words = text.slice(s, e).trim().split(/\s+/).length;
    if (merged.length > 0 && words <= 2) merged[merged.length - 1][1] = e;
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => text.slice(s, e).trim()).filter((s) => s.length > 0);
}

/** The key used to detect the same text in two rows: lower-cased and trimmed. */
export function dupKey(text) {
  return text.toLowerCase().trim();
}

/** FNV-1a 32-bit: a stable, dependency-free hash for ordering rows. */
export function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * JSON.stringify, but invisible format characters (zero-width space, joiners,
 * word joiner, BOM, soft hyphen) are written as \uXXXX escapes so they can be
 * seen in the file. JSON.parse reads both forms identically.
 */
export function toJsonLine(value) {
  return JSON.stringify(value).replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, (c) =>
    '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}
