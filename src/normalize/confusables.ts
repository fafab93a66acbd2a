/**
 * Letters that look like Latin ones and are used to slip words past filters. NFKD already
 * folds fullwidth, mathematical and most accented letters; this table covers what it leaves:
 * Cyrillic and Greek look-alikes and a few IPA/Latin-extended letters seen in evasion.
 * Kept small and explicit so a reviewer can read every mapping.
 */
/**
 * Cyrillic and Greek look-alikes. Applied only inside a word that also holds Latin letters:
 * a word written wholly in Cyrillic is Russian, not evasion, and must stay as it is.
 */
const SCRIPT_PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ё', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'],
  ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'],
  ['ѕ', 's'], ['ԁ', 'd'], ['ɡ', 'g'], ['ԛ', 'q'], ['ԝ', 'w'], ['ь', 'b'], ['ӏ', 'l'], ['п', 'n'],
  ['г', 'r'], ['и', 'u'],
  // Greek
  ['α', 'a'], ['β', 'b'], ['γ', 'y'], ['δ', 'd'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'],
  ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'], ['ς', 's'],
  ['σ', 'o'], ['μ', 'u'], ['λ', 'l'],
];

/** Latin-extended and IPA look-alikes and punctuation variants: always folded. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Latin extended / IPA
  ['ʃ', 'f'], ['ƒ', 'f'], ['ƈ', 'c'], ['ɦ', 'h'], ['ı', 'i'], ['ł', 'l'], ['ø', 'o'], ['đ', 'd'],
  ['ħ', 'h'], ['ŧ', 't'], ['ɑ', 'a'], ['ɛ', 'e'], ['ɪ', 'i'], ['ʀ', 'r'], ['ʏ', 'y'], ['ɴ', 'n'],
  ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ғ', 'f'], ['ʜ', 'h'], ['ᴋ', 'k'],
  ['ʟ', 'l'], ['ᴍ', 'm'], ['ᴏ', 'o'], ['ᴘ', 'p'], ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'],
  ['ᴢ', 'z'], ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'], ['þ', 'th'],
  // Punctuation that means the same thing to a matcher
  ['‘', "'"], ['’', "'"], ['‛', "'"], ['′', "'"], ['`', "'"], ['´', "'"], ['“', '"'], ['”', '"'],
  ['„', '"'], ['«', '"'], ['»', '"'], ['‐', '-'], ['‑', '-'], ['‒', '-'], ['–', '-'], ['—', '-'],
  ['―', '-'], ['−', '-'],
];

export const CONFUSABLES: ReadonlyMap<string, string> = new Map(PAIRS);
export const SCRIPT_CONFUSABLES: ReadonlyMap<string, string> = new Map(SCRIPT_PAIRS);
