/**
 * Prefilters for rule patterns: a set of literal strings at least one of which every match of a
 * pattern contains. When a comment holds none of them the regex cannot match and is not run.
 *
 * `requiredLiteral` (safePattern.ts) reads a single top-level run of literal characters and
 * gives up on alternation, which leaves many patterns with a useless literal (" ", "i") or none:
 * `\b(?:i|we)(?: really){0,3} (?:hate|despise|…)` is really gated by "hate" | "despise" | ….
 * This reads the pattern as a small syntax tree instead (the classic prefilter construction of
 * code search engines): each node knows the exact strings it can match when that set is small,
 * and a set of strings one of which every match contains.
 *
 * Anything the reader does not understand makes the whole pattern ungated (undefined): a
 * missing prefilter only costs time, a wrong one would lose matches.
 */

import { escapedChar } from './regexEscape.js';
import type { PatternGate } from './compiled.js';

/** Above this many strings a set is no longer tracked (cross products grow fast). */
const MAX_SET = 64;
/** Above this many strings a required set is not worth gating on. */
const MAX_REQUIRED = 256;
/** A character class with more members than this is treated as "any character". */
const MAX_CLASS = 8;

interface Info {
  /** Every string the node can match, or null when unknown or too many. */
  exact: string[] | null;
  /** Strings one of which every match of the node contains, or null when none is known. */
  required: string[] | null;
  /** When exact is null: strings one of which every match starts with (absent: none known). */
  prefix?: string[];
  /** When exact is null: strings one of which every match ends with (absent: none known). */
  suffix?: string[];
  /**
   * A required set that also draws on where one item's end meets the next one's start (see
   * `gateLiterals`), present only when it was picked over `required`.
   */
  gate?: string[];
  /**
   * The items of the sequence whose matches are this node's (a sequence, or a group or repeat of
   * one): what each requires besides the one set picked is read off them when asked (`partsOf`).
   */
  items?: readonly Info[];
  /** Every match starts where the text does (a leading "^", the pattern having no `m` flag). */
  anchored?: true;
  /** Every match ends where the text does (a trailing "$", the pattern having no `m` flag). */
  endAnchored?: true;
  /**
   * How far past where a match of the node starts the regex may read, in UTF-16 code units (or
   * Infinity): its longest match, lookarounds counted as if they consumed what they read.
   */
  reach: number;
}

class Unsupported extends Error {}

/** Any one character: under the `u` flag an astral one is two code units. */
const ANY: Info = { exact: null, required: null, reach: 2 };
const EMPTY: Info = { exact: [''], required: null, reach: 0 };
const START: Info = { exact: [''], required: null, anchored: true, reach: 0 };
const END: Info = { exact: [''], required: null, endAnchored: true, reach: 0 };

/** The reach of `times` repeats of something reaching `reach` (0 however often, when 0). */
function repeated(reach: number, times: number): number {
  return reach === 0 ? 0 : reach * times;
}

/** The reach of a sequence: its items' one after the other. */
function sumReach(items: readonly Info[]): number {
  let reach = 0;
  for (let k = 0; k < items.length; k++) reach += items[k]!.reach;
  return reach;
}

/** Strings this long are rare enough in comments; longer ones only grow the gate's automaton. */
const SELECTIVE_LENGTH = 5;

function minLength(set: readonly string[]): number {
  let min = Infinity;
  for (let k = 0; k < set.length; k++) if (set[k]!.length < min) min = set[k]!.length;
  return min;
}

/**
 * Picks the most selective required set among those offered: a set scores [its shortest string
 * up to SELECTIVE_LENGTH, fewer strings, its shortest string], higher is better, and a set that
 * cannot gate (empty, above MAX_REQUIRED strings, or holding "") is passed over. A later set must
 * score strictly higher to replace the current one, so of equally good sets the first offered
 * wins. A set is scored from its size and shortest length alone, so a run of a sequence can be
 * offered before its strings exist: they are built only for the run picked (see `sequence`).
 */
