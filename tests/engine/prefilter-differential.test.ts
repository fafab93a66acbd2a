import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { candidateParts, gateLiterals, gateParts, requiredLiterals } from '../../src/engine/prefilter.js';
import { runs } from '../property/arbitraries.js';
import { referenceRequiredLiterals } from './prefilterReference.js';

/**
 * The prefilter reader was reworked for cold start (no Set per product, scores computed once,
 * unions grown in place). Its answer gates which patterns run, so it must not change at all:
 * the same sets, and the same choice between equally good sets. Compared here against the
 * reader as it was, on every shipped pattern and on generated ones.
 *
 * `gateLiterals` (the sets the pattern gate uses) may pick sharper sets than the old reader, so it
 * is held to what a gate must be instead: every match of the pattern holds one of its strings.
 */

const shipped = BUNDLED_PACKS.flatMap(({ pack }) => (pack as { rules: Array<{ patterns?: string[] }> }).rules.flatMap((r) => r.patterns ?? []));

/**
 * Regex sources in the syntax the reader knows and some it does not. Letters come from a tiny
 * alphabet and alternatives mix lengths ("a", "ab", "") so products collide and must be
 * deduplicated; long runs and wide alternations reach the MAX_SET and MAX_REQUIRED limits.
 */
const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string; seq: string; alt: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀', '\\b', '\\B', '\\d', '\\w', '\\s', '.', '^', '$', '\\.', '\\u00e9', '\\x41', '\\u{1F600}', '\\p{L}', '\\n', '\\0'),
    fc.constantFrom('[ab]', '[a-c]', '[^a]', '[a-z]', '[\\d]', '[a\\-b]', '[é😀]', '[a-h]', '[a-i]', '[\\p{L}a]', '[\\b]'),
    fc.constantFrom('hate', 'despise', 'idiot', 'really', 'you', 'to', 'ab', 'ba', 'aab'),
    fc.tuple(fc.constantFrom('(?:', '(', '(?=', '(?!', '(?<=', '(?<!', '(?<n>'), tie('alt')).map(([open, inner]) => `${open}${inner})`),
    tie('node').chain((n) => fc.constantFrom(`${n}?`, `${n}*`, `${n}+`, `${n}{0,2}`, `${n}{1}`, `${n}{1,1}`, `${n}{2}`, `${n}{1,3}`, `${n}{2,}`, `${n}??`, `${n}{1,2}?`)),
  ),
  seq: fc.array(tie('node'), { minLength: 0, maxLength: 8 }).map((xs) => xs.join('')),
  alt: fc.array(tie('seq'), { minLength: 1, maxLength: 5 }).map((xs) => xs.join('|')),
})).alt;

/** Alternations of many literal words of mixed length: the shape of the insult packs' patterns. */
const wordList = fc
  .array(fc.stringMatching(/^[a-d ]{0,12}$/), { minLength: 1, maxLength: 80 })
  .chain((words) => fc.constantFrom(`\\b(?:${words.join('|')})\\b`, `(?:i|we) (?:${words.join('|')})s?`, words.join('|'), `x(?:${words.join('|')})(?:${words.slice(0, 9).join('|')})y`));

/**
 * Sequences of small alternations over two letters ("(?:a|ab)(?:bc|c)"): their cross products
 * collide ("a" + "bc" = "ab" + "c"), so counting a run's strings needs them built, and a
 * miscounted run would be ranked wrongly against its neighbours.
 */
const colliding = fc
  .array(fc.uniqueArray(fc.stringMatching(/^[ab]{0,3}$/), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 7 })
  .map((groups) => groups.map((g) => (g.length === 1 ? g[0]! : `(?:${g.join('|')})`)).join(''));

describe('requiredLiterals against the reader it replaced', () => {
  it('gives the same set for every shipped pattern', () => {
    expect(shipped.length).toBeGreaterThan(50);
    for (const source of shipped) expect(requiredLiterals(source), source).toEqual(referenceRequiredLiterals(source));
  });

  it('gives the same set for generated patterns', () => {
    fc.assert(
      fc.property(pattern, (source) => {
        expect(requiredLiterals(source)).toEqual(referenceRequiredLiterals(source));
      }),
      runs(3000),
    );
  });

  it('gives the same set where products collide', () => {
    fc.assert(
      fc.property(colliding, (source) => {
        expect(requiredLiterals(source)).toEqual(referenceRequiredLiterals(source));
      }),
      runs(3000),
    );
  });

  it('gives the same set for long alternations of words', () => {
    fc.assert(
      fc.property(wordList, (source) => {
        expect(requiredLiterals(source)).toEqual(referenceRequiredLiterals(source));
      }),
      runs(500),
    );
  });
});

