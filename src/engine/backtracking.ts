import { escapedChar } from './regexEscape.js';
import { REGEXP_SPACES } from '../text/regexpSpace.js';

/**
 * How much a rule pattern can make a backtracking regex engine work per starting position.
 * safePattern.ts only lets through bounded repetition without nesting, so the work per position
 * is finite, but finite is not small: `(?:a|aa){0,40}b` takes longer than any comment is worth
 * on a line of a's (the two branches split the same letters in exponentially many ways), and
 * `a{0,100}a{0,100}a{0,100}b` tries a million splits at every position. This module reads a
 * pattern of that subset and names the two shapes behind such blow-ups:
 *
 * - an *ambiguous repetition*: a group repeated three or more times whose branches can read the
 *   same text in two ways (Sardinas–Patterson on the branches as words over character sets;
 *   two sets that share a character count as the same letter, so the test errs towards refusing);
 * - *trading repetitions*: variable-length items that can hand characters to each other (their
 *   sets overlap, and the fixed items between them can shift), whose numbers of lengths multiply
 *   to more than MAX_SPLITS.
 *
 * It answers for the subset `patternProblem` admits; anything it cannot read is left to the
 * regex compiler and the lexical checks.
 */

/** A set of code points as sorted, disjoint, inclusive [lo, hi] pairs. */
type Ranges = readonly number[];

const ALL: Ranges = [0, 0x10ffff];
const LINE_ENDS: Ranges = [10, 10, 13, 13, 0x2028, 0x2029];
const DIGITS: Ranges = [48, 57];
const WORD: Ranges = [48, 57, 65, 90, 95, 95, 97, 122];
const SPACES: Ranges = REGEXP_SPACES;

