/**
 * The prefilter reader as it was before its cold-start rework (commit a74a6cc), kept verbatim
 * as the reference the differential test compares src/engine/prefilter.ts against: the rework
 * must give exactly the same required sets, order of ties included, for every pattern.
 * Test-only; nothing in src/ imports it.
 */

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
}

class Unsupported extends Error {}

const ANY: Info = { exact: null, required: null };
const EMPTY: Info = { exact: [''], required: null };

/** Strings this long are rare enough in comments; longer ones only grow the gate's automaton. */
const SELECTIVE_LENGTH = 5;

/**
 * How selective a required set is, as [shortest string up to SELECTIVE_LENGTH, fewer strings,
 * shortest string]; higher is better, and null for a set that cannot gate (empty, too big, or
 * holding "").
 */
function score(set: readonly string[] | null): [number, number, number] | null {
  if (set === null || set.length === 0 || set.length > MAX_REQUIRED) return null;
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min === 0 ? null : [Math.min(min, SELECTIVE_LENGTH), -set.length, min];
}

function better(a: string[] | null, b: string[] | null): string[] | null {
  const sa = score(a);
  const sb = score(b);
  if (sb === null) return sa === null ? null : a;
  if (sa === null) return b;
  for (let k = 0; k < sa.length; k++) if (sa[k] !== sb[k]) return sb[k]! > sa[k]! ? b : a;
  return a;
}

/** The best required set of a node: its exact strings count too. */
function best(info: Info): string[] | null {
  return better(info.required, info.exact);
}

function dedupe(set: readonly string[]): string[] {
  return [...new Set(set)];
}

function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return dedupe(out);
}

function sequence(items: readonly Info[]): Info {
  let required: string[] | null = null;
  for (const item of items) required = better(required, best(item));
  // Runs of adjacent exact nodes: their cross product is a substring of every match.
  for (let i = 0; i < items.length; i++) {
    let run: string[] | null = items[i]!.exact;
    for (let j = i + 1; j < items.length && run !== null; j++) {
      const next = items[j]!.exact;
      run = next === null ? null : product(run, next);
      if (run !== null) required = better(required, run);
    }
  }
  let exact: string[] | null = [''];
  for (const item of items) {
    exact = exact === null || item.exact === null ? null : product(exact, item.exact);
    if (exact === null) break;
  }
  return { exact, required: score(required) !== null ? required : null };
}

function alternation(branches: readonly Info[]): Info {
  let exact: string[] | null = [];
  let required: string[] | null = [];
  for (const b of branches) {
    exact = exact === null || b.exact === null ? null : dedupe([...exact, ...b.exact]);
    if (exact !== null && exact.length > MAX_SET) exact = null;
    const r = best(b);
    required = required === null || r === null ? null : dedupe([...required, ...r]);
    if (required !== null && required.length > MAX_REQUIRED) required = null;
  }
  return { exact, required: score(required) !== null ? required : null };
}

function quantified(info: Info, min: number, max: number): Info {
  if (min === 0) {
    // Optional: "" joins the exact set for "?", anything longer is not tracked.
    return max === 1 && info.exact !== null ? { exact: dedupe(['', ...info.exact]), required: null } : ANY;
  }
  return { exact: min === 1 && max === 1 ? info.exact : null, required: best(info) };
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
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    if ('*+?{}]'.includes(c)) throw new Unsupported();
    // A literal code point: an astral one is a single atom under the `u` flag.
    const cp = this.src.codePointAt(this.i - 1)!;
    if (cp > 0xffff) this.i++;
    return { exact: [String.fromCodePoint(cp)], required: null };
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
    // A lookaround consumes nothing: what it asserts need not be part of the match.
    return lookaround ? EMPTY : inner;
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
    return { exact: [ch], required: null };
  }

  /** The character an escape such as \n, \x41, \u00a9, \u{1F600} or \. stands for; moves past it. */
  private escapedChar(): string {
    const n = this.src[this.i + 1]!;
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    if (simple[n] !== undefined) {
      this.i += 2;
      return simple[n];
    }
    if (n === '0' && !/[0-9]/.test(this.src[this.i + 2] ?? '')) {
      this.i += 2;
      return '\0';
    }
    if (n === 'x') return this.hex(2, 2);
    if (n === 'u') {
      if (this.src[this.i + 2] === '{') {
        const close = this.src.indexOf('}', this.i);
        if (close < 0) throw new Unsupported();
        const cp = parseInt(this.src.slice(this.i + 3, close), 16);
        if (!Number.isFinite(cp)) throw new Unsupported();
        this.i = close + 1;
        return String.fromCodePoint(cp);
      }
      return this.hex(4, 2);
    }
    // Under the `u` flag only syntax characters (and "-" in classes) may be escaped literally.
    if ('^$\\.*+?()[]{}|/-'.includes(n)) {
      this.i += 2;
      return n;
    }
    throw new Unsupported();
  }

  private hex(digits: number, prefix: number): string {
    const h = this.src.slice(this.i + prefix, this.i + prefix + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(h)) throw new Unsupported();
    const code = parseInt(h, 16);
    // Under the `u` flag an escaped surrogate pair is one code point: not read here.
    if (code >= 0xd800 && code <= 0xdfff) throw new Unsupported();
    this.i += prefix + digits;
    return String.fromCharCode(code);
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
    return { exact: [...members], required: null };
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
export function referenceRequiredLiterals(source: string): string[] | undefined {
  let info: Info;
  try {
    info = new Reader(source).parse();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const set = best(info);
  if (set === null) return undefined;
  // A string that holds another member adds nothing: wherever it occurs, so does the other.
  return set.filter((s) => !set.some((t) => t !== s && s.includes(t))).sort();
}