/** Text over the generated patterns' alphabet, so that they match often. */
const matchable = fc
  .array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀', '1', '.', '\n', 'hate', 'you', 'ab', 'ba', 'aab', 'really'), { maxLength: 40 })
  .map((parts) => parts.join(''));

/**
 * A repeat or an alternation of many strings followed by another ("(?:a|ab|cab)+(?:b|bc)"): the
 * gate joins the ends of one to the starts of the other, cutting them when the product is too big.
 */
const joined = fc
  .tuple(
    fc.uniqueArray(fc.stringMatching(/^[abc]{1,4}$/), { minLength: 1, maxLength: 14 }),
    fc.constantFrom('', '+', '{1,3}', '*', '?', '{2}'),
    fc.uniqueArray(fc.stringMatching(/^[abc ]{1,4}$/), { minLength: 1, maxLength: 14 }),
    fc.constantFrom('', '\\b', 'c+', '[ab]', '.'),
  )
  .map(([left, repeat, right, tail]) => `(?:${left.join('|')})${repeat}(?:${right.join('|')})${tail}`);

/** Checks every non-empty match of `source` in `texts` holds a string of each of `sets` (by default its gate strings); returns how many it checked. */
function gateHolds(source: string, texts: readonly string[], sets = [gateLiterals(source)]): number {
  if (sets.some((set) => set === undefined)) return 0;
  let re: RegExp;
  try {
    re = new RegExp(source, 'gu');
  } catch {
    return 0; // generated syntax the engine rejects (a repeated group name, a quantified assertion)
  }
  let checked = 0;
  for (const text of texts) {
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      checked++;
      for (const set of sets) expect(set!.some((s) => m[0].includes(s)), `/${source}/ on ${JSON.stringify(m[0])}: ${JSON.stringify(set)}`).toBe(true);
    }
  }
  return checked;
}

/**
 * `gateHolds` for every set `candidateParts` gives, after checking that `gateParts` chose its
 * sets among them; counts the matches checked against more than one.
 */
function partsHold(source: string, texts: readonly string[]): number {
  const all = candidateParts(source);
  const chosen = gateParts(source);
  if (all === undefined) expect(chosen, source).toBeUndefined();
  for (const set of chosen ?? []) expect(all, source).toContainEqual(set);
  if (all === undefined) return 0;
  const checked = gateHolds(source, texts, all);
  return all.length > 1 ? checked : 0;
}

/** Texts for `pattern`'s matches, and for `joined`'s (repeats and alternations over a, b, c and space). */
const matchables = fc.array(matchable, { minLength: 1, maxLength: 4 });
const abcTexts = fc.array(fc.stringMatching(/^[abc ]{0,30}$/), { minLength: 1, maxLength: 4 });

/** Runs `hold` on 3,000 generated (pattern, texts) pairs; how many of them it could check. */
function checkedOver(patterns: fc.Arbitrary<string>, texts: fc.Arbitrary<string[]>, hold: (source: string, texts: readonly string[]) => number): number {
  let checked = 0;
  fc.assert(
    fc.property(patterns, texts, (source, t) => {
      checked += hold(source, t);
    }),
    runs(3000),
  );
  return checked;
}

describe('gateLiterals', () => {
  it('agrees with requiredLiterals on whether a pattern can be gated at all', () => {
    for (const source of shipped) expect(gateLiterals(source) === undefined, source).toBe(requiredLiterals(source) === undefined);
  });

  it('holds a string of every match of generated patterns', () => {
    // Most generated patterns cannot be gated or do not compile (about 260 of 3,000 do both).
    expect(checkedOver(pattern, matchables, (source, texts) => gateHolds(source, texts))).toBeGreaterThan(150);
  });

  it('holds a string of every match where a repeat or alternation meets the next one', () => {
    expect(checkedOver(joined, abcTexts, (source, texts) => gateHolds(source, texts))).toBeGreaterThan(1000);
  });
});

describe('candidateParts and gateParts', () => {
  it('holds a string of each part in every match of generated patterns', () => {
    expect(checkedOver(pattern, matchables, partsHold)).toBeGreaterThan(40);
  });

  it('holds a string of each part in every match where repeats and alternations meet', () => {
    expect(checkedOver(joined, abcTexts, partsHold)).toBeGreaterThan(1000);
  });
});