/** The union of some sets, merged in one sort. */
function unionAll(sets: readonly Ranges[]): Ranges {
  const pairs: Array<[number, number]> = [];
  for (const r of sets) for (let k = 0; k < r.length; k += 2) pairs.push([r[k]!, r[k + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function complement(a: Ranges): Ranges {
  const out: number[] = [];
  let next = 0;
  for (let k = 0; k < a.length; k += 2) {
    if (a[k]! > next) out.push(next, a[k]! - 1);
    next = a[k + 1]! + 1;
  }
  if (next <= 0x10ffff) out.push(next, 0x10ffff);
  return out;
}

function overlaps(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

/** The pattern as read: what each part can consume, and its structure where the checks need it. */
type Node =
  | { kind: 'char'; set: Ranges }
  | { kind: 'zero'; body?: Node } // an assertion, or a lookaround (whose body is checked on its own)
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number; at: number };

class Unreadable extends Error {}

/** A reader for the subset patternProblem lets through (bounded quantifiers, no backreferences). */
class Reader {
  i = 0;
  constructor(private readonly src: string) {}

  read(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unreadable();
    return node;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') items.push(this.quantified());
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  }

  private quantified(): Node {
    const at = this.i;
    const atom = this.atom();
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === '?') {
      min = 0;
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d+))?\}/.exec(this.src.slice(this.i));
      if (m === null) return atom; // a literal "{" (no quantifier reads like this)
      min = Number(m[1]);
      max = Number(m[2] ?? m[1]);
      this.i += m[0].length;
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy: the same splits, tried in another order
    return { kind: 'repeat', body: atom, min, max, at };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return { kind: 'char', set: this.charClass() };
    if (c === '\\') return this.escape();
    this.i += c.length;
    if (c === '.') return { kind: 'char', set: complement(LINE_ENDS) };
    if (c === '^' || c === '$') return { kind: 'zero' };
    if (c === '*' || c === '+' || c === '?') throw new Unreadable();
    const cp = this.src.codePointAt(this.i - 1)!;
    if (cp > 0xffff) this.i++;
    return { kind: 'char', set: [cp, cp] };
  }

  private group(): Node {
    const rest = this.src.slice(this.i);
    const look = /^\(\?<?[=!]/.exec(rest);
    if (look !== null) this.i += look[0].length;
    else if (rest.startsWith('(?:')) this.i += 3;
    else if (/^\(\?<[A-Za-z_$][\w$]*>/.test(rest)) this.i += rest.indexOf('>') + 1;
    else if (rest.startsWith('(?')) throw new Unreadable();
    else this.i += 1;
    const body = this.alternation();
    if (this.src[this.i] !== ')') throw new Unreadable();
    this.i++;
    return look !== null ? { kind: 'zero', body } : body;
  }

  /** One escape outside a class: a character, a class shorthand or an assertion. */
  private escape(): Node {
    const set = this.escapedSet(false);
    return set === null ? { kind: 'zero' } : { kind: 'char', set };
  }

  /** The set of an escape at `i` (the backslash), or null for an assertion (\b, \B). */
  private escapedSet(inClass: boolean): Ranges | null {
    const n = this.src[this.i + 1];
    if (n === undefined) throw new Unreadable();
    this.i += 2;
    switch (n) {
      case 'd':
        return DIGITS;
      case 'D':
        return complement(DIGITS);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACES;
      case 'S':
        return complement(SPACES);
      case 'b':
        return inClass ? [8, 8] : null;
      case 'B':
        if (inClass) throw new Unreadable();
        return null;
      case 'p':
      case 'P': {
        // A Unicode property: any character may have it (the checks then assume it overlaps).
        const end = this.src.indexOf('}', this.i);
        if (this.src[this.i] !== '{' || end < 0) throw new Unreadable();
        this.i = end + 1;
        return ALL;
      }
      case 'c': {
        const letter = this.src.charCodeAt(this.i++) % 32;
        return [letter, letter];
      }
      default: {
        // Other escapes stand for one character (prefilter.ts reads them the same way).
        const read = escapedChar(this.src, this.i - 2);
        if (read === null) throw new Unreadable();
        this.i = read.end;
        const cp = read.char.codePointAt(0)!;
        return [cp, cp];
      }
    }
  }

  private charClass(): Ranges {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    // In JavaScript "]" always closes a class, even first ("[]" matches nothing).
    const parts: Ranges[] = [];
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const lo = this.classAtom();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && lo.length === 2 && lo[0] === lo[1]) {
        this.i++;
        const hi = this.classAtom();
        if (hi.length !== 2 || hi[0] !== hi[1]) throw new Unreadable();
        parts.push([lo[0]!, hi[0]!]);
      } else parts.push(lo);
    }
    if (this.src[this.i] !== ']') throw new Unreadable();
    this.i++;
    const set = unionAll(parts);
    return negated ? complement(set) : set;
  }

  private classAtom(): Ranges {
    if (this.src[this.i] === '\\') return this.escapedSet(true)!;
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return [cp, cp];
  }
}

/** What the checks need of a node: the characters it can read, and the lengths it can read (capped). */
interface Shape {
  readonly set: Ranges;
  readonly lengths: ReadonlySet<number>;
}

/** Lengths beyond this many are not told apart: the count only has to show it is large. */
const LENGTH_CAP = 4096;

function sumLengths(a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const x of a) {
    for (const y of b) {
      out.add(x + y);
      if (out.size > LENGTH_CAP) return out;
    }
  }
  return out;
}

/** Most ways a sequence of trading repetitions may split one stretch of text before it is refused. */
export const MAX_SPLITS = 2000;

/** Most branches (as words) of a repeated group the ambiguity test expands. */
const MAX_WORDS = 512;

/** Past this many, counts of ends are not told apart. */
const ENDS_CAP = 1e9;

/** Most ways of reading the stretch between two items that `stretchesBetween` spells out. */
const MAX_STRETCHES = 64;

/**
 * Why `source` can make a backtracking engine blow up, or null. `source` must already pass the
 * lexical checks of patternProblem (bounded quantifiers, no nesting, no backreferences).
 */
