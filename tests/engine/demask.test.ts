/**
 * demask reads only the [a-z*] runs that hold a mask; its definition is the regex replace it
 * stands for, kept here as the reference.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
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
});
