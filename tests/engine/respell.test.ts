import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pack, rule } from '../support/packs.js';
import { runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { backOf, compileRespell, GLUE_WORDS, readAs, respell, RESPELL_EXCLUDE, type Edit, type RespellTable } from '../../src/engine/respell.js';

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

  it("reads a slip in a four-letter word of a group-derogation phrase ('make me sikc', 'klil all')", () => {
    expect(found('Those people make me sikc.')).toContainEqual(['insult.group.disgust', 'make me sikc']);
    expect(found('I want to klil all of them.').map(([rule]) => rule)).toContain('insult.group.death');
    // A real word is never one: "sick" and "kill" in a plain sentence are no match.
    expect(found('The sick child was kept home.')).toEqual([]);
  });

  it('never respells a dialect spelling one slip from a listed word ("dese" for "these", not "dense")', () => {
    const bundledTable = analyzer.rules.respell;
    expect(bundledTable.content.has('dense')).toBe(true);
    expect(readAs('dnse', bundledTable)).toBe('dense');
    expect(readAs('dese', bundledTable)).toBe('');
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

const GLUE = new Set(GLUE_WORDS);
const MAX_GLUE = Math.max(...GLUE_WORDS.map((g) => g.length));

/**
 * readAs as it is defined: a word that stays itself first, then a variant, then every cut within
 * MAX_GLUE letters of either end tried in order. readAs looks for what the token could change
 * into first and walks glue tries instead of slicing every cut: a shortcut held equal to this.
 */
function readAsReference(token: string, table: RespellTable): string {
  if (table.known.has(token) || table.content.has(token) || table.english.has(token)) return '';
  const variant = table.variants.get(token);
  if (variant !== undefined) return variant;
  if (RESPELL_EXCLUDE.has(token)) return '';
  for (let i = 1; i < token.length; i++) {
    if (i > MAX_GLUE && token.length - i > MAX_GLUE) {
      i = token.length - MAX_GLUE - 1;
      continue;
    }
    const a = token.slice(0, i);
    const b = token.slice(i);
    if ((GLUE.has(a) && table.content.has(b)) || (table.content.has(a) && GLUE.has(b))) return `${a} ${b}`;
  }
  return '';
}

describe('readAs is the reference reading', () => {
  const bundled = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() }).rules.respell;
  const content = [...bundled.content];
  const glue = [...GLUE_WORDS];
  const pick = <T>(xs: readonly T[]) => fc.integer({ min: 0, max: xs.length - 1 }).map((i) => xs[i]!);
  const letters = fc.stringMatching(/^[a-z]{1,6}$/);
  // Tokens made of glue words, content words, variants, English-looking runs and stray letters,
  // so cuts on both sides, several cuts, and cuts into words that stay themselves all come up.
  const part = fc.oneof(pick(glue), pick(content), pick([...bundled.variants.keys()]), pick([...RESPELL_EXCLUDE]), letters);
  const token = fc.array(part, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('').slice(0, 40)).filter((t) => t.length >= 4);

  it('on generated glued and misspelled tokens', () => {
    fc.assert(
      fc.property(token, (t) => {
        expect(readAs(t, bundled)).toBe(readAsReference(t, bundled));
      }),
      runs(20_000),
    );
  });

  it('on tables whose content words begin and end like glue words, so one token has several cuts', () => {
    const word = fc.array(fc.oneof(pick(glue), letters), { minLength: 1, maxLength: 3 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(pick(glue), word), { minLength: 2, maxLength: 4 }), (words, parts) => {
        const table = compileRespell(words, new Set());
        const t = parts.join('').slice(0, 40);
        expect(readAs(t, table)).toBe(readAsReference(t, table));
      }),
      runs(5_000),
    );
    // Glue + content and content + glue at once: the cut furthest left wins.
    expect(readAs('ahateme', compileRespell(['hateme', 'ahate'], new Set()))).toBe('a hateme');
  });

  it('on every glue + content pair either way round, every variant and every word of the fixtures', () => {
    const tokens = new Set<string>(bundled.variants.keys());
    for (const c of content) for (const g of glue) tokens.add(g + c).add(c + g);
    for (const text of fixtureTexts) for (const w of text.toLowerCase().match(/[a-z]{4,40}/g) ?? []) tokens.add(w);
    let changed = 0;
    for (const t of tokens) {
      const got = readAs(t, bundled);
      expect(got, t).toBe(readAsReference(t, bundled));
      if (got !== '') changed++;
    }
    // The pairs are mostly split: the comparison above is not only over tokens read as themselves.
    expect(changed).toBeGreaterThan(content.length);
  });
});

describe('back(): respelled position → input position', () => {
  /** The definition: every edit walked in order. */
  const walk = (edits: readonly Edit[], pos: number): number => {
    let delta = 0;
    for (const e of edits) {
      if (pos >= e.at) delta += e.to;
      else if (pos > e.at - e.to) return e.from;
    }
    return pos - delta;
  };
  const edit = fc.record({ at: fc.integer({ min: 0, max: 400 }), from: fc.integer({ min: 0, max: 400 }), to: fc.integer({ min: -39, max: 40 }).filter((t) => t !== 0) });

  it('is the walk over every edit, for edits in any order (ordered ones take the binary search)', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 450 }), { minLength: 1, maxLength: 20 }), (edits, sort, positions) => {
        const list = sort ? [...edits].sort((a, b) => a.at - b.at) : edits;
        const back = backOf(list);
        for (const pos of positions) expect(back(pos)).toBe(walk(list, pos));
      }),
      runs(500),
    );
  });
});
