/**
 * The backtracking checks behind UNSAFE_PATTERN (src/engine/backtracking.ts): patterns that pass
 * the lexical policy (bounded repetition, no nesting) but still make a backtracking engine try
 * exponentially or polynomially many splits per position are refused, naming what to change;
 * the shipped patterns and ordinary ones pass. The refused shapes below were timed in V8 on a
 * 20,000-character line: `(?:a|aa){0,20}b` and `a{0,100}a{0,100}a{0,100}b` over 20 s, and
 * `a{0,100}a{0,100}b` 0.37 s, against a few ms for what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS, BUNDLED_PATTERNS } from '../../src/bundled/rules.js';
import { compileRules } from '../../src/engine/compile.js';
import { MAX_SPLITS, backtrackingProblem } from '../../src/engine/backtracking.js';
import { patternProblem } from '../../src/engine/safePattern.js';
import { pack, rule } from '../support/packs.js';
import { thrownDecorumError } from '../support/errors.js';

describe('backtracking checks', () => {
  it('pass every shipped pattern (which is why a moderator may skip them at load)', () => {
    const sources = BUNDLED_PACKS.flatMap(({ pack: p }) => (p as { rules: Array<{ patterns?: string[] }> }).rules.flatMap((r) => r.patterns ?? []));
    expect(sources.length).toBeGreaterThan(40);
    expect([...BUNDLED_PATTERNS].sort()).toEqual([...new Set(sources)].sort());
    for (const source of sources) expect(patternProblem(source), source).toBeNull();
  });

  it.each([
    // A repeated group whose branches can split the same text several ways: exponential.
    ['(?:a|aa){0,40}b', /can read the same text in more than one way/],
    ['(?:a|aa){0,3}', /can read the same text in more than one way/],
    ['(?:ab|a|b){0,10}c', /can read the same text in more than one way/],
    ['(?:[a-z]|x){0,5}', /can read the same text in more than one way/],
    ['(?:|a){0,5}', /can read the same text in more than one way/],
    ['(?:(?=x)a|a){0,4}', /can read the same text in more than one way/],
    // Variable-length parts that can hand characters to each other: their splits multiply.
    ['a{0,100}a{0,100}b', /can trade characters/],
    ['a{0,100}a{0,100}a{0,100}b', /can trade characters/],
    ['[a-z]{0,100}[a-z]{0,99}!', /can trade characters/],
    ['\\w{0,60}\\s{0,3}\\w{0,60}!', /can trade characters/],
    ['a{0,50}b?a{0,50}', /can trade characters/],
    ['[ab]{0,50}ab[ab]{0,50}!', /can trade characters/],
    ['(?:ab){0,50}(?:ab){0,50}c', /can trade characters/],
    ['(a{0,50}|b)a{0,50}c', /can trade characters/],
    ['(?=a{0,60}a{0,60}b)x', /can trade characters/],
    ['.{0,60}\\p{L}{0,60}x', /can trade characters/],
  ])('refuses %j', (source, why) => {
    expect(patternProblem(source)).toMatch(why);
  });

  it.each([
    '(?:a|ab){0,40}c', // one reading of any text: "a" and "ab" never split alike
    '(?:a|b){0,40}',
    '(?:abc|abd){0,40}',
    '(?:a|aa){0,2}b', // repeated twice at most: a handful of splits
    '[a-z]{0,60}[a-z]{0,24}!', // 61 x 25 splits, under MAX_SPLITS
    'a{0,50}ba{0,50}', // the "b" pins the split
    'x{0,40}(?:a|aa)',
    '\\d{1,6} pledges?(\\s{1,5}upvote|\\s{0,5}$)',
    '[^.!?\\n]{0,60}\\$ ?[0-9]{1,6}',
    '[]x{0,3}|[^]{0,3}',
    '\\p{L}{1,3}x\\u{1F600}{0,2}',
  ])('accepts %j', (source) => {
    expect(patternProblem(source)).toBeNull();
  });

  it(`counts splits against MAX_SPLITS (${MAX_SPLITS})`, () => {
    // Two trading repetitions of n + 1 lengths each split a stretch (n + 1)² ways.
    const side = Math.floor(Math.sqrt(MAX_SPLITS)) - 1;
    expect(backtrackingProblem(`a{0,${side}}a{0,${side}}b`)).toBeNull();
    expect(backtrackingProblem(`a{0,${side + 1}}a{0,${side + 1}}b`)).toMatch(/can trade characters/);
  });

  it('leaves what it cannot read to the lexical checks and the regex compiler', () => {
    expect(backtrackingProblem('a{2,')).toBeNull();
    expect(backtrackingProblem('(?<x>a)')).toBeNull();
  });

  it('refuses such a user pattern at load with UNSAFE_PATTERN, naming file, rule and position', () => {
    const err = thrownDecorumError(() =>
      compileRules([{ pack: pack([rule({ terms: undefined, patterns: ['x(?:a|aa){0,30}y'], examples: { match: ['xaay'] } })]), file: 'mine.json' }]),
    );
    expect(err.code).toBe('UNSAFE_PATTERN');
    expect(err.details).toMatchObject({ file: 'mine.json', ruleId: 'test.rule' });
    expect(err.message).toContain('at 1');
  });

  it('a vetted source skips the analysis but not the lexical checks', () => {
    const compile = (source: string, vetted: ReadonlySet<string>) => () =>
      compileRules([{ pack: pack([rule({ terms: undefined, patterns: [source], examples: { match: ['ab'] } })]), file: 'v.json' }], { vetted });
    expect(compile('a{0,100}a{0,100}b', new Set(['a{0,100}a{0,100}b']))).not.toThrow();
    expect(thrownDecorumError(compile('a{0,100}a{0,100}b', new Set())).code).toBe('UNSAFE_PATTERN');
    expect(thrownDecorumError(compile('a+b', new Set(['a+b']))).code).toBe('UNSAFE_PATTERN');
  });
});
