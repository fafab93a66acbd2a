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

export class Automaton {
  private readonly next: Array<Map<string, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending exactly at a node. */
  private readonly own: number[][] = [[]];
  /** Nearest node on the fail chain that has patterns of its own (-1: none): skips empty links. */
  private readonly dict: number[] = [-1];
  private readonly lengths: number[];
  /**
   * The full transition function for printable ASCII (what normalised comments are made of),
   * fail links already followed: one array read per character instead of a Map lookup and a
   * walk up the fail chain. Other characters fall back to the Maps.
   */
  private readonly ascii: Int32Array;

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, index) => this.insert(p, index));
    this.link();
    this.ascii = this.denseAscii();
  }

  get size(): number {
    return this.next.length;
  }

  private insert(pattern: string, index: number): void {
    let node = 0;
    for (const ch of pattern) {
      let child = this.next[node]!.get(ch);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.own.push([]);
        this.dict.push(-1);
        this.next[node]!.set(ch, child);
      }
      node = child;
    }
    this.own[node]!.push(index);
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (const [ch, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(ch)) f = this.fail[f]!;
        const target = this.next[f]!.get(ch);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.dict[child] = this.own[fc]!.length > 0 ? fc : this.dict[fc]!;
        queue.push(child);
      }
    }
  }

  /** BFS order guarantees a node's fail target is complete before the node itself. */
  private denseAscii(): Int32Array {
    const n = this.next.length;
    const table = new Int32Array(n * ASCII_SPAN);
    const order: number[] = [0];
    for (let qi = 0; qi < order.length; qi++) for (const child of this.next[order[qi]!]!.values()) order.push(child);
    for (const node of order) {
      // A node's row is its fail node's row with its own children written over it.
      if (node !== 0) table.copyWithin(node * ASCII_SPAN, this.fail[node]! * ASCII_SPAN, this.fail[node]! * ASCII_SPAN + ASCII_SPAN);
      for (const [ch, child] of this.next[node]!) {
        const c = ch.charCodeAt(0) - ASCII_FIRST;
        if (ch.length === 1 && c >= 0 && c < ASCII_SPAN) table[node * ASCII_SPAN + c] = child;
      }
    }
    return table;
  }

  /** Every occurrence of every pattern, overlapping ones included, in order of their end. */
  scan(text: string, onHit: (hit: Hit) => void): void {
    this.each(text, (pattern, start, end) => onHit({ pattern, start, end }));
  }

  /** `scan` without a Hit object per occurrence: the per-comment passes call this. */
  each(text: string, onHit: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    const table = this.ascii;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i) - ASCII_FIRST;
      if (code >= 0 && code < ASCII_SPAN) {
        node = table[node * ASCII_SPAN + code]!;
        if (this.own[node]!.length === 0 && this.dict[node] === -1) continue;
        this.emit(node, i, onHit);
        continue;
      }
      const ch = text[i]!;
      for (;;) {
        const child = this.next[node]!.get(ch);
        if (child !== undefined) {
          node = child;
          break;
        }
        if (node === 0) break;
        node = this.fail[node]!;
      }
      this.emit(node, i, onHit);
    }
  }

  private emit(node: number, i: number, onHit: (pattern: number, start: number, end: number) => void): void {
    for (let out = this.own[node]!.length > 0 ? node : this.dict[node]!; out !== -1; out = this.dict[out]!) {
      for (const pattern of this.own[out]!) onHit(pattern, i + 1 - this.lengths[pattern]!, i + 1);
    }
  }
}
