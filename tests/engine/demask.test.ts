/**
 * demask reads only the [a-z*] runs that hold a mask; its definition is the regex replace it
 * stands for, kept here as the reference.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import type { Entry } from '../../src/engine/compiled.js';
import { demask } from '../../src/engine/match.js';
import { runs } from '../property/arbitraries.js';

const rules = compileRules(BUNDLED_PACKS, { profanity: badWordsList() });

/** The reference: every match of /[a-z*]{3,32}/g replaced by what demask makes of it alone. */
const reference = (text: string): string => text.replace(/[a-z*]{3,32}/g, (token) => demask(token, rules));

describe('demask', () => {
  it('reads masked words as the terms they hide, the mildest first', () => {
    expect(demask('f**k off, you sh*t', rules)).toBe('fuck off, you shit');
    expect(demask('no mask here', rules)).toBe('no mask here');
  });

  it('gives what the regex replace over every [a-z*] run gives', () => {
    // Masked words next to letters and each other, runs over 32 units (read in 32-unit pieces,
    // the last under 3 units left alone), masks at either end, and the separators between.
    const pieces = ['f**k', 'sh*t', 'b***h', 'f*ck', '*', '**', 'a', 'off', 'you', 'x'.repeat(30), 'y'.repeat(33), 'z'.repeat(32), 'w'.repeat(29), 'idiot', ' ', ' ', '.', '-', "'", '7', 'é', 'A'];
    let changed = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (p) => {
        const text = p.join('');
        const got = demask(text, rules);
        if (got !== text) changed++;
        expect(got).toBe(reference(text));
      }),
      runs(5000),
    );
    // The property was not passed vacuously: many texts had a mask to read.
    expect(changed).toBeGreaterThan(500);
  });

  it('reads a masked word as the reference does: every a–z term of its length, the mildest match, own packs first when enough shows', () => {
    // The reference is the whole-list scan the (length, first letter) index replaced.
    const terms = rules.entries.flatMap((e, i) => (e.kind === 'term' && /^[a-z]+$/.test(e.term) ? [i] : []));
    const rank = { high: 3, medium: 2, low: 1 } as const;
    const read = (token: string): string => {
      if (!token.includes('*') || token.startsWith('*')) return token;
      const visible = token.replace(/\*/g, '').length;
      if (visible < 2) return token;
      const preferOwn = visible >= 3 && visible * 2 >= token.length;
      let best: { term: string; rank: number } | undefined;
      let own: { term: string; rank: number } | undefined;
      for (const i of terms) {
        const e = rules.entries[i] as Extract<Entry, { kind: 'term' }>;
        if (e.term.length !== token.length || [...token].some((c, k) => c !== '*' && c !== e.term[k])) continue;
        const rule = rules.rules[e.rule]!;
        const r = rank[rule.severity];
        if (best === undefined || r < best.rank) best = { term: e.term, rank: r };
        if (preferOwn && rule.pack !== 'bad-words' && (own === undefined || r < own.rank)) own = { term: e.term, rank: r };
      }
      return (own ?? best)?.term ?? token;
    };
    const termText = (i: number) => (rules.entries[i] as Extract<Entry, { kind: 'term' }>).term;
    const masked = fc
      .tuple(fc.constantFrom(...terms), fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), fc.constantFrom('', 'a', 'zz'))
      .map(([i, hide, tail]) => [...termText(i)].map((c, k) => (hide[k] ? '*' : c)).join('') + tail)
      .filter((t) => t.length >= 3 && t.length <= 32);
    let read1 = 0;
    fc.assert(
      fc.property(masked, (token) => {
        const want = read(token);
        if (want !== token) read1++;
        expect(demask(token, rules)).toBe(want);
      }),
      runs(5000),
    );
    expect(read1).toBeGreaterThan(500);
  });
});
