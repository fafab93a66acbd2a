import { CONFUSABLES } from './confusables.js';

/**
 * Characters removed outright: zero-width spaces and joiners, word joiner, BOM, soft hyphen,
 * variation selectors. They are invisible, so anything placed between letters is evasion.
 */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

const COMBINING = /\p{M}/gu;

/**
 * Folds one non-ASCII code point to what a matcher should see: NFKD (fullwidth, math
 * alphanumerics, ligatures, superscripts), combining marks dropped (diacritics), lower case,
 * then the confusables table. The result may be empty or several characters long.
 * Memoised per code point by the caller's cache, because comments repeat the same few letters.
 */
export function foldCodePoint(ch: string): string {
  const direct = CONFUSABLES.get(ch) ?? CONFUSABLES.get(ch.toLowerCase());
  if (direct !== undefined) return direct;
  const decomposed = ch.normalize('NFKD').replace(COMBINING, '').toLowerCase();
  let out = '';
  for (const c of decomposed) out += CONFUSABLES.get(c) ?? c;
  return out;
}

/** A bounded cache: a hostile input can hold every code point, and a cache must not grow without end. */
const cache = new Map<number, string>();
const CACHE_LIMIT = 4096;

export function foldCached(cp: number, ch: string): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const folded = foldCodePoint(ch);
  if (cache.size < CACHE_LIMIT) cache.set(cp, folded);
  return folded;
}