class Pick {
  private set: string[] | null = null;
  /** The run of `sequence` items picked, whose strings are not built yet (from < 0: none). */
  private from = -1;
  private to = -1;
  private selective = 0;
  private negCount = 0;
  private min = 0;
  private any = false;

  /** Would a set of `count` strings, the shortest `min` long, replace the current pick? */
  private beats(count: number, min: number): boolean {
    if (count === 0 || count > MAX_REQUIRED || min === 0) return false;
    const selective = Math.min(min, SELECTIVE_LENGTH);
    if (this.any) {
      if (selective !== this.selective) {
        if (selective < this.selective) return false;
      } else if (-count !== this.negCount) {
        if (-count < this.negCount) return false;
      } else if (min <= this.min) return false;
    }
    this.any = true;
    this.selective = selective;
    this.negCount = -count;
    this.min = min;
    return true;
  }

  offer(set: string[] | null): void {
    if (set !== null && this.beats(set.length, minLength(set))) {
      this.set = set;
      this.from = -1;
    }
  }

  /** Offers the cross product of the exact sets of items[from..to] by its size and shortest length. */
  offerRun(count: number, min: number, from: number, to: number): void {
    if (this.beats(count, min)) {
      this.set = null;
      this.from = from;
      this.to = to;
    }
  }

  /** The picked set, null when nothing offered could gate; `prefixes[k]` holds the run items[0..k] when built. */
  result(items: readonly Info[] = [], prefixes: readonly string[][] = []): string[] | null {
    if (this.from < 0) return this.set;
    return this.from === 0 && prefixes[this.to] !== undefined ? prefixes[this.to]! : runStrings(items, this.from, this.to);
  }
}

/** The best required set of a node: its exact strings count too. */
function best(info: Info): string[] | null {
  const pick = new Pick();
  pick.offer(info.required);
  pick.offer(info.exact);
  return pick.result();
}

/** `best`, with the node's gate set offered last (of equally good sets, `best`'s stands). */
function bestGate(info: Info): string[] | null {
  if (info.gate === undefined) return best(info);
  const pick = new Pick();
  pick.offer(info.required);
  pick.offer(info.exact);
  pick.offer(info.gate);
  return pick.result();
}

/** The set `best` would not pick, or undefined: what a node keeps as its `gate`. */
function improved(pick: Pick, required: string[] | null): string[] | undefined {
  const set = pick.result();
  return set === required ? undefined : set ?? undefined;
}

/** [''], the prefix or suffix every string has: what is known when nothing is. */
const ANY_END: readonly string[] = [''];

/** A prefix or suffix set worth keeping on a node, or undefined: a set holding "" tells nothing. */
function telling(set: readonly string[] | undefined): string[] | undefined {
  return set === undefined || set.includes('') ? undefined : [...set];
}

/** Strings one of which every match of the node starts with. */
function prefixOf(info: Info): readonly string[] {
  return info.exact ?? info.prefix ?? ANY_END;
}

/** Strings one of which every match of the node ends with. */
function suffixOf(info: Info): readonly string[] {
  return info.exact ?? info.suffix ?? ANY_END;
}

/**
 * What every match of items[from..] starts with: the exact strings of its leading exact items,
 * then the prefixes of the first other one. Stops where the set would grow past MAX_SET (what is
 * known so far still starts every match).
 */
function prefixRun(items: readonly Info[], from: number): readonly string[] {
  let run: readonly string[] = ANY_END;
  for (let k = from; k < items.length; k++) {
    const next = product(run, prefixOf(items[k]!));
    if (next === null) break;
    run = next;
    if (items[k]!.exact === null) break;
  }
  return run;
}

/** What every match of items[..to] ends with: `prefixRun` read from the other end. */
function suffixRun(items: readonly Info[], to: number): readonly string[] {
  let run: readonly string[] = ANY_END;
  for (let k = to; k >= 0; k--) {
    const next = product(suffixOf(items[k]!), run);
    if (next === null) break;
    run = next;
    if (items[k]!.exact === null) break;
  }
  return run;
}

