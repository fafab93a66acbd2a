import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Automaton } from '../../src/engine/automaton.js';
import { compileRules } from '../../src/engine/compile.js';
import { BUNDLED_PACKS, BUNDLED_PATTERNS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';

/**
 * The construction Automaton had before it was made one breadth-first pass (fail targets read
 * from finished table rows, report bits written with the entries, ASCII edges kept out of the
 * edge Map): the textbook fail-link walk over every edge, then the table, then a pass setting
 * the report bits. The automaton built now must hold the same tables, links and reports.
 */
function reference(patterns: readonly string[]) {
  const ASCII_FIRST = 32;
  const ASCII_SPAN = 95;
  const edges = new Map<number, number>();
  const alphabet = new Map<number, number>();
  const own: Array<number[] | undefined> = [undefined];
  const parents: number[] = [];
  const codes: number[] = [];
  for (const p of patterns) {
    for (let i = 0; i < p.length; ) {
      const code = p.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      if (!alphabet.has(code)) alphabet.set(code, alphabet.size);
    }
  }
  const stride = Math.max(1, alphabet.size);
  patterns.forEach((p, index) => {
    let node = 0;
    for (let i = 0; i < p.length; ) {
      const code = p.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      const key = node * stride + alphabet.get(code)!;
      let child = edges.get(key);
      if (child === undefined) {
        child = parents.length + 1;
        edges.set(key, child);
        parents.push(node);
        codes.push(code);
        own.push(undefined);
      }
      node = child;
    }
    (own[node] ??= []).push(index);
  });
  const n = parents.length + 1;
  const first = new Int32Array(n + 1);
  for (const parent of parents) first[parent + 1]!++;
  for (let k = 0; k < n; k++) first[k + 1]! += first[k]!;
  const children = new Int32Array(n - 1);
  const fill = first.slice(0, n);
  for (let e = 0; e < parents.length; e++) children[fill[parents[e]!]!++] = e + 1;
  const fail = new Int32Array(n);
  const dict = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let tail = 1;
  for (let qi = 0; qi < tail; qi++) {
    const node = order[qi]!;
    for (let c = first[node]!; c < first[node + 1]!; c++) {
      const child = children[c]!;
      order[tail++] = child;
      if (node === 0) continue;
      const letter = alphabet.get(codes[child - 1]!)!;
      let f = fail[node]!;
      while (f !== 0 && !edges.has(f * stride + letter)) f = fail[f]!;
      const target = edges.get(f * stride + letter);
      fail[child] = target !== undefined && target !== child ? target : 0;
      const fc = fail[child]!;
      dict[child] = own[fc] !== undefined ? fc : dict[fc]!;
    }
  }
  const columns = new Uint8Array(ASCII_SPAN);
  let width = 1;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i) - ASCII_FIRST;
      if (c >= 0 && c < ASCII_SPAN && columns[c] === 0) columns[c] = width++;
    }
  }
  const table = n * 2 <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
  for (let qi = 0; qi < n; qi++) {
    const node = order[qi]!;
    if (node !== 0) table.copyWithin(node * width, fail[node]! * width, fail[node]! * width + width);
    for (let c = first[node]!; c < first[node + 1]!; c++) {
      const child = children[c]!;
      const col = codes[child - 1]! - ASCII_FIRST;
      if (col >= 0 && col < ASCII_SPAN) table[node * width + columns[col]!] = child;
    }
  }
  const reports: number[] = [];
  const reportsFrom = new Int32Array(n + 1);
  for (let node = 0; node < n; node++) {
    reportsFrom[node] = reports.length;
    for (let out = own[node] !== undefined ? node : dict[node]!; out !== -1; out = dict[out]!) {
      for (const pattern of own[out]!) reports.push(pattern, patterns[pattern]!.length);
    }
  }
  reportsFrom[n] = reports.length;
  const emits = (node: number) => reportsFrom[node + 1]! > reportsFrom[node]!;
  for (let k = 0; k < table.length; k++) table[k] = table[k]! * 2 + (emits(table[k]!) ? 1 : 0);
  return { ascii: table, columns, width, fail, reports: Int32Array.from(reports), reportsFrom, nodes: n };
}

type Internals = ReturnType<typeof reference> & { edges: Map<number, number> };

function expectSameAsReference(patterns: readonly string[]): void {
  const built = new Automaton(patterns) as unknown as Internals;
  const ref = reference(patterns);
  expect(built.nodes).toBe(ref.nodes);
  expect(built.width).toBe(ref.width);
  expect(built.columns).toEqual(ref.columns);
  expect(built.fail).toEqual(ref.fail);
  expect(built.reportsFrom).toEqual(ref.reportsFrom);
  expect(built.reports).toEqual(ref.reports);
  expect(built.ascii.constructor).toBe(ref.ascii.constructor);
  expect(built.ascii).toEqual(ref.ascii);
}

describe('Automaton construction', () => {
  it('builds the tables, links and reports the edge-by-edge construction built', () => {
    const char = fc.constantFrom('a', 'b', 'c', ' ', "'", 'é', 'ж', '\u0000', '\u007f', '😀');
    const word = fc.array(char, { minLength: 0, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 0, maxLength: 12 }), (patterns) => {
        expectSameAsReference(patterns);
      }),
      { seed: 46, numRuns: 1000 },
    );
  });

  it('builds the bundled rules’ automaton as the edge-by-edge construction did', () => {
    const compiled = compileRules(BUNDLED_PACKS, { profanity: badWordsList(), vetted: BUNDLED_PATTERNS });
    const strings = [...compiled.entries.map((e) => (e.kind === 'term' ? e.term : e.phrase)), ...compiled.patternGate.strings];
    expectSameAsReference(strings);
  });

  it('agrees past 16-bit table entries', () => {
    const letters = 'abcdefghij';
    expectSameAsReference(Array.from({ length: 9000 }, (_, i) => Array.from({ length: 5 }, (_, k) => letters[Math.floor(i / 10 ** k) % 10]).join('') + 'yé'));
  });
});
