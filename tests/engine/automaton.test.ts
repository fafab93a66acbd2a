import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Automaton, OFF_TABLE } from '../../src/engine/automaton.js';

/** Every occurrence by brute force, to check the automaton against. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    for (let s = 0; s + p.length <= text.length; s++) if (text.startsWith(p, s)) out.push(`${i}@${s}`);
  });
  return out.sort();
}

describe('Automaton', () => {
  it('finds exactly the occurrences a brute-force search finds, overlapping ones included', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', 'é', 'ж');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (patterns, text) => {
        const found: string[] = [];
        new Automaton(patterns).scan(text, (h) => found.push(`${h.pattern}@${h.start}`));
        expect(found.sort()).toEqual(naive(patterns, text));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('leaves out an undefined pattern and keeps the others\' numbers (CompiledRules.automatonFor)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (patterns, left, text) => {
        const found: string[] = [];
        new Automaton(patterns.map((p, i) => (left[i] ? undefined : p))).scan(text, (h) => found.push(`${h.pattern}@${h.start}`));
        expect(found.sort()).toEqual(naive(patterns, text).filter((hit) => !left[Number(hit.split('@')[0])]));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('agrees with brute force when the text holds characters no pattern has (the shared column)', () => {
    // Astral characters stay out of the patterns: insert() keys them by code point and the scan reads code units, so they never match (as before).
    const patternChar = fc.constantFrom('a', 'b', ' ', "'", 'é');
    const textChar = fc.constantFrom('a', 'b', ' ', "'", 'é', '😀', 'z', '.', '~', '-', 'ж', '\u0000', '\u007f');
    const word = fc.array(patternChar, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(textChar, { maxLength: 60 }).map((a) => a.join('')), (patterns, text) => {
        const found: string[] = [];
        new Automaton(patterns).each(text, (pattern, start, end) => {
          expect(end - start).toBe(patterns[pattern]!.length);
          found.push(`${pattern}@${start}`);
        });
        expect(found.sort()).toEqual(naive(patterns, text));
      }),
      { seed: 43, numRuns: 500 },
    );
  });

  it('reports through next and replay what each reports, in the same order', () => {
    const patternChar = fc.constantFrom('a', 'b', ' ', "'", 'é');
    const textChar = fc.constantFrom('a', 'b', ' ', "'", 'é', '😀', 'z', '.', '-', 'ж', '\n');
    const word = fc.array(patternChar, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(textChar, { maxLength: 60 }).map((a) => a.join('')), (patterns, text) => {
        const automaton = new Automaton(patterns);
        expect(stepped(automaton, text)).toEqual(reported(automaton, text));
      }),
      { seed: 44, numRuns: 500 },
    );
  });

  it('steps through asciiTable columns as next does, and keeps the classes it was given', () => {
    const patternChar = fc.constantFrom('a', 'b', ' ', "'", '-', '*', 'é');
    const word = fc.array(patternChar, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 3 }), (patterns, salt) => {
        const automaton = new Automaton(patterns);
        const classes = Uint8Array.from({ length: 0x80 }, (_, c) => (c * 7 + salt) & 3);
        const table = automaton.asciiTable(classes);
        expect(automaton.asciiTable(classes)).toBe(table);
        for (let node = 0; node < automaton.size; node++) {
          for (let c = 0; c < 0x80; c++) {
            expect(table[c]! & 3).toBe(classes[c]);
            const column = table[c]! >> 2;
            // Control characters and DEL are off the table: next() takes them by the edge map.
            if (c < 32 || c === 127) expect(column).toBe(OFF_TABLE);
            else expect(automaton.nextInColumn(node, column)).toBe(automaton.next(node, c));
          }
        }
      }),
      { seed: 45, numRuns: 100 },
    );
  });

  it('works the same with more nodes than 16-bit table entries can name', () => {
    // 9,000 patterns of seven letters that share little more than their first three: over
    // 37,000 nodes, past the 32,767 a Uint16 table entry can name.
    const letters = 'abcdefghij';
    const patterns = Array.from({ length: 9000 }, (_, i) => Array.from({ length: 5 }, (_, k) => letters[Math.floor(i / 10 ** k) % 10]).join('') + 'yz');
    const automaton = new Automaton(patterns);
    expect(automaton.size).toBeGreaterThan(32_768);
    const text = `${patterns[8999]} ${patterns[17]}${patterns[4242]} jayz ${patterns[0]!.slice(1)}`;
    const found = reported(automaton, text);
    expect(found.map(([p, s]) => `${p}@${s}`).sort()).toEqual(naive(patterns, text));
    expect(stepped(automaton, text)).toEqual(found);
  });
});

/** What each() reports, in order. */
function reported(automaton: Automaton, text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  automaton.each(text, (p, s, e) => out.push([p, s, e]));
  return out;
}

/** What replay() reports of a pass that steps the automaton with next(), as the word scan does. */
function stepped(automaton: Automaton, text: string): Array<[number, number, number]> {
  const ends: number[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = automaton.next(state, text.charCodeAt(i));
    state = entry >> 1;
    if ((entry & 1) !== 0) ends.push(state, i);
  }
  const out: Array<[number, number, number]> = [];
  automaton.replay(ends, (p, s, e) => out.push([p, s, e]));
  return out;
}