/**
 * Where a match of one part ends and a match of the next starts, one of left × right occurs.
 * When that product is too big, the left strings are cut to their last characters (or else the
 * right ones to their first): any end of a suffix is still a suffix.
 */
function join(left: readonly string[], right: readonly string[]): string[] | null {
  const whole = product(left, right);
  if (whole !== null) return whole;
  for (let keep = maxLength(left) - 1; keep >= 1; keep--) {
    const cut = product(dedupe(left.map((s) => s.slice(-keep))), right);
    if (cut !== null) return cut;
  }
  for (let keep = maxLength(right) - 1; keep >= 1; keep--) {
    const cut = product(left, dedupe(right.map((s) => s.slice(0, keep))));
    if (cut !== null) return cut;
  }
  return null;
}

function maxLength(set: readonly string[]): number {
  let max = 0;
  for (let k = 0; k < set.length; k++) if (set[k]!.length > max) max = set[k]!.length;
  return max;
}

/** Strings from different branches, each once, or undefined past `limit` (also when any branch has none). */
function union(sets: ReadonlyArray<readonly string[] | null>, limit: number): string[] | undefined {
  const out = new Set<string>();
  for (const set of sets) {
    if (set === null) return undefined;
    for (let k = 0; k < set.length; k++) out.add(set[k]!);
    if (out.size > limit) return undefined;
  }
  return [...out];
}

function dedupe(set: readonly string[]): string[] {
  return [...new Set(set)];
}

/** Do all strings of a set have one length? Then appending to or after them cannot collide. */
function uniformLength(set: readonly string[]): boolean {
  for (let k = 1; k < set.length; k++) if (set[k]!.length !== set[0]!.length) return false;
  return true;
}

/**
 * Every x + y, in x-major order, without repeats. Sets are kept free of repeats, and when one
 * side's strings all have one length, x + y = x' + y' forces x = x' and y = y': the products are
 * already distinct and in that order, so the Set (which would also flatten every concatenated
 * string to hash it) is skipped.
 */
function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  // Most products are of one string by one string (the letters of a literal word); indexed
  // loops, because cold code runs in the interpreter, where for…of goes through iterators.
  if (a.length === 1 && b.length === 1) return [a[0]! + b[0]!];
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) for (let k = 0; k < b.length; k++) out.push(a[i]! + b[k]!);
  return uniformLength(a) || uniformLength(b) ? out : dedupe(out);
}

/** The cross product of the exact sets of items[from..to], which must all be known and small enough. */
function runStrings(items: readonly Info[], from: number, to: number): string[] {
  let run = items[from]!.exact!;
  for (let k = from + 1; k <= to; k++) run = product(run, items[k]!.exact!)!;
  return run;
}

/**
 * A sequence of items that each match one string (a literal word, letter by letter) matches
 * their concatenation, and that string is also its best required set: every candidate holds one
 * string, so the longest wins, and a candidate as long as the whole is the whole (an item's
 * required strings are substrings of its one string). Most sequences are such words, in the
 * alternations of the insult packs.
 */
function literalSequence(items: readonly Info[]): Info | null {
  let text = '';
  for (let k = 0; k < items.length; k++) {
    const e = items[k]!.exact;
    if (e === null || e.length !== 1) return null;
    text += e[0]!;
  }
  return { exact: [text], required: text.length > 0 ? [text] : null, reach: sumReach(items) };
}

function sequence(items: readonly Info[]): Info {
  const info = sequenceInfo(items);
  if (items[0]?.anchored) info.anchored = true;
  // Nothing is left to read after an item that ends where the text does: the sequence ends there too.
  if (items.some((item) => item.endAnchored)) info.endAnchored = true;
  return info;
}

