/**
 * Page extractor: splits a plain-text dump of a news page into its headline, article body,
 * reader comments and page furniture.
 *
 * Pages come from many sites, so nothing here names a site, a commenter or a headline. The
 * extractor works from structural cues only:
 *  - comments in "• Name says:" style are self-identifying, so they are parsed wherever they are;
 *  - otherwise comments are looked for only after a comment-widget marker ("Notify of",
 *    "N Comments", "Leave a Reply", ...): without a marker, prose is article, never a comment;
 *  - inside the comment section an author is a short name-shaped line followed by text, a gap of
 *    two or more blank lines without a name starts an anonymous comment, and the section ends
 *    at the first related headline, photo caption, copyright line or reply form.
 * Precision beats recall: when a line could be furniture, it is not emitted as a comment.
 */
import { DecorumError, expectString } from '../errors.js';

export interface ExtractedComment {
  doc: string;
  index: number;
  author: string | null;
  text: string;
}

export interface ExtractedPage {
  doc: string;
  title: string;
  article: string;
  comments: ExtractedComment[];
  furniture: string[];
}

/** A non-blank line of the page, with the layout facts the heuristics need. */
interface Row {
  /** Line trimmed of indentation and trailing space. */
  text: string;
  /** Leading whitespace width (tab = 4), to tell "says:" lines from their indented text. */
  indent: number;
  /** Number of blank lines right before this one: paragraph breaks vs. comment breaks. */
  gap: number;
}

/**
 * What a furniture line is, which decides what it does inside a comment section:
 * marker/meta/stray are skipped, form/nav are skipped until a comment has been seen and end the
 * section after, end/caption always end it.
 */
type Kind = 'marker' | 'meta' | 'stray' | 'form' | 'nav' | 'end' | 'caption';

interface DraftComment {
  author: string | null;
  rows: Row[];
}

// ---------------------------------------------------------------------------------------------
// Line patterns. Every pattern is anchored or bounded so that a long line cannot backtrack badly.
// ---------------------------------------------------------------------------------------------

const NUMBER_WORD = '(?:\\d[\\d,.]*k?|no|one|two|three|four|five|six|seven|eight|nine|ten)';
const SORT_WORD = '(?:newest|oldest|most voted|most liked|most popular|most recent|best|top|latest|popular)';

/** Comment-widget headers: they open a comment section. */
const MARKER_PATTERNS: readonly RegExp[] = [
  /^what do you think\s*\??$/i,
  new RegExp(`^${NUMBER_WORD}\\s+(?:pledges?|comments?|responses?|replies|reactions?|thoughts?)(?:\\s+(?:on|to)\\b.*)?$`, 'i'),
  /^(?:upvote|downvote)(?:\s+(?:upvote|downvote))*$/i,
  new RegExp(`^${SORT_WORD}(?:(?:\\s*[|·,]\\s*|\\s+)${SORT_WORD})+$`, 'i'),
  /^notify of\b.*$/i,
  /^(?:reader |user )?(?:comments|discussion|responses)(?:\s*[:(]?\s*\d+\s*\)?)?\s*:?$/i,
  /^(?:be the first to comment|no comments yet|comment on this (?:story|article|post))\b.{0,40}$/i,
  /^(?:powered by )?disqus\b.{0,40}$/i,
  /^(?:join|start) the (?:discussion|conversation)\s*[.!]?$/i,
  /^sort (?:by|comments by)\b.*$/i,
];

/** Per-comment widget bits (reply links, votes, timestamps): skipped wherever they are. */
const META_PATTERNS: readonly RegExp[] = [
  /^(?:reply|like|share|report|flag|edit|delete|permalink|quote|vote)(?:(?:\s*[|·•]\s*|\s+)(?:reply|like|share|report|flag|edit|delete|permalink|quote|vote))*$/i,
  /^(?:newest|oldest|most voted|most liked|most recent)$/i,
  /^(?:log ?in|sign in) to (?:reply|comment|vote)$/i,
  /^\d+\s+(?:inline feedbacks?|likes?|votes?|points?|replies|dislikes?)$/i,
  /^(?:inline feedbacks?|view all comments|load more comments|show more comments|older comments|newer comments|show more replies|view replies|hide replies|view results)$/i,
  /^(?:login|log in|sign in|sign up|register|subscribe|guest|member|advertisement|sponsored|ad)$/i,
  /^[+\-−]?\d[\d,]*$/,
  /^(?:about\s+)?(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$/i,
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?$/i,
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?)?$/i,
  /^(?:loading\s*(?:\.{1,3}|…)?\s*)+$/i,
];

