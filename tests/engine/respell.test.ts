import { describe, expect, it } from 'vitest';
import { pack, rule } from '../support/packs.js';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRespell, respell } from '../../src/engine/respell.js';

const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
const found = (text: string) => analyzer.analyze(text).matches.map((m) => [m.ruleId, m.text]);

describe('respelled insult words', () => {
  const table = compileRespell(['hatred', 'disgusting', 'death'], new Set(['women']));

  it('reads one swapped pair or one dropped inner letter as the listed word', () => {
    expect(table.variants.get('hatrde')).toBe('hatred');
    expect(table.variants.get('disgustng')).toBe('disgusting');
    expect(respell('such hatrde for them', table).text).toBe('such hatred for them');
  });

  it('never respells a real English word that is one slip from a listed one ("hared", "heart")', () => {
    expect(table.variants.has('hared')).toBe(false);
    expect(respell('the hared ran off', table).text).toBe('the hared ran off');
  });

  it('splits a listed word glued to a function word and maps positions back to the input', () => {
    const r = respell('deathto them', table);
    expect(r.text).toBe('death to them');
    const back = r.back!;
    // "them" starts at 9 in the input and at 10 after the inserted space.
    expect(back(10)).toBe(9);
    expect(back(0)).toBe(0);
  });

  it('reports spans in the original text for respelled words', () => {
    expect(found('I haet women.')).toEqual([['insult.group.hate', 'I haet']]);
    expect(found('deathto all immigrants')).toEqual([['insult.group.death', 'deathto']]);
    expect(found('Muslims are despicble people.')).toEqual([['insult.adjective.worthless', 'despicble']]);
  });

  it('reads a token the same way whether or not the memo already holds it, and keeps the memo bounded', () => {
    const fresh = compileRespell(['hatred', 'death'], new Set());
    const text = 'such hatrde deathto them, hatrde again';
    const first = respell(text, fresh).text;
    expect(fresh.memo.get('hatrde')).toBe('hatred');
    expect(respell(text, fresh).text).toBe(first);
    // A stream of unique tokens starts the memo over instead of growing it.
    const unique = Array.from({ length: 25_000 }, (_, i) => `zq${i.toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`);
    respell(unique.join(' '), fresh);
    expect(fresh.memo.size).toBeLessThanOrEqual(20_000);
    expect(respell('hatrde', fresh).text).toBe('hatred');
  });

  it('leaves words inside longer runs alone', () => {
    expect(respell('xhaetx', compileRespell(['hate', 'hatred'], new Set())).text).toBe('xhaetx');
  });
});

describe('polarity: "negated" (a good quality denied to a group)', () => {
  const negatedPack = pack(
    [
      rule({
        id: 'insult.group.test-quality',
        label: 'insult',
        terms: ['equal', 'equals'],
        polarity: 'negated',
        examples: { match: ['Women are not our equals.'] },
      }),
    ],
    { targets: ['women'] },
  );
  const a = createAnalyzer([{ pack: negatedPack, file: 'test.json' }]);
  const ids = (text: string) => a.analyze(text).matches.map((m) => m.ruleId);

  it('fires only when the quality is denied to a linked target', () => {
    expect(ids('Women are not our equals.')).toEqual(['insult.group.test-quality']);
    expect(ids('Women are our equals.')).toEqual([]);
  });

  it('does not fire when the denial is itself denied', () => {
    expect(ids('Nobody says women are not equal.')).toEqual([]);
  });
});