/** What `sequence` says of its items but whether they are anchored, in a new Info. */
function sequenceInfo(items: readonly Info[]): Info {
  const literal = literalSequence(items);
  if (literal !== null) return literal;
  // The first best among: each item's required and exact sets in order, then every run of two
  // or more adjacent exact items (by start, then end), whose cross product is a substring of
  // every match.
  const required = new Pick();
  for (let k = 0; k < items.length; k++) {
    required.offer(items[k]!.required);
    required.offer(items[k]!.exact);
  }
  // A run is scored without building its strings: the shortest is the sum of the items'
  // shortest, and the count is the product of the items' counts as long as every step appended
  // to or after strings of one length (see `product`). Only a step that may collide builds the
  // run's strings to count them, and only the run picked is built at the end. Building every
  // run made this quadratic in strings and arrays for each literal word of an alternation, and
  // was most of the prefilter's share of cold start.
  const n = items.length;
  const sizes = new Array<number>(n);
  const mins = new Array<number>(n);
  const uniform = new Array<boolean>(n);
  for (let k = 0; k < n; k++) {
    const e = items[k]!.exact;
    sizes[k] = e === null ? -1 : e.length;
    mins[k] = e === null ? 0 : minLength(e);
    uniform[k] = e === null || uniformLength(e);
  }
  // The runs starting at the first item are the prefixes of the sequence's own exact set, built
  // anyway: prefixes[k] is the cross product of items[0..k], as long as it stays small enough.
  const prefixes: string[][] = [];
  let exact: string[] | null = [''];
  for (let k = 0; k < items.length; k++) {
    const next = items[k]!.exact;
    exact = exact === null || next === null ? null : product(exact, next);
    if (exact === null) break;
    prefixes.push(exact);
  }
  for (let i = 0; i < n; i++) {
    if (sizes[i]! < 0) continue;
    // After an item of one string s, the run (i - 1, j) holds s + x for each x of the run (i, j):
    // as many strings, none shorter, and offered earlier, so (i, j) can never win. This leaves
    // one start per literal word instead of one per letter.
    if (i > 0 && sizes[i - 1] === 1) continue;
    let count = sizes[i]!;
    let min = mins[i]!;
    let runUniform = uniform[i]!;
    let strings: string[] | null = null;
    for (let j = i + 1; j < n; j++) {
      const size = sizes[j]!;
      if (size < 0 || count * size > MAX_SET) break;
      if (i === 0) count = prefixes[j]!.length;
      else if (strings !== null || !(runUniform || uniform[j]!)) {
        strings = product(strings ?? runStrings(items, i, j - 1), items[j]!.exact!)!;
        count = strings.length;
      } else count *= size;
      min += mins[j]!;
      runUniform &&= uniform[j]!;
      required.offerRun(count, min, i, j);
    }
  }
  const info: Info = { exact, required: required.result(items, prefixes), items, reach: sumReach(items) };
  if (exact === null) withEnds(info, items);
  return info;
}

/**
 * A sequence's prefix and suffix, and its gate: besides what `required` weighs, the items' own
 * gates and, at each step into or out of an item whose strings are not all known, the ends of
 * what comes before joined to the starts of what comes after ("\bw{1,3}\." holds "w.", not
 * just "w").
 */
function withEnds(info: Info, items: readonly Info[]): void {
  const n = items.length;
  const prefix = telling(prefixRun(items, 0));
  const suffix = telling(suffixRun(items, n - 1));
  if (prefix !== undefined) info.prefix = prefix;
  if (suffix !== undefined) info.suffix = suffix;
  const gate = new Pick();
  gate.offer(info.required);
  for (let k = 0; k < n; k++) if (items[k]!.gate !== undefined) gate.offer(items[k]!.gate!);
  for (let k = 0; k + 1 < n; k++) {
    // Between two exact items the run is one of `required`'s candidates already.
    if (items[k]!.exact !== null && items[k + 1]!.exact !== null) continue;
    gate.offer(join(suffixRun(items, k), prefixRun(items, k + 1)));
  }
  const better = improved(gate, info.required);
  if (better !== undefined) info.gate = better;
}

