/**
 * Aho–Corasick automaton over normalised text: every term of every pack is found in one
 * left-to-right pass, in time linear in the text plus the number of hits, however many
 * terms there are. Built once per moderator and never mutated afterwards.
 */
export interface Hit {
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
  /** Start (inclusive) and end (exclusive) in the scanned text. */
  start: number;
  end: number;
}

const ASCII_FIRST = 32;
const ASCII_SPAN = 95; // ' ' through '~'
/** `asciiTable`'s column for a unit off the table. */
export const OFF_TABLE = 0x3fff;


/**
 * A table entry for a transition to `node`: the node number, doubled, plus one when the node
 * emits. Uint16 entries (any rule set of fewer than 32,768 nodes) keep the table half the size.
 */
function entryOf(node: number, emits: boolean): number {
  return node * 2 + (emits ? 1 : 0);
}

export class Automaton {
  /**
   * (node, letter) → child, keyed node * alphabet size + the letter's index in `alphabet`: one
   * Map of small-integer keys instead of a Map per node. Building 16,000 small Maps was most of
   * the automaton's cost at cold start, which every moderator pays before its first verdict.
   * (Keys stay small integers while nodes × letters is under 2^30; past that they are still
   * correct, only slower.)
   */
  private readonly edges = new Map<number, number>();
  /** Code point → index among the code points the patterns use. Astral terms are keyed by code point and text is read by code unit, so they never match (see the tests). */
  private readonly alphabet = new Map<number, number>();
  private readonly stride: number;
  private readonly fail: Int32Array;
  /**
   * What a step into each node reports: node k's patterns, with their lengths, are the pairs
   * (pattern, length) of `reports` from index reportsFrom[k] to reportsFrom[k + 1], in the
   * order `each` reports them (the node's own patterns, then those down its fail chain).
   * Flattened at build time: walking the chain through per-node arrays at every hit cost
   * several cache misses per hit. Its size is what a scan visiting every node once would report
   * (8,500 numbers for the bundled packs, against 17,000 nodes' arrays and links before).
   */
  private readonly reports: Int32Array;
  private readonly reportsFrom: Int32Array;
  /**
   * The full transition function for printable ASCII (what normalised comments are made of),
   * fail links already followed: one array read per character instead of a Map lookup and a
   * walk up the fail chain. Other characters fall back to the edge Map. Columns are character
   * classes, not characters: every printable ASCII character no pattern contains leads back to
   * the root from any node, so all of them share column 0: ~46 columns instead of 95.
   *
   * Entries are `entryOf(child, emits)`, in 16 bits when the nodes allow: the bundled packs'
   * table is then 1.6 MB, not 3.2 MB as row offsets in 32 bits made it. The scan is a chain of
   * dependent reads, one per character, that other stages of a verdict evict between comments;
   * half the bytes are half the cache lines to miss, which outweighs the multiplication by the
   * row width the offsets had saved.
   */
  private readonly ascii: Uint16Array | Int32Array;
  /** Printable ASCII code - ASCII_FIRST → column of `ascii`. */
  private readonly columns: Uint8Array;
  private readonly width: number;
  private readonly nodes: number;