/** The reply form. Before any comment it is just skipped; after comments it closes the section. */
const FORM_PATTERNS: readonly RegExp[] = [
  /^(?:leave|post|add|write) (?:a|your) (?:reply|comment)(?:\s+(?:to\s+.{1,80}|cancel reply))?\s*[.!]?$/i,
  /^cancel reply$/i,
  /^your email address will not be published\b.*$/i,
  /^required fields are marked\b.*$/i,
  /^(?:comment|name|email|e-mail|website|url)\s*\*?\s*:?$/i,
  /^save my name,? email\b.*$/i,
  /^(?:post|submit)(?: comment| reply)?$/i,
  /^please enter your (?:comment|name|email)\b.*$/i,
  /^you have entered an incorrect email\b.*$/i,
  /^notify me of (?:follow-up comments|new posts)\b.*$/i,
  /^this site uses akismet\b.*$/i,
  /^you must be logged in to (?:post a comment|comment)\b.*$/i,
  /^comments? (?:are|is) closed\b.*$/i,
];

/** Site navigation. Skipped before comments; after comments it means the page moved on. */
const NAV_PATTERNS: readonly RegExp[] = [
  /^(?:continue reading|read more|read full (?:story|article)|connect with us|all news|follow us\b.{0,40}|share this(?: article| story| post)?:?|newsletter|subscribe to our newsletter|sign up for our newsletter|back to top|skip to (?:main )?content)$/i,
];

/** An inline link to another story ("RELATED: ..."): furniture inside the article, an end after comments. */
const RELATED_LINK = /^(?:related|read more|see also|also read|more|watch|listen|recommended|trending|read next|up next)\s*:\s*\S.*$/i;

/** Lines that only come after the body: related-story blocks, copyright, disclosures. */
const END_PATTERNS: readonly RegExp[] = [
  /^(?:related(?: posts| articles| stories| news| content)?|you may also like|you might also like|more (?:from|stories|news|in|on)\b.{0,60}|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed|shared)|latest (?:news|stories|posts)|top stories|read next|up next|more stories|popular posts|recent posts)\s*:?$/i,
  /^(?:copyright\b|©|\(c\)\s*\d{4})/i,
  /©\s*(?:\d{4}|[A-Z])/,
  /\ball rights reserved\b/i,
  /\bcopyrighted material\b/i,
  /^(?:[A-Z][A-Z ]{0,40} )?DISCLOSURE\b/,
  /^(?:disclosure|disclaimer)\s*:/i,
  /^(?:tags?|categories|filed under|posted in)\s*:/i,
];

/** A cookie notice names cookies and one of the consent words around them. */
const COOKIE_WORD = /\bcookies?\b/i;
const COOKIE_CONTEXT = /\b(?:we use|uses|use of|accept|policy|consent|manage settings|privacy)\b/i;

/** News agencies whose "AGENCY/Photographer" credit marks a photo caption. */
const AGENCY =
  '(?:REUTERS|AFP|AP|AP PHOTO|EPA|EPA-EFE|GETTY IMAGES|Getty Images|XINHUA|SPUTNIK|TASS|ANADOLU|BLOOMBERG|UPI|PA|DPA|KYODO|YONHAP|AAP|ANSA|SIPA|ZUMA|NURPHOTO|POOL|KREMLIN)';
const CAPTION_PATTERNS: readonly RegExp[] = [
  /^(?:FILE PHOTO|PHOTO|PHOTOS|IMAGE|PICTURE|VIDEO|SCREENSHOT|ILLUSTRATION|CREDIT|PHOTO CREDIT|IMAGE CREDIT)\s*:/i,
  new RegExp(`\\b${AGENCY}\\s*/\\s*[A-Z][^/]{0,80}(?:/\\s*File(?: Photo)?)?\\s*\\)?\\s*$`),
  new RegExp(`^\\(?\\s*${AGENCY}\\s*\\)?\\s*$`),
  /\((?:AP|AFP)? ?Photo\b[^)]{0,80}\)\s*$/i,
  /^(?:illustration|photo|image|picture|screenshot)s?\s+(?:of|from|by|shows?)\b.*$/i,
  /\|\s*featured\s*$/i,
];

