/**
 * The quotation check of context.ts as it was before it moved to indexOf over a slice (commit
 * e9679e2), kept verbatim as the reference tests/engine/mention-gates.test.ts compares
 * `enclosingQuote` against: a walk over every character, the line start found first.
 * Test-only; nothing in src/ imports it.
 */
import { unitClass } from '../../src/text/unicodeClass.js';

function isWordLike(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 0x80 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : unitClass(code) !== 0;
}

function lastNewlineWithin(text: string, start: number, reach: number): number {
  for (let i = start - 1; i >= 0 && i >= start - reach; i--) if (text.charCodeAt(i) === 10) return i;
  return -1;
}

function indexWithin(text: string, ch: string, from: number, reach: number): number {
  const code = ch.charCodeAt(0);
  for (let i = from; i < text.length && i <= from + reach; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

const QUOTE_REACH = 200;

export function referenceEnclosingQuote(text: string, start: number, end: number): { open: number; close: number } | null {
  const lineStart = lastNewlineWithin(text, start, QUOTE_REACH) + 1;
  let doubles = 0;
  let lastDouble = -1;
  for (let i = Math.max(lineStart, start - QUOTE_REACH); i < start; i++) {
    if (text[i] === '"') {
      doubles++;
      lastDouble = i;
    }
  }
  if (doubles % 2 === 1) {
    const close = indexWithin(text, '"', end, 160);
    if (close >= 0) return { open: lastDouble, close };
    return null;
  }
  const isOpen = (i: number) => text[i] === "'" && !isWordLike(text[i - 1]) && isWordLike(text[i + 1]);
  const isClose = (i: number) => text[i] === "'" && text[i - 1] !== undefined && text[i - 1] !== ' ' && !isWordLike(text[i + 1]);
  let open = -1;
  for (let i = start - 1; i >= Math.max(lineStart, start - 160); i--) {
    if (isOpen(i)) {
      open = i;
      break;
    }
    if (i < start - 1 && isClose(i)) return null;
  }
  if (open < 0) return null;
  for (let j = end; j < Math.min(text.length, end + 160) && text[j] !== '\n'; j++) if (isClose(j)) return { open, close: j };
  return null;
}