function alternation(branches: readonly Info[]): Info {
  // Sets that only grow: first occurrences in branch order, as deduplicating the concatenation
  // after each branch would give, without copying the union once per branch.
  let exact: Set<string> | null = new Set();
  let required: Set<string> | null = new Set();
  let reach = 0;
  for (const b of branches) {
    reach = Math.max(reach, b.reach);
    if (exact !== null) {
      if (b.exact === null) exact = null;
      else {
        for (let k = 0; k < b.exact.length; k++) exact.add(b.exact[k]!);
        if (exact.size > MAX_SET) exact = null;
      }
    }
    if (required !== null) {
      const r = best(b);
      if (r === null) required = null;
      else {
        for (let k = 0; k < r.length; k++) required.add(r[k]!);
        if (required.size > MAX_REQUIRED) required = null;
      }
    }
  }
  const requiredSet = required === null ? null : [...required];
  const pick = new Pick();
  pick.offer(requiredSet);
  const info: Info = { exact: exact === null ? null : [...exact], required: pick.result(), reach };
  if (info.exact === null) alternationEnds(info, branches);
  if (branches.every((b) => b.anchored)) info.anchored = true;
  if (branches.every((b) => b.endAnchored)) info.endAnchored = true;
  return info;
}

/** An alternation's prefixes and suffixes are its branches', and its gate their gates (when one has one). */
function alternationEnds(info: Info, branches: readonly Info[]): void {
  const prefix = telling(union(branches.map(prefixOf), MAX_SET));
  const suffix = telling(union(branches.map(suffixOf), MAX_SET));
  if (prefix !== undefined) info.prefix = prefix;
  if (suffix !== undefined) info.suffix = suffix;
  if (!branches.some((b) => b.gate !== undefined)) return;
  const gate = new Pick();
  gate.offer(info.required);
  gate.offer(union(branches.map(bestGate), MAX_REQUIRED) ?? null);
  const better = improved(gate, info.required);
  if (better !== undefined) info.gate = better;
}

function quantified(info: Info, min: number, max: number): Info {
  if (min === 0) {
    // Optional: "" joins the exact set for "?", anything longer is not tracked.
    const reach = repeated(info.reach, max);
    return max === 1 && info.exact !== null ? { exact: dedupe(['', ...info.exact]), required: null, reach } : { exact: null, required: null, reach };
  }
  // One or more repeats: every match holds one repeat, so what one requires.
  const items = info.items !== undefined ? { items: info.items } : {};
  if (min === 1 && max === 1) return { exact: info.exact, required: best(info), ...items, reach: info.reach };
  // Every match starts and ends as one repeat does.
  const out: Info = { exact: null, required: best(info), ...items, reach: repeated(info.reach, max) };
  const prefix = telling(prefixOf(info));
  const suffix = telling(suffixOf(info));
  if (prefix !== undefined) out.prefix = prefix;
  if (suffix !== undefined) out.suffix = suffix;
  const gate = bestGate(info);
  if (gate !== out.required && gate !== null) out.gate = gate;
  return out;
}

