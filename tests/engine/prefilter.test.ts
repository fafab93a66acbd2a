import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import type { CompiledRules } from '../../src/engine/compiled.js';
import { findMatches, rawHits } from '../../src/engine/match.js';
import { gateLiterals, gateParts, readPattern, requiredLiterals } from '../../src/engine/prefilter.js';

const readGate = (source: string) => readPattern(source).gate;
const textLimit = (source: string) => readPattern(source).maxText;
import { normalize } from '../../src/normalize/normalize.js';
import { fixtureTexts } from '../support/corpus.js';

const corpus = fixtureTexts;

type PackRule = { id: string; patterns?: string[]; examples: { match: string[]; nomatch?: string[] } };
const packRules = BUNDLED_PACKS.flatMap(({ pack }) => (pack as { rules: PackRule[] }).rules);
const examples = packRules.flatMap((r) => [...r.examples.match, ...(r.examples.nomatch ?? [])]);

describe('requiredLiterals', () => {
  it.each([
    ['https?://', ['http://', 'https://']],
    ['\\b(?:i|we) (?:hate|despise)\\b', [' despise', ' hate']],
    ['a(b|c)d', ['abd', 'acd']],
    ['[ab]c', ['ac', 'bc']],
    ['x[^a]', ['x']],
    ['(?<=ab)cd', ['cd']],
    ['(?!ab)cd', ['cd']],
    ['ab?c', ['abc', 'ac']],
    ['\\u00a9 ?\\d{4}', ['©']],
    ['\\bw{1,3}\\.', ['w']],
    ['a(?:bc){2}', ['bc']],
    ['\\$ ?[0-9]', ['$']],
    ['(first|frist|ist)', ['first', 'ist']],
    ['( ?off| you| yourself)\\b', [' you', 'off']],
    ['(?<name>abc)d', ['abcd']],
    ['\\(reporting by\\b', ['(reporting by']],
  ])('requiredLiterals(%j) = %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  it.each([
    'foo|bar|', // an empty branch matches anything
    'a?', // may match nothing
    'x*y*',
    '[a-z]{2}', // a wide class
    '.{3}',
    '\\d+',
    '(?:abc){0,3}',
    '\\uD83D\\uDE00', // an escaped surrogate pair is not read
    '(?i:abc)', // syntax the reader does not know
  ])('requiredLiterals(%j) is undefined', (source) => {
    expect(requiredLiterals(source)).toBeUndefined();
  });

  it('every match of every shipped pattern contains one of its required strings', () => {
    expect(shippedMatchesHolding(requiredLiterals)).toBeGreaterThan(50);
  });
});

/** Checks that every match of every shipped pattern over the examples and corpus holds one of `literals(pattern)`; returns how many it checked. */
function shippedMatchesHolding(literals: (source: string) => string[] | undefined): number {
  const texts = [...examples, ...corpus].map((t) => normalize(t).text);
  let checked = 0;
  for (const r of packRules) {
    for (const source of r.patterns ?? []) {
      const set = literals(source);
      if (set === undefined) continue;
      const re = new RegExp(source, 'gu');
      for (const text of texts) {
        for (const m of text.matchAll(re)) {
          if (m[0].length === 0) continue;
          checked++;
          expect(set.some((s) => m[0].includes(s)), `/${source}/ on ${JSON.stringify(m[0])}`).toBe(true);
        }
      }
    }
  }
  return checked;
}

describe('gateLiterals', () => {
  it.each([
    // A repeat's last letter joins what follows it.
    ['\\bw{1,3}\\.', ['w.']],
    ['(?:ab)+c', ['abc']],
    ['x[^a]', ['x']],
    // An alternation's ends join the next one's starts (cut to their last letters when too many:
    // the shipped pattern below).
    ['(f{1,2}uck|phuck|fuq)( off| u)\\b', ['fuck off', 'fuck u', 'fuq off', 'fuq u', 'phuck off', 'phuck u']],
    ['\\b(?:i|we) (?:hate|despise)\\b', [' despise', ' hate']],
    // Nothing better to join: the required set stands.
    ['https?://', ['http://', 'https://']],
    ['(first|frist|ist)', ['first', 'ist']],
  ])('gateLiterals(%j) = %j', (source, expected) => {
    expect(gateLiterals(source)).toEqual(expected);
  });

  it('every match of every shipped pattern contains one of its gate strings', () => {
    expect(shippedMatchesHolding(gateLiterals)).toBeGreaterThan(50);
  });

  it('gates the shipped URL and directed-profanity patterns on more than a letter or two', () => {
    const sources = packRules.flatMap((r) => r.patterns ?? []);
    const url = sources.find((s) => s.startsWith('\\bw{1,3}'))!;
    expect(gateLiterals(url)).toEqual(['w.']);
    const directed = sources.find((s) => s.includes('( ?off| you| u|'))!;
    expect(Math.min(...gateLiterals(directed)!.map((s) => s.length))).toBeGreaterThanOrEqual(4);
  });
});

