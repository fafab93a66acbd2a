/**
 * Context judgements around a match: is an adjective or a profanity aimed at someone, and is
 * a slur or epithet merely mentioned to condemn it (counter-speech)? Both work on the
 * normalised text, with small fixed windows, so they cost O(1) per match.
 */

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

export function words(text: string): Word[] {
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

const MENTION_BEFORE = new RegExp(
  [
    String.raw`\b(?:the|that|this|a)\s+(?:word|term|slur|label|epithet|insult|name)s?(?:\s+(?:of|for))?`,
    String.raw`\b(?:word|term|slur|name|epithet)s?\s+like`,
    String.raw`\bcall(?:ing|ed|s)?\s+(?:\w+\s+){0,2}?(?:people|someone|somebody|them|him|her|others|anyone|everyone|us|me|women|men|folks|kids|voters)`,
    String.raw`\b(?:stop|quit|don't|dont|never|not|no more|avoid|ban|banning)\s+(?:saying|using|say|use|calling|call)`,
    String.raw`\b(?:using|saying|said|says|say|use|used|write|writing|wrote|typed)`,
  ]
    // Grouped, so the end anchor binds every alternative: the cue must come right before the match.
    .map((cue) => `(?:${cue})`)
    .join('|')
    .replace(/^/, '(?:')
    .concat(String.raw`)\s*["']?\s*$`),
);

const MENTION_AFTER =
  /^s?["']?\s*(?:is|are|was|were|isn't|is not|remains)\s+(?:a\s+|an\s+|just\s+|still\s+|so\s+|never\s+|not\s+)*(?:slur|hateful|offensive|unacceptable|disgusting|vile|bigoted|racist|dehumanizing|dehumanising|ok|okay|acceptable|fine|cool|hate speech)|^s?["']?\s*(?:says|say|said|shows|tells)\s+more\s+about/;

const QUOTES = new Set(['"', "'"]);

/**
 * True when the match is named to condemn it rather than used as an attack: quoted
 * ('the word "X"'), introduced as a word ("calling people X", "stop saying X"), or judged
 * right after ("X is a slur", "X says more about you").
 */
export function isMention(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  const quoted = QUOTES.has(text[start - 1] ?? '') && /^[a-z]{0,2}["']/.test(after);
  if (quoted) return true;
  if (MENTION_BEFORE.test(before)) return true;
  return MENTION_AFTER.test(after.replace(/^[a-z]{0,2}(?=\W|$)/, ''));
}
