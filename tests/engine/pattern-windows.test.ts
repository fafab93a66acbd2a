import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import type { CompiledRules } from '../../src/engine/compiled.js';
import { patternHits } from '../../src/engine/match.js';
import { patternProblem } from '../../src/engine/safePattern.js';
import { normalize } from '../../src/normalize/normalize.js';
import { runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';
import { pack, rule } from '../support/packs.js';

/**
 * In a long text a gated pattern runs only near its gate strings (match.ts `windowsOf`). That
 * must find exactly what a global regex finds in the whole text: the same matches, none skipped,
 * none added at a window's edge (\b, lookarounds, ^ and $ read the text around a match).
 */

/** Every non-empty match of pattern k over the whole text, as rawHits reports them. */
function wholeText(text: string, rules: CompiledRules, k: number): Array<{ start: number; end: number; term: string }> {
  const { regex, rule } = rules.patterns[k]!;
  const re = new RegExp(regex.source, regex.flags);
  return [...text.matchAll(re)].filter((m) => m[0].length > 0).map((m) => ({ kind: 'pattern', rule, start: m.index, end: m.index + m[0].length, term: m[0] }));
}

/** Checks every pattern of `rules` on `text`; returns how many searched windows only. */
function sameAsWholeText(text: string, rules: CompiledRules): number {
  let windowed = 0;
  for (let k = 0; k < rules.patterns.length; k++) {
    const got = patternHits(text, rules, k);
    expect(got.hits, `/${rules.patterns[k]!.regex.source}/`).toEqual(wholeText(text, rules, k));
    if (got.windowed) windowed++;
  }
  return windowed;
}

type PackRule = { patterns?: string[]; examples: { match: string[]; nomatch?: string[] } };
const packRules = BUNDLED_PACKS.flatMap(({ pack: p }) => (p as { rules: PackRule[] }).rules);

describe('pattern windows, shipped patterns', () => {
  const rules = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });
  // Pattern examples (matches near each other and near the text's ends), fixture comments (long
  // stretches without), gate strings alone (windows with no match in them), line breaks and
  // astral characters (where a window may start inside a surrogate pair).
  const withPatterns = packRules.filter((r) => r.patterns !== undefined);
  const fragments = [
    ...withPatterns.flatMap((r) => [...r.examples.match, ...(r.examples.nomatch ?? [])]),
    ...fixtureTexts.slice(0, 400),
    ...rules.patternGate.strings,
    '\n',
    '\n\n',
    '😀',
    '. ',
  ];
  const longText = fc
    .tuple(fc.array(fc.constantFrom(...fragments), { minLength: 40, maxLength: 160 }), fc.constantFrom(' ', '\n', '', '😀'))
    .map(([parts, sep]) => normalize(parts.join(sep)).text);

  it('finds what a search of the whole text finds', () => {
    let windowed = 0;
    fc.assert(
      fc.property(longText, (text) => {
        windowed += sameAsWholeText(text, rules);
      }),
      runs(150),
    );
    expect(windowed).toBeGreaterThan(1000);
  });

  it('finds what a search of the whole text finds in the bench-like fixture comments joined', () => {
    const text = normalize(fixtureTexts.join('\n\n')).text;
    expect(sameAsWholeText(text, rules)).toBeGreaterThan(0);
  });
});

/**
 * Generated patterns in the syntax rule packs may use (bounded repeats, classes, assertions,
 * lookarounds, anchors, astral characters), over long texts of mostly filler with their pieces
 * here and there, so that windows are few and small and often at the edges of what they hold.
 */