describe('gateParts', () => {
  it.each([
    // Each item of a sequence requires its own set: a text that holds " have " but none of
    // "contempt", "hatred", … cannot match. "for" and "toward" are found in too many texts to
    // be worth looking for.
    [
      '\\b(?:i|we)(?: (?:really|just)){0,2} (?:have|feel) (?:pure|deep|utter) (?:hatred|contempt|disdain|loathing) (?:for|toward)\\b',
      [[' feel ', ' have '], ['contempt', 'disdain', 'hatred', 'loathing']],
    ],
    // A rare symbol gates on its own; "a", "per", "hr" would be found in every other word.
    ['(?:from home|online)[^.]{0,60}\\$[0-9]{1,3} (?:a|per) (?:hr|day)', [['from home', 'online'], ['$']]],
    // At most three parts, the best first.
    [
      "\\b(?:black|white|gay) lives (?:don't|do not|doesn't|does not|shouldn't|should not) (?:matter|count)",
      [[' lives '], ['count', 'matter'], ['do not', 'does not', "doesn't", "don't", 'should not', "shouldn't"]],
    ],
    // An anchored pattern is tried at one place only: its first set alone.
    ['^\\s{0,3}(lost|found) (dog|cat|kitten)', [['found ', 'lost ']]],
    // Nothing besides the first set: the first set alone.
    ['https?://', [['http://', 'https://']]],
    ['\\bw{1,3}\\.', [['w.']]],
  ])('gateParts(%j) = %j', (source, expected) => {
    expect(gateParts(source)).toEqual(expected);
  });

  it('is undefined where gateLiterals is, and otherwise starts with its set or one that implies it', () => {
    for (const source of packRules.flatMap((r) => r.patterns ?? [])) {
      const first = gateLiterals(source);
      const parts = gateParts(source);
      expect(parts === undefined, source).toBe(first === undefined);
      if (parts === undefined || first === undefined) continue;
      expect(parts.length, source).toBeGreaterThan(0);
      expect(parts.length, source).toBeLessThanOrEqual(8);
      expect(parts.some((part) => part.every((s) => first.some((t) => s.includes(t)))), source).toBe(true);
    }
  });

  it('every match of every shipped pattern holds a string of each of its parts', () => {
    expect(shippedMatchesHolding((source) => gateParts(source)?.[0])).toBeGreaterThan(50);
    expect(shippedMatchesHolding((source) => gateParts(source)?.[1])).toBeGreaterThan(10);
    shippedMatchesHolding((source) => gateParts(source)?.[2]);
  });
});

describe('readGate', () => {
  it.each([
    // A class of more than a few characters may match an astral one: two code units.
    ['\\b(reuters|afp)\\/[a-z]', 7 + 1 + 2],
    ['x.{0,3}y', 1 + 3 * 2 + 1],
    // A lookaround reads what it asserts (a lookbehind is counted forwards: more than it reads).
    ['ab(?= cd)', 2 + 3],
    ['(?<=xy)ab', 2 + 2],
    ['x😀?', 1 + 2],
    ['ab+c', Infinity],
  ])('readGate(%j) reaches %d code units', (source, reach) => {
    expect(readGate(source)?.reach).toBe(reach);
  });

  it.each([
    ['^ab', true],
    ['^(?:ab|^c)d', true],
    ['(?:^|\\n)ab', false],
    ['\\bab', false],
    ['(?:^)?ab', false],
  ])('readGate(%j) is anchored: %s', (source, anchored) => {
    expect(readGate(source)?.anchored).toBe(anchored);
  });

  it('leaves a pattern ungated when its first set holds an astral character, which the automaton never finds', () => {
    expect(readGate('a😀')).toBeUndefined();
    expect(readGate('[é😀]ab{2}')).toBeUndefined();
    expect(readGate('\\bhate (?:😀|you)')?.parts).toEqual([['hate ']]);
  });
});

describe('textLimit', () => {
  it.each([
    // Anchored at both ends: the longest match is the longest text.
    ['^ab$', 2],
    ['^a{1,3}$', 3],
    ['^(?:ab|c)$', 2],
    ['^(?:ab$|c$)', 2],
    ['^\\s{0,3}(\\+1|[.!?,;:]{1,5}|[a-z])\\s{0,3}$', 2 * 3 + 5 + 2 * 3],
    ['^ab$c?', 3],
    // Not anchored at both ends, or not bounded.
    ['^ab', Infinity],
    ['ab$', Infinity],
    ['^a|b$', Infinity],
    ['^(?:a$|b)', Infinity],
    ['^a(?=b$)', Infinity],
    ['^(?:a$)?', Infinity],
    ['^a+$', Infinity],
    ['^a\\1$', Infinity],
  ])('textLimit(%j) = %d', (source, limit) => {
    expect(textLimit(source)).toBe(limit);
  });

  it('is never shorter than a text the pattern matches whole', () => {
    for (const [source, text] of [['^ab$', 'ab'], ['^a{1,3}$', 'aaa'], ['^(?:ab|c)$', 'ab'], ['^ab$c?', 'ab']] as const) {
      expect(new RegExp(source, 'u').test(text)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(textLimit(source));
    }
  });
});

describe('the pattern gate', () => {
  const rules = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });
  // The reference path: every pattern runs on every text, as before the gate existed.
  const ungated: CompiledRules = { ...rules, patterns: rules.patterns.map(({ rule, regex }) => ({ rule, regex, gated: false })) };

  it('gates most shipped patterns', () => {
    expect(rules.patterns.filter((p) => p.gated).length).toBeGreaterThan(rules.patterns.length * 0.8);
  });

  it('finds the same raw hits and matches as running every pattern', () => {
    const texts = [...examples, ...corpus];
    for (const text of [...texts, ...texts.map((t) => t.toUpperCase()), examples.join(' ')]) {
      const norm = normalize(text);
      expect(rawHits(norm.text, rules)).toEqual(rawHits(norm.text, ungated));
      expect(findMatches(norm, rules)).toEqual(findMatches(norm, ungated));
    }
  });
});