/** Article-only furniture: polls, calls to comment, bylines and credits. Never checked in comments. */
const ARTICLE_ONLY_PATTERNS: readonly RegExp[] = [
  /^do you (?:agree|think|support|believe|approve|want)\b.*\?$/i,
  /^(?:yes|no|not sure|undecided|maybe)$/i,
  /\b(?:let us know what you think|share your (?:comments|thoughts|views|opinion)|tell us what you think|leave (?:a|your) comments? below|sound off (?:in|below))\b/i,
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|edited) by\b.{0,200}$/i,
  /^[Bb]y\s+\p{Lu}[^.!?]{0,60}$/u,
];

/** "• Name says:" with an optional timestamp after the colon. */
const SAYS_LINE = /^(?:([•·●◦▪*–-])\s*)?(\S(?:.{0,58}\S)?)\s+says\s*:\s*(.{0,60})$/;

/** Short replies that look like names ("Agreed") but are comments; never read them as authors. */
const NOT_NAMES = new Set([
  'agreed', 'exactly', 'true', 'so true', 'very true', 'well said', 'amen', 'lol', 'yes', 'no', 'nope',
  'yep', 'indeed', 'thanks', 'thank you', 'bingo', 'correct', 'absolutely', 'wow', 'sad', 'first',
  'same', 'this', 'ditto', 'nonsense', 'rubbish', 'fake news', 'me too', 'haha', 'lmao', 'ok', 'okay',
]);

/** Words a Title Case headline leaves lower-case. */
const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with',
  'from', 'as', 'vs', 'vs.', 'via', 'into', 'over', 'per', 'up', 'off', 'out', 'than', 'amid',
]);

// ---------------------------------------------------------------------------------------------
// Line classifiers
// ---------------------------------------------------------------------------------------------

const anyMatch = (patterns: readonly RegExp[], text: string): boolean => patterns.some((p) => p.test(text));

/** A caption: "FILE PHOTO: ...", a trailing "REUTERS/Name" credit, "Illustration of ... | featured". */
function isCaption(text: string): boolean {
  return anyMatch(CAPTION_PATTERNS, text);
}

function isCookieNotice(text: string): boolean {
  return COOKIE_WORD.test(text) && COOKIE_CONTEXT.test(text);
}

/** A lone letter or a line of only punctuation/symbols: scraping debris. */
function isStray(text: string): boolean {
  return [...text].length === 1 || /^[\p{P}\p{S}\s]+$/u.test(text);
}

/** What kind of furniture a line is, or null when it may be content. */
function classify(text: string): Kind | null {
  if (isStray(text)) return 'stray';
  if (anyMatch(META_PATTERNS, text)) return 'meta';
  if (anyMatch(MARKER_PATTERNS, text)) return 'marker';
  if (anyMatch(FORM_PATTERNS, text)) return 'form';
  if (anyMatch(NAV_PATTERNS, text)) return 'nav';
  if (RELATED_LINK.test(text) || anyMatch(END_PATTERNS, text) || isCookieNotice(text)) return 'end';
  if (isCaption(text)) return 'caption';
  return null;
}

/** Furniture that opens a comment section (the widget header or the reply form). */
function isSectionStart(kind: Kind | null): boolean {
  return kind === 'marker' || kind === 'form';
}

/** Furniture that, once comments have been read, means the comment section is over. */
function endsSection(kind: Kind, seenComment: boolean): boolean {
  if (kind === 'end' || kind === 'caption') return true;
  return seenComment && (kind === 'form' || kind === 'nav');
}

/**
 * `text` without the characters `strip` accepts at either end. A loop, not a `[...]+$` regex:
 * that regex is quadratic on a long run of such characters in the middle of a line.
 */