const piece = fc.constantFrom(
  'a', 'b', 'ab', 'ba', 'abc', 'hate', 'you', ' ', '\\.', '\\$', 'é', '😀', '\\u{1F600}',
  '[ab]', '[^a]', '[a-c]', '\\d', '\\w', '\\s', '\\W', '.', '\\p{L}',
  '\\b', '\\B', '^', '$', '(?=a)', '(?!b)', '(?<=a)', '(?<!b)', '(?= a)', '(?!\\w)', '(^|\\n)',
);
const quantifier = fc.constantFrom('', '', '', '?', '{0,2}', '{1,3}', '{2}');
// A long repeat of one character, not of a group: "(?:a|ab){0,40}" would backtrack for ages.
const atom = fc.tuple(piece, fc.oneof(quantifier, fc.constant('{0,40}'))).map(([p, q]) => (/^[\^$]|^\\[bB]$|^\(\?/.test(p) ? p : p + q));
const group = fc
  .tuple(fc.array(fc.array(piece, { minLength: 1, maxLength: 3 }).map((xs) => xs.join('')), { minLength: 1, maxLength: 4 }), fc.constantFrom('(?:', '('), quantifier)
  .map(([branches, open, q]) => `${open}${branches.join('|')})${q}`);
const safePattern = fc
  .array(fc.oneof(atom, group), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.join(''))
  .filter((source) => patternProblem(source) === null);
const filler = fc.constantFrom('x', 'y z', 'zz ', 'xyz xyz ', 'q. ', 'w\n');
const spice = fc.constantFrom('a', 'b', 'ab', 'abc', 'hate', 'you', ' ', '.', '$', 'é', '😀', '1', '\n', 'hate you', 'a b');
const sparseText = fc
  .array(fc.oneof({ weight: 12, arbitrary: filler }, { weight: 1, arbitrary: spice }), { minLength: 300, maxLength: 700 })
  .map((parts) => parts.join(''));

/** The pattern compiled into rules of its own, or null when the packs would refuse it. */
function compiled(source: string): CompiledRules | null {
  try {
    return compileRules([{ pack: pack([rule({ id: 'test.generated', terms: undefined, patterns: [source] })]), file: 'generated.json' }]);
  } catch {
    return null; // a syntax error the reader did not catch (a quantified lookbehind, say)
  }
}

describe('pattern windows, generated patterns', () => {
  it('finds what a search of the whole text finds', () => {
    let windowed = 0;
    let checked = 0;
    fc.assert(
      fc.property(safePattern, fc.array(sparseText, { minLength: 1, maxLength: 3 }), (source, texts) => {
        const rules = compiled(source);
        if (rules === null) return;
        for (const text of texts) {
          if (text.length < 1024) continue;
          checked++;
          windowed += sameAsWholeText(text, rules);
        }
      }),
      runs(1000),
    );
    expect(checked).toBeGreaterThan(1000);
    expect(windowed).toBeGreaterThan(300);
  });
});

/**
 * In a text of any length, a pattern anchored at the text's start counts only gate strings that
 * end within its reach (PatternGate `until`), and one anchored at both ends is not run on a text
 * longer than its reach (`maxText`). Held to a search of the whole text on short texts that
 * often start with the patterns' pieces, so that anchored patterns do match.
 */
describe('the gate of anchored patterns', () => {
  const anchored = fc
    .tuple(fc.constantFrom('^', '^\\s{0,3}', '(?:^|\\n)', '^(?:', '^(', ''), safePattern, fc.constantFrom('', '$', '\\s{0,2}$', '(?:$|x)', ')$', ')'))
    .map(([head, body, tail]) => {
      const open = head.endsWith('(') || head.endsWith('(?:');
      const close = tail.startsWith(')');
      return open === close ? head + body + tail : (open ? head + body + ')' : head + body) + (close ? tail.slice(1) : tail);
    })
    .filter((source) => patternProblem(source) === null);
  const startText = fc
    .tuple(fc.array(spice, { maxLength: 6 }), fc.array(fc.oneof(filler, spice), { maxLength: 12 }))
    .map(([head, rest]) => head.join('') + rest.join(''));

  it('finds what a search of the whole text finds', () => {
    let limited = 0;
    let cut = 0;
    let found = 0;
    fc.assert(
      fc.property(anchored, fc.array(startText, { minLength: 1, maxLength: 4 }), (source, texts) => {
        const rules = compiled(source);
        if (rules === null) return;
        const p = rules.patterns[0]!;
        for (const text of texts) {
          sameAsWholeText(text, rules);
          found += wholeText(text, rules, 0).length;
          if (p.maxText !== undefined && text.length > p.maxText) limited++;
          if (rules.patternGate.until[0]! < text.length) cut++;
        }
      }),
      runs(1500),
    );
    // The shortcuts are taken, and anchored patterns are not only ever skipped.
    expect(limited).toBeGreaterThan(200);
    expect(cut).toBeGreaterThan(200);
    expect(found).toBeGreaterThan(200);
  });
});