export function backtrackingProblem(source: string): string | null {
  let tree: Node;
  try {
    tree = new Reader(source).read();
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
  return new Checker().problemIn(tree);
}

/** The checks over one pattern's tree, each node's shape, words and ends worked out once. */
class Checker {
  private readonly shapes = new Map<Node, Shape>();
  private readonly wordLists = new Map<Node, Ranges[][] | null>();
  private readonly endCounts = new Map<Node, number>();

  problemIn(node: Node): string | null {
    switch (node.kind) {
      case 'char':
        return null;
      case 'zero':
        return node.body === undefined ? null : this.problemIn(node.body);
      case 'alt':
        for (const b of node.branches) {
          const p = this.problemIn(b);
          if (p !== null) return p;
        }
        return null;
      case 'repeat': {
        if (node.max >= 3) {
          const words = this.words(node.body);
          if (words === null) return `repeated group at ${node.at} has too many branches to check (more than ${MAX_WORDS}): repeat it at most twice`;
          if (ambiguous(words)) {
            return `repeated group at ${node.at} can read the same text in more than one way (its branches overlap), so a failed match retries exponentially many splits: make the branches exclusive, or repeat it at most twice`;
          }
        }
        return this.problemIn(node.body);
      }
      case 'seq': {
        for (const item of node.items) {
          const p = this.problemIn(item);
          if (p !== null) return p;
        }
        return this.tradingProblem(node.items);
      }
    }
  }

  private shape(node: Node): Shape {
    return remembered(this.shapes, node, (n) => this.shapeOf(n));
  }

  private shapeOf(node: Node): Shape {
    switch (node.kind) {
      case 'char':
        return { set: node.set, lengths: new Set([1]) };
      case 'zero':
        return { set: [], lengths: new Set([0]) };
      case 'seq': {
        let lengths = new Set([0]);
        for (const item of node.items) lengths = sumLengths(lengths, this.shape(item).lengths);
        return { set: unionAll(node.items.map((item) => this.shape(item).set)), lengths };
      }
      case 'alt': {
        const lengths = new Set<number>();
        for (const b of node.branches) for (const l of this.shape(b).lengths) lengths.add(l);
        return { set: unionAll(node.branches.map((b) => this.shape(b).set)), lengths };
      }
      case 'repeat': {
        const body = this.shape(node.body);
        let lengths = new Set([0]);
        const all = new Set<number>();
        for (let k = 0; k <= node.max && all.size <= LENGTH_CAP; k++) {
          if (k >= node.min) for (const l of lengths) all.add(l);
          if (k < node.max) lengths = sumLengths(lengths, body.lengths);
        }
        return { set: body.set, lengths: all };
      }
    }
  }

  /**
   * The words a node reads, one per way through it, each as its sequence of character sets
   * (assertions and lookarounds read nothing and are left out, which only adds words), or null
   * past MAX_WORDS.
   */
  private words(node: Node): Ranges[][] | null {
    return remembered(this.wordLists, node, (n) => this.wordsOf(n));
  }

  private wordsOf(node: Node): Ranges[][] | null {
    switch (node.kind) {
      case 'char':
        return [[node.set]];
      case 'zero':
        return [[]];
      case 'alt': {
        const out: Ranges[][] = [];
        for (const b of node.branches) {
          const w = this.words(b);
          if (w === null || out.length + w.length > MAX_WORDS) return null;
          out.push(...w);
        }
        return out;
      }
      case 'seq': {
        let out: Ranges[][] = [[]];
        for (const item of node.items) {
          const w = this.words(item);
          if (w === null || out.length * w.length > MAX_WORDS) return null;
          out = concatAll(out, w);
        }
        return out;
      }
      case 'repeat': {
        // A body holds no quantifier (patternProblem refuses nesting): expand the counts.
        const body = this.words(node.body);
        if (body === null) return null;
        const out: Ranges[][] = [];
        let level: Ranges[][] = [[]];
        for (let k = 0; k <= node.max; k++) {
          if (k >= node.min) {
            if (out.length + level.length > MAX_WORDS) return null;
            out.push(...level);
          }
          if (k < node.max) {
            if (level.length * body.length > MAX_WORDS) return null;
            level = concatAll(level, body);
          }
        }
        return out;
      }
    }
  }

  /**
   * At most how many places a node can end at, over one text, from one start: the ways a failed
   * match makes the engine try it again. A repetition of words no two of which can start alike
   * ends once per count; of words that read any text one way only, once per length; words that
   * can read one text two ways multiply per count.
   */
  private ends(node: Node): number {
    return remembered(this.endCounts, node, (n) => this.endsOf(n));
  }

  private endsOf(node: Node): number {
    switch (node.kind) {
      case 'char':
      case 'zero':
        return 1;
      case 'seq':
        return node.items.reduce((n, item) => Math.min(ENDS_CAP, n * this.ends(item)), 1);
      case 'alt': {
        const words = this.words(node);
        return words !== null ? sharedEnds(words) : Math.min(ENDS_CAP, node.branches.reduce((n, b) => n + this.ends(b), 0));
      }
      case 'repeat': {
        const words = this.words(node.body);
        const each = words !== null ? sharedEnds(words) : this.ends(node.body);
        if (each === 1) return node.max - node.min + 1;
        if (words !== null && !ambiguous(words)) return this.shape(node).lengths.size;
        let total = 0;
        for (let k = node.min; k <= node.max && total < ENDS_CAP; k++) total += Math.min(ENDS_CAP, each ** k);
        return Math.min(ENDS_CAP, total);
      }
    }
  }

  /**
   * What a variable item may read when it ends later from the same start: a repetition, another
   * of its body; a choice of words, what a longer word reads past a shorter one that reads the
   * same start ("n" of "a" and "an"). Anything else: all it can read.
   */
  private longerReads(node: Node): Ranges {
    if (node.kind === 'repeat') return this.shape(node.body).set;
    const words = node.kind === 'alt' ? this.words(node) : null;
    if (words === null) return this.shape(node).set;
    const tails: Ranges[] = [];
    for (const u of words) {
      for (const w of words) {
        if (u.length >= w.length || !readsAsPrefix(u, w, 0)) continue;
        for (let p = u.length; p < w.length; p++) tails.push(w[p]!);
      }
    }
    return unionAll(tails);
  }

  /**
   * Variable-length items of one sequence that can trade characters, grouped; the splits of a
   * group multiply. Two such items trade when the later one can read what the earlier one reads
   * when it ends later, and what stands between them can be read shifted (`canShift`).
   */
  private tradingProblem(items: readonly Node[]): string | null {
    const variable = items.map((item) => this.ends(item) > 1);
    const longer = items.map((item, k) => (variable[k] ? this.longerReads(item) : []));
    const group = items.map((_, i) => i);
    const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
    for (let i = 0; i < items.length; i++) {
      if (!variable[i]) continue;
      for (let j = i + 1; j < items.length; j++) {
        const second = this.shape(items[j]!).set;
        if (!variable[j] || !overlaps(longer[i]!, second)) continue;
        const between = this.stretchesBetween(items, i, j);
        if (between === null || between.some((m) => canShift(longer[i]!, m, second))) group[find(j)] = find(i);
      }
    }
    const splits = new Map<number, number>();
    for (let i = 0; i < items.length; i++) {
      if (!variable[i]) continue;
      const root = find(i);
      const n = Math.min(ENDS_CAP, (splits.get(root) ?? 1) * this.ends(items[i]!));
      if (n > MAX_SPLITS) {
        const at = items.flatMap((item, k) => (variable[k] && find(k) === root && firstAt(item) >= 0 ? [firstAt(item)] : []));
        return `variable-length parts at ${at.join(', ')} can trade characters with each other in more than ${MAX_SPLITS} ways at each position of a text (as in a{0,100}a{0,100}): separate them with a character neither can read, or lower their bounds`;
      }
      splits.set(root, n);
    }
    return null;
  }

  /**
   * The stretches of text the items strictly between i and j may read when i and j trade, each as
   * its character sets position by position: one per choice of length of the items that cannot
   * read nothing (an item that can is taken as reading nothing, which lets the two meet). Null
   * past MAX_STRETCHES: the caller then assumes they trade.
   */
  private stretchesBetween(items: readonly Node[], i: number, j: number): Ranges[][] | null {
    let out: Ranges[][] = [[]];
    for (let k = i + 1; k < j; k++) {
      const s = this.shape(items[k]!);
      if (s.lengths.has(0)) continue;
      if (out.length * s.lengths.size > MAX_STRETCHES) return null;
      const words = this.words(items[k]!);
      const options: Ranges[][] = [];
      for (const length of s.lengths) {
        const sets: Ranges[] = [];
        for (let p = 0; p < length; p++) sets.push(words === null ? ALL : unionAll(words.filter((w) => w.length === length).map((w) => w[p]!)));
        options.push(sets);
      }
      out = concatAll(out, options);
    }
    return out;
  }
}

/** `work(node)`, worked out once per node: the checks ask for the same nodes again and again. */
function remembered<T>(cache: Map<Node, T>, node: Node, work: (node: Node) => T): T {
  if (cache.has(node)) return cache.get(node) as T;
  const value = work(node);
  cache.set(node, value);
  return value;
}

/** Every word of `a` followed by every word of `b`. */
function concatAll(a: readonly Ranges[][], b: readonly Ranges[][]): Ranges[][] {
  const out: Ranges[][] = [];
  for (const x of a) for (const y of b) out.push(x.concat(y));
  return out;
}

/** Can `a` (whole) read the same text as `b` from `from` on? Sets that share a character may. */
function readsAsPrefix(a: readonly Ranges[], b: readonly Ranges[], from: number): boolean {
  if (a.length > b.length - from) return false;
  for (let k = 0; k < a.length; k++) if (!overlaps(a[k]!, b[from + k]!)) return false;
  return true;
}

/**
 * At most how many places a choice of words can end at from one start: for each word, the
 * lengths of the words that can read the same text as its start (or it theirs).
 */
function sharedEnds(words: readonly Ranges[][]): number {
  let most = 1;
  for (const w of words) {
    const lengths = new Set<number>();
    for (const u of words) if (u.length <= w.length ? readsAsPrefix(u, w, 0) : readsAsPrefix(w, u, 0)) lengths.add(u.length);
    most = Math.max(most, lengths.size);
  }
  return most;
}

/**
 * Sardinas–Patterson: can two different sequences of these words read the same text? A dangling
 * suffix is the rest of one word after another (or after a dangling suffix) read its start; the
 * words are ambiguous when a dangling suffix is itself read whole by a word, or the empty word is
 * among them. Suffixes are kept as (word, offset), so there are finitely many.
 */
function ambiguous(words: readonly Ranges[][]): boolean {
  if (words.some((w) => w.length === 0)) return true;
  const seen = new Set<number>();
  const queue: Array<[number, number]> = [];
  const add = (w: number, offset: number): void => {
    const key = w * 4096 + offset;
    if (!seen.has(key)) {
      seen.add(key);
      queue.push([w, offset]);
    }
  };
  for (let u = 0; u < words.length; u++) {
    for (let w = 0; w < words.length; w++) {
      if (u === w || !readsAsPrefix(words[u]!, words[w]!, 0)) continue;
      if (words[u]!.length === words[w]!.length) return true;
      add(w, words[u]!.length);
    }
  }
  while (queue.length > 0) {
    const [d, offset] = queue.pop()!;
    const dangling = words[d]!;
    const rest = dangling.length - offset;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (readsAsPrefix(word, dangling, offset)) {
        if (word.length === rest) return true;
        add(d, offset + word.length);
      } else if (rest < word.length && readsAsPrefix(dangling.slice(offset), word, 0)) add(w, rest);
    }
  }
  return false;
}

/** Where in the pattern a node's first quantifier stands (-1: none). */
function firstAt(node: Node): number {
  if (node.kind === 'repeat') return node.at;
  const parts = node.kind === 'seq' ? node.items : node.kind === 'alt' ? node.branches : [];
  for (const part of parts) {
    const at = firstAt(part);
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * Can the first item end d characters later (some d ≥ 1), the stretch between be read d later,
 * and the second item start d later, over the same text? Every position whose reader changes
 * must hold a character both readers accept, so their sets must overlap.
 */
function canShift(first: Ranges, between: readonly Ranges[], second: Ranges): boolean {
  const n = between.length;
  for (let d = 1; d <= n + 1; d++) {
    let ok = true;
    for (let z = 0; z < n && ok; z++) {
      // Stretch position z is now read by the first item (z < d), or by stretch position z - d.
      ok = z < d ? overlaps(first, between[z]!) : overlaps(between[z]!, between[z - d]!);
      // Stretch position z, moved d on, reads what the second item read there (z >= n - d).
      if (ok && z >= n - d) ok = overlaps(between[z]!, second);
    }
    if (ok) return true;
  }
  return false;
}