function stripEdges(text: string, strip: (ch: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && strip(text.charAt(start))) start++;
  while (end > start && strip(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Words of a line without their surrounding quotes/brackets, keeping only those with letters. */
function letterWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => stripEdges(w, (ch) => ch !== '.' && !WORD_CHAR.test(ch)).replace(/^\.+/, ''))
    .filter((w) => /\p{L}/u.test(w));
}

/**
 * A commenter name: 1–4 words, at most 40 characters, no sentence punctuation (periods only in
 * initials such as "J.R." or titles such as "Dr."), and not a stock short reply.
 */
function isNameShaped(text: string): boolean {
  if (text.length > 40 || NOT_NAMES.has(text.toLowerCase())) return false;
  if (/[!?,;:"“”‘’«»()[\]{}…]/.test(text.replace(/(?<=\p{L})['’](?=\p{L})/gu, ''))) return false;
  const words = text.split(/\s+/);
  if (words.length < 1 || words.length > 4) return false;
  return words.every((w) => /[\p{L}\p{N}]/u.test(w) && (!w.includes('.') || /^(?:(?:\p{L}\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|Jr\.|Sr\.|St\.)$/u.test(w)));
}

/** True when the line ends like a sentence (or a quoted sentence) rather than like a title. */
function endsLikeSentence(text: string): boolean {
  if (/(?:^|\s)(?:\p{Lu}\.){2,}$/u.test(text)) return false; // "... in the U.S." is an abbreviation
  return /[.!,;:…]["”’')\]]*$/u.test(text);
}

/**
 * A related-article headline: four or more words, Title Case, no closing period. A headline
 * ending in "?" must be fully capitalised and longer, because short questions are often comments.
 */
function isHeadlineShaped(text: string): boolean {
  if (endsLikeSentence(text)) return false;
  const words = letterWords(text);
  const question = text.endsWith('?');
  if (words.length < (question ? 5 : 4)) return false;
  const first = words[0];
  if (first === undefined || !/^\p{Lu}/u.test(first)) return false;
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (significant.length < 3) return false;
  const capitalised = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised / significant.length >= (question ? 1 : 0.8);
}

/** An article paragraph (not a headline or a label): long and ending like a sentence. */
function isBodyParagraph(text: string): boolean {
  return text.split(/\s+/).length >= 12 && /[.!?]["”’')\]]*$/u.test(text);
}

interface SaysLine {
  author: string;
}

/**
 * "• Name says:" (the bullet may be missing when the text below is indented deeper).
 * A trailing part after the colon is accepted only when it is a timestamp.
 */
function parseSaysLine(rows: readonly Row[], i: number): SaysLine | null {
  const row = rows[i];
  if (row === undefined) return null;
  const m = SAYS_LINE.exec(row.text);
  if (m === null) return null;
  const [, bullet, name = '', rest = ''] = m;
  if (rest !== '' && classify(rest) !== 'meta') return null;
  if (name.split(/\s+/).length > 6 || /[.!?]$/.test(name)) return null;
  if (bullet !== undefined) return { author: name };
  const next = rows[i + 1];
  return next !== undefined && next.indent > row.indent ? { author: name } : null;
}

// ---------------------------------------------------------------------------------------------
// Page layout
// ---------------------------------------------------------------------------------------------

/** Normalise line endings and drop a BOM, so "\r\n" pages read like "\n" pages. */
function normalise(page: string): string {
  return page.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/** Whitespace, NBSP and zero-width space: what pages pad lines with. */
const isSpace = (ch: string): boolean => ch === '\u200B' || ch.trim() === '';

function indentWidth(line: string): number {
  const lead = /^[ \t\u00A0]*/.exec(line)?.[0] ?? '';
  let width = 0;
  for (const ch of lead) width += ch === '\t' ? 4 : 1;
  return width;
}

/** Non-blank lines with their indentation and the number of blank lines before each. */
function toRows(page: string): Row[] {
  const rows: Row[] = [];
  let gap = 0;
  for (const line of normalise(page).split('\n')) {
    const text = stripEdges(line, isSpace);
    if (text === '') {
      gap += 1;
      continue;
    }
    rows.push({ text, indent: indentWidth(line), gap });
    gap = 0;
  }
  return rows;
}

/**
 * The headline: the first content line of three or more words before the first body paragraph
 * (shorter lines there are breadcrumbs such as "US-Russia Relations"); failing that, the first
 * content line before the body. Returns -1 when the page opens with its body.
 */
function findTitle(rows: readonly Row[]): number {
  let firstCandidate = -1;
  for (let i = 0; i < rows.length; i++) {
    const text = rows[i]?.text ?? '';
    if (isBodyParagraph(text)) break;
    if (classify(text) !== null || anyMatch(ARTICLE_ONLY_PATTERNS, text)) continue;
    if (text.split(/\s+/).length >= 3) return i;
    if (firstCandidate < 0) firstCandidate = i;
  }
  return firstCandidate;
}

/** Rows joined back into text: a row per line, its blank lines before it kept. */
function joinRows(rows: readonly Row[]): string {
  return rows.map((row, k) => (k === 0 ? '' : '\n'.repeat(row.gap + 1)) + row.text).join('');
}

// ---------------------------------------------------------------------------------------------
// Comment parsers
// ---------------------------------------------------------------------------------------------

/**
 * Style 2: "• Name says:" then the text, usually indented deeper. The text ends at the next
 * "says:" line, at furniture, at a line back at the "says:" indentation, or at a headline.
 */
function parseSaysStyle(rows: readonly Row[], from: number, used: Set<number>): DraftComment[] {
  const out: DraftComment[] = [];
  let cur: (DraftComment & { sayIndent: number; textIndent: number }) | null = null;
  const close = (): void => {
    if (cur !== null && cur.rows.length > 0) out.push({ author: cur.author, rows: cur.rows });
    cur = null;
  };
  for (let i = from; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) break;
    const says = parseSaysLine(rows, i);
    if (says !== null) {
      close();
      cur = { author: says.author, rows: [], sayIndent: row.indent, textIndent: row.indent };
      used.add(i);
      continue;
    }
    if (cur === null) continue;
    const kind = classify(row.text);
    if (kind !== null) {
      // A timestamp between the name and the text is part of the header, not the end of it.
      if (kind === 'meta' && cur.rows.length === 0) continue;
      close();
      continue;
    }
    if (cur.rows.length === 0) {
      cur.textIndent = row.indent;
    } else if (cur.textIndent > cur.sayIndent) {
      // Indented text: a line back at the bullet's indentation means the page has moved on.
      if (row.indent <= cur.sayIndent) {
        close();
        continue;
      }
    } else if (row.gap > 0 && isHeadlineShaped(row.text)) {
      close(); // unindented text has only the headline shape to tell where it stops
      continue;
    }
    cur.rows.push(row);
    used.add(i);
  }
  close();
  return out;
}

/** Index of the next row after `i` that is not per-comment meta (timestamps, "Guest"). */
function nextContent(rows: readonly Row[], i: number): number {
  let j = i + 1;
  while (j < rows.length && classify(rows[j]?.text ?? '') === 'meta') j++;
  return j;
}

/**
 * A name-shaped line is an author only when comment text follows it (after an optional repeat
 * of the name and timestamps). Text means: not furniture, not a caption, not another headline.
 */
function isAuthorLine(rows: readonly Row[], i: number): boolean {
  const name = rows[i]?.text ?? '';
  if (!isNameShaped(name)) return false;
  let j = nextContent(rows, i);
  if (rows[j]?.text === name) j = nextContent(rows, j);
  const next = rows[j];
  if (next === undefined) return false;
  if (classify(next.text) !== null || parseSaysLine(rows, j) !== null) return false;
  // Two Title Case lines in a row are a list of related headlines, not a name and its comment;
  // a short name followed by a Title Case slogan ("Make America Great Again") is still a comment.
  return !(isHeadlineShaped(name) && isHeadlineShaped(next.text));
}

/**
 * A headline after the comments: Title Case, or an unpunctuated line sitting right above a caption
 * or another headline (sentence-case headlines come in such runs).
 */
function isTrailingHeadline(rows: readonly Row[], i: number): boolean {
  const text = rows[i]?.text ?? '';
  if (isHeadlineShaped(text)) return true;
  const next = rows[i + 1];
  if (next === undefined || /[.!?…]["”’')\]]*$/u.test(text)) return false;
  return isCaption(next.text) || isHeadlineShaped(next.text);
}

/**
 * Style 1: author line(s) then text, after a widget marker. A gap of one blank line continues the
 * current comment (a new paragraph); two or more blank lines with no name start an anonymous one.
 */
function parseAuthorStyle(rows: readonly Row[], from: number, used: Set<number>): DraftComment[] {
  const out: DraftComment[] = [];
  let cur: DraftComment | null = null;
  let pendingAuthor: string | null = null;
  const close = (): void => {
    if (cur !== null) out.push(cur);
    cur = null;
  };
  for (let i = from; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) break;
    const kind = classify(row.text);
    if (kind !== null) {
      if (endsSection(kind, out.length > 0 || cur !== null)) break;
      // Widget bits between comments (votes, "Reply") separate comments, except a timestamp
      // under a name, which still belongs to that name's header.
      if (pendingAuthor === null) close();
      continue;
    }
    if (pendingAuthor !== null) {
      used.add(i);
      if (row.text === pendingAuthor) continue; // the name printed twice
      cur = { author: pendingAuthor, rows: [row] };
      pendingAuthor = null;
      continue;
    }
    if (cur !== null && row.gap === 0) {
      cur.rows.push(row);
      used.add(i);
      continue;
    }
    if (isAuthorLine(rows, i)) {
      close();
      pendingAuthor = row.text;
      used.add(i);
      continue;
    }
    if (isTrailingHeadline(rows, i)) break;
    used.add(i);
    if (cur !== null && row.gap === 1) {
      cur.rows.push(row);
      continue;
    }
    close();
    cur = { author: null, rows: [row] };
  }
  close();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/** First row at or after `from` matching `test`, or rows.length. */
function findRow(rows: readonly Row[], from: number, test: (i: number) => boolean): number {
  for (let i = from; i < rows.length; i++) if (test(i)) return i;
  return rows.length;
}

/** Copyright, cookie notice, reply form or related-stories block: nothing after it is article. */
function closesArticle(text: string, kind: Kind | null): boolean {
  if (kind === 'form') return true;
  return kind === 'end' && !RELATED_LINK.test(text);
}

/**
 * Article paragraphs between the title and the comments, minus furniture. A copyright line,
 * cookie notice or reply form after the body closes the article even when no comments follow.
 */
function collectArticle(rows: readonly Row[], from: number, to: number, used: Set<number>): string {
  const paragraphs: string[][] = [];
  let broken = true;
  for (let i = from; i < to; i++) {
    const row = rows[i];
    if (row === undefined) break;
    const kind = classify(row.text);
    if (paragraphs.length > 0 && closesArticle(row.text, kind)) break;
    if (kind !== null || anyMatch(ARTICLE_ONLY_PATTERNS, row.text)) {
      broken = true;
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    if (!broken && row.gap === 0 && last !== undefined) last.push(row.text);
    else paragraphs.push([row.text]);
    broken = false;
    used.add(i);
  }
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}

/**
 * Split a plain-text page dump into title, article, comments and furniture.
 * Never throws for a string; throws DecorumError('INVALID_INPUT') for anything else.
 */
export function extractPage(page: string, doc: string): ExtractedPage {
  expectString(page, 'extractPage(page, doc)', 'page');
  if (doc !== undefined && typeof doc !== 'string') {
    throw new DecorumError('INVALID_INPUT', `extractPage: doc must be a string (the page file name), got ${typeof doc}`, { field: 'doc' });
  }
  const docName = doc ?? '';
  const rows = toRows(page);
  const used = new Set<number>();

  const titleAt = findTitle(rows);
  const title = titleAt >= 0 ? (rows[titleAt]?.text ?? '') : '';
  if (titleAt >= 0) used.add(titleAt);
  const bodyFrom = titleAt + 1;

  const firstSays = findRow(rows, bodyFrom, (i) => parseSaysLine(rows, i) !== null);
  // A comment count printed under the byline ("12 Comments") is not where the comments are:
  // the section can only open once the article body has started.
  const firstBody = findRow(rows, bodyFrom, (i) => isBodyParagraph(rows[i]?.text ?? ''));
  const markerFrom = firstBody < rows.length ? firstBody : bodyFrom;
  const firstMarker = findRow(rows, markerFrom, (i) => isSectionStart(classify(rows[i]?.text ?? '')));
  const articleEnd = Math.min(firstSays, firstMarker);

  const article = collectArticle(rows, bodyFrom, articleEnd, used);
  const drafts =
    firstSays < rows.length
      ? parseSaysStyle(rows, firstSays, used)
      : firstMarker < rows.length
        ? parseAuthorStyle(rows, firstMarker + 1, used)
        : [];

  const comments = drafts.map((d, index) => ({ doc: docName, index, author: d.author, text: joinRows(d.rows) }));
  const furniture = [...new Set(rows.filter((_, i) => !used.has(i)).map((r) => r.text))];
  return { doc: docName, title, article, comments, furniture };
}