  /** `patterns[i]` undefined: index i is kept for the others' numbers, and never reported. */
  constructor(patterns: ReadonlyArray<string | undefined>) {
    /** Patterns ending exactly at a node (undefined: none). */
    const own: Array<number[] | undefined> = [undefined];
    const alphabet = this.alphabet;
    const columns = (this.columns = new Uint8Array(ASCII_SPAN));
    let width = 1;
    let units = 0;
    for (const p of patterns) {
      if (p === undefined) continue;
      units += p.length;
      for (let i = 0; i < p.length; ) {
        const code = p.codePointAt(i)!;
        i += code > 0xffff ? 2 : 1;
        if (!alphabet.has(code)) {
          alphabet.set(code, alphabet.size);
          if (code >= ASCII_FIRST && code < ASCII_FIRST + ASCII_SPAN) columns[code - ASCII_FIRST] = width++;
        }
      }
    }
    this.width = width;
    const stride = (this.stride = Math.max(1, alphabet.size));
    // The trie as typed arrays, by node: its first child, its next sibling (0: none; the root is
    // nobody's child), the letter (index in `alphabet`) and code point of the edge into it. A
    // child is found by walking its parent's children: one or two for most nodes, a few dozen
    // at the root. It was a Map keyed node * stride + letter, whose 17,000 insertions (and
    // growth) were the largest line of the automaton, itself the largest part of
    // createModerator at cold start. Node numbers are the same (creation order), and so is all
    // that follows. Only edges of characters off the table go into `edges`, the only ones
    // nextByMap reads (it is called for those characters only).
    const cap = units + 1;
    const firstChild = new Int32Array(cap);
    const nextSibling = new Int32Array(cap);
    const letterOf = new Int32Array(cap);
    const codeOf = new Int32Array(cap);
    const childOf = (node: number, letter: number): number => {
      let c = firstChild[node]!;
      while (c !== 0 && letterOf[c] !== letter) c = nextSibling[c]!;
      return c;
    };
    let n = 1;
    for (let index = 0; index < patterns.length; index++) {
      const p = patterns[index];
      if (p === undefined) continue;
      let node = 0;
      for (let i = 0; i < p.length; ) {
        const code = p.codePointAt(i)!;
        i += code > 0xffff ? 2 : 1;
        const letter = alphabet.get(code)!;
        let child = childOf(node, letter);
        if (child === 0) {
          child = n++;
          letterOf[child] = letter;
          codeOf[child] = code;
          nextSibling[child] = firstChild[node]!;
          firstChild[node] = child;
          if (code < ASCII_FIRST || code >= ASCII_FIRST + ASCII_SPAN) this.edges.set(node * stride + letter, child);
          own.push(undefined);
        }
        node = child;
      }
      (own[node] ??= []).push(index);
    }
    this.nodes = n;

    // One breadth-first pass (a node's fail target is shallower, so done first) sets each node's
    // fail and dictionary links, whether a step into it reports, and its row of the table: its
    // fail node's row with its own children written over it. A child's fail target for a
    // character on the table is read from the fail node's finished row, one array read instead
    // of a walk up the fail chain through the edge Map, and the entries are written with their
    // report bit at once, not in a pass over the whole table afterwards: the automaton was ~15 %
    // of createModerator's CPU, which every cold start pays before its first verdict.
    const fail = (this.fail = new Int32Array(n));
    // Nearest node on the fail chain that has patterns of its own (-1: none): skips empty links.
    const dict = new Int32Array(n).fill(-1);
    const emits = new Uint8Array(n);
    emits[0] = own[0] !== undefined ? 1 : 0;
    const table = n * 2 <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
    if (emits[0]) table.fill(entryOf(0, true), 0, width);
    const order = new Int32Array(n);
    let tail = 1;
    for (let qi = 0; qi < n; qi++) {
      const node = order[qi]!;
      const f = fail[node]!;
      const row = node * width;
      if (node !== 0) table.copyWithin(row, f * width, f * width + width);
      for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!) {
        order[tail++] = child;
        const code = codeOf[child]!;
        const col = code - ASCII_FIRST;
        const onTable = col >= 0 && col < ASCII_SPAN;
        let target = 0;
        if (node !== 0) {
          if (onTable) target = table[f * width + columns[col]!]! >> 1;
          else {
            const letter = letterOf[child]!;
            let g = f;
            while (g !== 0 && childOf(g, letter) === 0) g = fail[g]!;
            target = childOf(g, letter);
          }
        }
        fail[child] = target;
        // (The root's children keep -1, as before: only an empty pattern, at the root, differs.)
        if (node !== 0) dict[child] = own[target] !== undefined ? target : dict[target]!;
        const emitsChild = own[child] !== undefined || dict[child] !== -1;
        emits[child] = emitsChild ? 1 : 0;
        if (onTable) table[row + columns[col]!] = entryOf(child, emitsChild);
      }
    }
    const reports: number[] = [];
    this.reportsFrom = new Int32Array(n + 1);
    for (let node = 0; node < n; node++) {
      this.reportsFrom[node] = reports.length;
      for (let out = own[node] !== undefined ? node : dict[node]!; out !== -1; out = dict[out]!) {
        for (const pattern of own[out]!) reports.push(pattern, patterns[pattern]!.length);
      }
    }
    this.reportsFrom[n] = reports.length;
    this.reports = Int32Array.from(reports);
    this.ascii = table;
  }

  get size(): number {
    return this.nodes;
  }

  /** Every occurrence of every pattern, overlapping ones included, in order of their end. */
  scan(text: string, onHit: (hit: Hit) => void): void {
    this.each(text, (pattern, start, end) => onHit({ pattern, start, end }));
  }

  /** `scan` without a Hit object per occurrence: the per-comment passes call this. */
  each(text: string, onHit: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const entry = this.next(node, text.charCodeAt(i));
      node = entry >> 1;
      if ((entry & 1) !== 0) this.emit(node, i, onHit);
    }
  }

  /**
   * One step of `each`, for a pass that reads the text anyway (wordScan.ts): the state after code
   * unit `c` in state `node`, as `entryOf(next node, emits)`. The state to start from is 0;
   * where an entry has its low bit set, `replay` reports what ends there. Small, so that it is
   * inlined into the callers' loops.
   */
  next(node: number, c: number): number {
    const code = c - ASCII_FIRST;
    if (code >= 0 && code < ASCII_SPAN) return this.ascii[node * this.width + this.columns[code]!]!;
    return this.nextByMap(node, c);
  }

  /** The last table `asciiTable` made, and the classes it was made with (a field from the start: one shape). */
  private classed: { classes: Uint8Array; table: Uint16Array } | undefined = undefined;

  /**
   * For each ASCII code unit c (0–127): its column in the transition table << 2 | classes[c]
   * (a class in 0–3), with column OFF_TABLE for a unit `next` does not look up in the table.
   * A pass that classifies every unit anyway (wordScan.ts) reads both in one look-up.
   */
  asciiTable(classes: Uint8Array): Uint16Array {
    if (this.classed?.classes === classes) return this.classed.table;
    const table = new Uint16Array(0x80);
    for (let c = 0; c < 0x80; c++) {
      const code = c - ASCII_FIRST;
      const column = code >= 0 && code < ASCII_SPAN ? this.columns[code]! : OFF_TABLE;
      table[c] = (column << 2) | (classes[c]! & 3);
    }
    this.classed = { classes, table };
    return table;
  }

  /** `next` for a unit whose column `asciiTable` gave (not OFF_TABLE). */
  nextInColumn(node: number, column: number): number {
    return this.ascii[node * this.width + column]!;
  }

  /** `next` for a character outside printable ASCII: the edge Map and the fail links. */
  private nextByMap(from: number, c: number): number {
    const letter = this.alphabet.get(c);
    let node = from;
    for (;;) {
      const child = letter === undefined ? undefined : this.edges.get(node * this.stride + letter);
      if (child !== undefined) {
        node = child;
        break;
      }
      if (node === 0) break;
      node = this.fail[node]!;
    }
    return entryOf(node, this.emits(node));
  }

  private emits(node: number): boolean {
    return this.reportsFrom[node + 1]! > this.reportsFrom[node]!;
  }

  /**
   * What `each` reports over a text, from the steps of a pass over it that emitted: `ends` holds,
   * in text order, the node each such step went to and the position of its character.
   */
  replay(ends: readonly number[], onHit: (pattern: number, start: number, end: number) => void): void {
    for (let k = 0; k < ends.length; k += 2) this.emit(ends[k]!, ends[k + 1]!, onHit);
  }

  private emit(node: number, i: number, onHit: (pattern: number, start: number, end: number) => void): void {
    const reports = this.reports;
    for (let k = this.reportsFrom[node]!, to = this.reportsFrom[node + 1]!; k < to; k += 2) onHit(reports[k]!, i + 1 - reports[k + 1]!, i + 1);
  }
}
