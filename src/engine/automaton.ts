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

export class Automaton {
  private readonly next: Array<Map<string, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending exactly at a node. */
  private readonly own: number[][] = [[]];
  /** Nearest node on the fail chain that has patterns of its own (-1: none): skips empty links. */
  private readonly dict: number[] = [-1];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, index) => this.insert(p, index));
    this.link();
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

  /** Every occurrence of every pattern, overlapping ones included, in order of their end. */
  scan(text: string, onHit: (hit: Hit) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
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
      for (let out = this.own[node]!.length > 0 ? node : this.dict[node]!; out !== -1; out = this.dict[out]!) {
        for (const pattern of this.own[out]!) onHit({ pattern, start: i + 1 - this.lengths[pattern]!, end: i + 1 });
      }
    }
  }
}