/** Reads a regex source written for the `u` flag. */
class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported();
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : alternation(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantifier(atom));
    }
    return sequence(items);
  }

  private quantifier(atom: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) throw new Unsupported();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same strings
    return quantified(atom, min, max);
  }

  private atom(): Info {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^') return START;
    if (c === '$') return END;
    if (c === '.') return ANY;
    if ('*+?{}]'.includes(c)) throw new Unsupported();
    // A literal code point: an astral one is a single atom under the `u` flag.
    const cp = this.src.codePointAt(this.i - 1)!;
    if (cp > 0xffff) this.i++;
    return { exact: [String.fromCodePoint(cp)], required: null, reach: cp > 0xffff ? 2 : 1 };
  }

  private group(): Info {
    const rest = this.src.slice(this.i);
    let lookaround = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) [this.i, lookaround] = [this.i + 3, true];
    else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) [this.i, lookaround] = [this.i + 4, true];
    else if (/^\(\?<[A-Za-z_$][\w$]*>/.test(rest)) this.i += rest.indexOf('>') + 1;
    else if (rest.startsWith('(?')) throw new Unsupported();
    else this.i += 1;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unsupported();
    this.i++;
    // A lookaround consumes nothing: what it asserts need not be part of the match. It reads
    // as far as a match of what it asserts would.
    return lookaround ? { ...EMPTY, reach: inner.reach } : inner;
  }

  /** One escaped character outside a class, or a shorthand class / assertion. */
  private escape(): Info {
    const n = this.src[this.i + 1];
    if (n === undefined) throw new Unsupported();
    if (n === 'b' || n === 'B') {
      this.i += 2;
      return EMPTY;
    }
    if ('dDwWsS'.includes(n)) {
      this.i += 2;
      return ANY;
    }
    if (n === 'p' || n === 'P') {
      const close = this.src.indexOf('}', this.i);
      if (this.src[this.i + 2] !== '{' || close < 0) throw new Unsupported();
      this.i = close + 1;
      return ANY;
    }
    const ch = this.escapedChar();
    return { exact: [ch], required: null, reach: ch.length };
  }

  /** The character an escape such as \n, \x41, \u00a9, \u{1F600} or \. stands for; moves past it. */
  private escapedChar(): string {
    const read = escapedChar(this.src, this.i);
    if (read === null) throw new Unsupported();
    this.i = read.end;
    return read.char;
  }

  /** A small positive class of plain characters is a set of one-character strings; anything else is any character. */
  private charClass(): Info {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const members = new Set<string>();
    let plain = !negated;
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Unsupported();
      const lo = this.classMember();
      if (lo === null) {
        plain = false;
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']') {
        this.i++;
        const hi = this.classMember();
        if (hi === null) throw new Unsupported();
        const a = lo.codePointAt(0)!;
        const b = hi.codePointAt(0)!;
        if (b - a >= MAX_CLASS) plain = false;
        else for (let cp = a; cp <= b; cp++) members.add(String.fromCodePoint(cp));
      } else members.add(lo);
    }
    this.i++;
    if (!plain || members.size === 0 || members.size > MAX_CLASS) return ANY;
    return { exact: [...members], required: null, reach: maxLength([...members]) };
  }

  /** One class member: a character, or null for a shorthand (\d, \p{…}) that stands for many. */
  private classMember(): string | null {
    const c = this.src[this.i]!;
    if (c !== '\\') {
      const cp = this.src.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return String.fromCodePoint(cp);
    }
    const n = this.src[this.i + 1];
    if (n === undefined) throw new Unsupported();
    if ('dDwWsS'.includes(n)) {
      this.i += 2;
      return null;
    }
    if (n === 'p' || n === 'P') {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) throw new Unsupported();
      this.i = close + 1;
      return null;
    }
    if (n === 'b') {
      this.i += 2;
      return '\b';
    }
    return this.escapedChar();
  }
}

/**
 * Strings one of which every match of `source` (a pattern compiled with the `gu` flags)
 * contains, or undefined when no useful set can be read off. Sorted and deduplicated.
 */
export function requiredLiterals(source: string): string[] | undefined {
  return readLiterals(source, best);
}

function readLiterals(source: string, pick: (info: Info) => string[] | null): string[] | undefined {
  const info = parse(source);
  if (info === undefined) return undefined;
  const set = pick(info);
  return set === null ? undefined : minimal(set);
}

/** A set without the strings that hold another member (wherever one occurs, so does the other), sorted. */
function minimal(set: readonly string[]): string[] {
  return set.filter((s) => !set.some((t) => t !== s && s.includes(t))).sort();
}

function parse(source: string): Info | undefined {
  try {
    return new Reader(source).parse();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/**
 * `requiredLiterals`, sharpened where a repeat or an alternation meets what follows it: the gate
 * the rule patterns run behind. "\bw{1,3}\." gives "w." instead of "w", and
 * "(f{1,2}uck|…)( off| u)" gives "ck u", "ck off", … instead of " u", "off": fewer strings found in a
 * comment, fewer regexes run. Never a worse set than `requiredLiterals` by the same measure
 * (an equally good one leaves its answer).
 */
export function gateLiterals(source: string): string[] | undefined {
  return readLiterals(source, bestGate);
}

/** At most this many sets gate one pattern (a bit each in the gate's masks: 8 at most, see `compileGate`). */
const MAX_PARTS = 3;
/**
 * A part besides the first may hold at most this many characters, about the nodes it adds to the
 * term automaton (~17,000 for the bundled packs), which cold start pays for: " contempt" |
 * " disdain" | … (50) or "$", not the 33 group names before " lives ".
 */
const PART_CHARS = 64;

/** The characters of a set's strings: what it adds to the automaton, at most. */
function charsOf(set: readonly string[]): number {
  let chars = 0;
  for (let k = 0; k < set.length; k++) chars += set[k]!.length;
  return chars;
}

/**
 * What the items of a node's sequence require, each set on its own (see `Info.items`): each
 * item's best set, and the parts of its own sequence; of them, those `keep` accepts, pushed to
 * `parts`.
 */
function partsOf(info: Info, keep: (set: readonly string[]) => boolean, parts: string[][]): string[][] {
  const items = info.items;
  if (items === undefined) return parts;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    // Most items are the letters of a word: one string, which bestGate would return.
    const set = item.exact?.length === 1 ? item.exact : bestGate(item);
    if (set !== null && keep(set)) parts.push(set);
    partsOf(item, keep, parts);
  }
  return parts;
}

/**
 * May a gate look for a set besides its first one? Strings all rare enough, findable and not
 * empty, few enough (PART_CHARS).
 */
function eligible(set: readonly string[]): boolean {
  if (set.length === 0 || charsOf(set) > PART_CHARS) return false;
  for (let k = 0; k < set.length; k++) if (set[k] === '' || !rareEnough(set[k]!) || !findable(set[k]!)) return false;
  return true;
}

/**
 * Is a string rare enough in comments that a gate may look for it besides its first set?
 * SELECTIVE_LENGTH characters or more, or a symbol prose seldom uses ("$", "©", "|"): a set
 * holding "for", "a" or "." would only report hits at every other word.
 */
function rareEnough(s: string): boolean {
  return s.length >= SELECTIVE_LENGTH || /[^a-z0-9\s.,;:!?'"()\-]/.test(s);
}

/** Does every string of `b` hold one of `a`? Then wherever `b` has an occurrence, `a` has one too. */
function implies(b: readonly string[], a: readonly string[]): boolean {
  return b.every((s) => a.some((t) => s.includes(t)));
}

/**
 * Every set of strings the reader knows each match of `source` to hold one of, each on its own:
 * `gateLiterals`' set first, then what the items of the pattern's sequence require ("\b(?:i|we)
 * … (?:have|feel) (?:… contempt|…)": " have " | " feel ", and " contempt" | …). Sorted and
 * deduplicated like `gateLiterals`, none empty or holding "". Undefined when `gateLiterals` is.
 * `gateParts` chooses among those `eligible`.
 */
export function candidateParts(source: string): string[][] | undefined {
  const info = parse(source);
  return info === undefined ? undefined : candidatesOf(info, (set) => set.length > 0 && !set.includes(''));
}

function candidatesOf(info: Info, keep: (set: readonly string[]) => boolean): string[][] | undefined {
  const first = bestGate(info);
  return first === null ? undefined : [first, ...partsOf(info, keep, [])].map(minimal);
}

/**
 * The sets the pattern gate looks for: every match of `source` holds a string of each, so a text
 * that lacks any one of them cannot match. Of `candidateParts`, the first and those `eligible`,
 * less any set another one implies, the MAX_PARTS best by `Pick`'s measure. A long text often
 * holds the first set and lacks another one: " have " is in most 5 KB comments, " contempt" in
 * few. An anchored pattern is tried at the text's start only, which costs less than looking for
 * more strings: its first set alone. Undefined when `gateLiterals` is, or when the automaton
 * cannot find its first set (`readPattern`).
 */
export function gateParts(source: string): string[][] | undefined {
  return readPattern(source).gate?.parts;
}

/** What the pattern gate knows of a pattern: its parts (`gateParts`) and its reach. */
export interface GateInfo {
  parts: string[][];
  /**
   * Every match starts where the text does (see `Info.anchored`): a gate string can then only be
   * part of a match when it ends within `reach` of the text's start.
   */
  anchored: boolean;
  /**
   * How far past where a match starts the regex may read, in UTF-16 code units (Infinity when
   * unbounded): its longest match, and any lookahead past its end. A match holding a gate string
   * that ends at `end` then starts at or after `end - reach`.
   */
  reach: number;
}

/** What compileRules reads off a pattern's source, in one reading of it. */
export interface PatternRead {
  /**
   * `gateParts` and the pattern's reach; undefined when `gateParts` is, or when its first set
   * holds a string the term automaton cannot find (see `findable`).
   */
  gate: GateInfo | undefined;
  /**
   * The longest text in which the pattern can match at all, in UTF-16 code units: its reach when
   * every match starts where the text does and ends where it does ("^\s{0,3}(\+1|[a-z])\s{0,3}$"),
   * else Infinity (also when the reader does not know the pattern). Such a pattern was run on
   * every comment, ungated, to fail at once: ~100 ns a comment.
   */
  maxText: number;
}

/**
 * The gate and the text limit of a pattern, from one parse: compileRules needs both for every
 * pattern, and parsing it twice was ~5 % of createModerator's CPU (cold start).
 */
export function readPattern(source: string): PatternRead {
  const info = parse(source);
  return { gate: gateOf(info), maxText: info !== undefined && info.anchored && info.endAnchored ? info.reach : Infinity };
}

function gateOf(info: Info | undefined): GateInfo | undefined {
  const all = info === undefined ? undefined : candidatesOf(info, eligible);
  if (all === undefined || !all[0]!.every(findable)) return undefined;
  return { parts: info!.anchored ? [all[0]!] : chooseParts(all), reach: info!.reach, anchored: info!.anchored === true };
}

/**
 * Can the term automaton find the string? It reads text by code unit and keys its edges by code
 * point, so a string with an astral character (a surrogate pair) is never reported: a gate on
 * one would never let its pattern run.
 */
function findable(s: string): boolean {
  return !/[\uD800-\uDFFF]/.test(s);
}

/** `gateParts` out of the candidates, the first of them first (see there). */
function chooseParts(all: readonly string[][]): string[][] {
  const candidates = [all[0]!];
  const seen = new Set([all[0]!.join('\u0000')]);
  for (const set of all.slice(1)) {
    const key = set.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(set);
  }
  // Of two sets one of which implies the other, the one implied adds nothing to the gate.
  const kept = candidates.filter((a) => !candidates.some((b) => b !== a && implies(b, a)));
  const parts: string[][] = [];
  while (parts.length < MAX_PARTS) {
    const pick = new Pick();
    for (const set of kept) if (!parts.includes(set)) pick.offer(set);
    const best = pick.result();
    if (best === null) break;
    parts.push(best);
  }
  return parts;
}

/**
 * Every pattern's gate strings, each once, with the parts they stand in: `codes[i]` lists
 * `k * 8 + j` for string i being in part j of pattern k (`gates[k]`, from `readPattern`; undefined
 * leaves pattern k ungated). `full[k]` has bit j set for each part j of pattern k. The strings
 * are searched by the term automaton (see PatternGate).
 */
export function compileGate(gates: readonly (GateInfo | undefined)[]): PatternGate {
  const strings: string[] = [];
  const codes: number[][] = [];
  const full: number[] = [];
  const reach: number[] = [];
  const until: number[] = [];
  const index = new Map<string, number>();
  gates.forEach((gate, k) => {
    full.push(gate === undefined ? 0 : (1 << gate.parts.length) - 1);
    reach.push(gate === undefined ? Infinity : gate.reach);
    until.push(gate === undefined || !gate.anchored ? Infinity : gate.reach);
    gate?.parts.forEach((set, j) => {
      for (const s of set) {
        let i = index.get(s);
        if (i === undefined) {
          i = strings.length;
          index.set(s, i);
          strings.push(s);
          codes.push([]);
        }
        codes[i]!.push(k * 8 + j);
      }
    });
  });
  return { strings, codes, full, reach, until };
}
