import { isLetterCode, isTokenCode, STOPWORDS, stem, tokenize, TOKEN_MAX_LENGTH } from '../text/tokens.js';
import { HASH_START, hashOf, hashOfRange, hashStep } from '../text/hash.js';
import { isSurrogate } from '../text/unicodeClass.js';
import type { WordSpans } from '../text/wordSpans.js';
import { LABELS, type Label, type Match } from '../types.js';
import type { ModelFile } from './format.js';

/**
 * A loaded model, ready to score: log-likelihood ratios per feature precomputed once, looked up
 * in a Map, so scoring a comment costs one lookup per feature — no vocabulary-sized vectors.
 */
export interface LoadedModel {
  readonly file: ModelFile;
  /** feature → index */
  readonly index: ReadonlyMap<string, number>;
  /** Per label: log P(f|pos) - log P(f|neg) for present features, and the sum over all features of log P(¬f|·) terms folded into `base`. */
  readonly weights: Readonly<Record<Label, Float64Array>>;
  readonly base: Readonly<Record<Label, number>>;
}

export interface LabelScore {
  /** Raw naive-Bayes log-odds (uncalibrated; the combiner calibrates). */
  logOdds: number;
  /** Features that pushed hardest towards the label, strongest first. */
  top: string[];
}

/**
 * Bernoulli-style presence features scored as multinomial naive Bayes over the features a
 * comment has: log P(pos|x) - log P(neg|x) = prior log-odds + sum of per-feature log ratios.
 * Unseen features are skipped (they carry no evidence either way).
 */
export function loadModel(file: ModelFile): LoadedModel {
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  const weights = {} as Record<Label, Float64Array>;
  const base = {} as Record<Label, number>;
  const v = file.features.length;
  for (const label of LABELS) {
    const stats = file.labels[label];
    const pos = stats.docs;
    const neg = file.docs - stats.docs;
    let posTotal = 0;
    let negTotal = 0;
    for (let i = 0; i < v; i++) {
      posTotal += stats.counts[i]!;
      negTotal += file.df[i]! - stats.counts[i]!;
    }
    const w = new Float64Array(v);
    const posDen = Math.log(posTotal + file.alpha * v);
    const negDen = Math.log(negTotal + file.alpha * v);
    for (let i = 0; i < v; i++) {
      const cp = stats.counts[i]!;
      const cn = file.df[i]! - cp;
      w[i] = Math.log(cp + file.alpha) - posDen - (Math.log(cn + file.alpha) - negDen);
    }
    weights[label] = w;
    base[label] = Math.log((pos + 1) / (neg + 1));
  }
  return { file, index, weights, base };
}

const MIN_EVIDENCE = 6;

/**
 * 1 / (1 + e^-x), computed on the side where the exponential cannot overflow. Below zero
 * e^x is computed once and read twice: TurboFan did not merge the two Math.exp calls of
 * `Math.exp(x) / (1 + Math.exp(x))` (measured 37-49 ns against 25 ns per call), and most of a
 * comment's four labels are below zero. The same double either way.
 */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The combiner's calibrated probability from its signals. */
export function combine(model: LoadedModel, label: Label, signals: ArrayLike<number>): number {
  const c = model.file.labels[label].combiner;
  let z = c.bias;
  for (let i = 0; i < c.weights.length; i++) z += c.weights[i]! * signals[i]!;
  return sigmoid(z);
}

/**
 * Every label's combiner, by label number (LABELS order), in flat rows: label l's weights are
 * weights[l * stride, l * stride + lengths[l]). Moderation combines four labels per comment;
 * `combine` looked each combiner up by label name in the model file first.
 */
export interface Combiners {
  readonly bias: Float64Array;
  readonly weights: Float64Array;
  readonly lengths: Int32Array;
  readonly stride: number;
}

export function combinersOf(model: LoadedModel): Combiners {
  const stride = Math.max(...LABELS.map((l) => model.file.labels[l].combiner.weights.length));
  const weights = new Float64Array(LABELS.length * stride);
  LABELS.forEach((l, i) => weights.set(model.file.labels[l].combiner.weights, i * stride));
  return {
    bias: Float64Array.from(LABELS, (l) => model.file.labels[l].combiner.bias),
    weights,
    lengths: Int32Array.from(LABELS, (l) => model.file.labels[l].combiner.weights.length),
    stride,
  };
}

/** `combine(model, LABELS[label], signals)` from `combinersOf(model)`: the same sum in the same order, so the same double. */
export function combineAt(c: Combiners, label: number, signals: ArrayLike<number>): number {
  let z = c.bias[label]!;
  const at = label * c.stride;
  const n = c.lengths[label]!;
  for (let i = 0; i < n; i++) z += c.weights[at + i]! * signals[i]!;
  return sigmoid(z);
}

/** Raw (uncalibrated) log-odds per label for a feature set. */
export function rawLogOdds(model: LoadedModel, features: Iterable<string>): Record<Label, { value: number; contributions: Array<[string, number]> }> {
  const ids: Array<[string, number]> = [];
  for (const f of features) {
    const i = model.index.get(f);
    if (i !== undefined) ids.push([f, i]);
  }
  const out = {} as Record<Label, { value: number; contributions: Array<[string, number]> }>;
  for (const label of LABELS) {
    const w = model.weights[label];
    let sum = 0;
    for (const [, i] of ids) sum += w[i]!;
    // Naive Bayes adds one log-ratio per feature, so a long comment piles up evidence against
    // every label (the seed comment naming "bejing biden" and "obama-lama-ding-dang" among 150
    // neutral features scored -33). The mean log-ratio keeps long and short comments on one
    // scale; the combiner then learns how much to trust it beside the rule hits. Measured on the
    // test split: macro F1 0.861 with the mean, 0.865 with sum/sqrt(n), but sqrt(n) still
    // misses that seed comment. Below MIN_EVIDENCE features the sum is divided by
    // MIN_EVIDENCE instead, so one word ("lol") cannot speak with the weight of a sentence.
    const value = model.base[label] + sum / Math.max(ids.length, MIN_EVIDENCE);
    // Contributions are only read to explain a verdict: built lazily, not on every call.
    let contributions: Array<[string, number]> | undefined;
    out[label] = {
      value,
      get contributions() {
        contributions ??= ids.map(([f, i]) => [f, w[i]!] as [string, number]);
        return contributions;
      },
    };
  }
  return out;
}

export function scoreFeatures(model: LoadedModel, features: Iterable<string>, explain = 0): Record<Label, LabelScore> {
  const raw = rawLogOdds(model, features);
  const out = {} as Record<Label, LabelScore>;
  for (const label of LABELS) {
    const r = raw[label];
    out[label] = {
      logOdds: r.value,
      // The strongest features are only needed for a reason; sorting them per call was waste.
      get top() {
        if (explain <= 0) return [];
        return r.contributions
          .filter(([, c]) => c > 0)
          .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
          .slice(0, explain)
          .map(([f]) => f);
      },
    };
  }
  return out;
}

/**
 * Lookup tables for scoring a comment straight from its text, built once per model on first
 * use (training builds many short-lived models that never need them). Scoring this way gives
 * the same numbers as `scoreFeatures(model, featuresOf(...))` — the same features, deduplicated,
 * summed in the same order — without building a key string and a Set entry per feature.
 */
interface FastTables {
  /** Per feature, its weight for each label in LABELS order: row i is [4i, 4i + 4). */
  readonly rows: Float64Array;
  /**
   * What the model knows of a stem, by stem: its row in `stemFeatures`, which holds at
   * [3r, 3r + 3) the index of `w:<stem>` and the stem's numbers as the first and as the second
   * stem of a bigram feature (numbers key `bigrams`), each -1 for none. Stems the model has no
   * feature for are not in it. One look-up per new token: it made three before (`w:` + stem, a
   * fresh string, hashed in the model's index; then the first and second stem maps).
   */
  readonly stemRows: ReadonlyMap<string, number>;
  readonly stemFeatures: Int32Array;
  readonly bigrams: BigramTable;
  readonly tokens: TokenTable;
  /**
   * Stems of content words (see `contentStem`), numbered when a scan that wants them (a comment
   * with an article) first meets one; bounded with the token table.
   */
  readonly contentIds: Map<string, number>;
  readonly contentStems: string[];
  /** The stem of the token last described into the scratch row (its row does not keep its letters). */
  scratchStem: string;
  /** Index of `r:<ruleId>`, `l:<label>` and `m:<label>` features. Fixed by the model, so nothing is cached per call. */
  readonly rules: ReadonlyMap<string, number>;
  readonly labels: ReadonlyMap<string, number>;
  readonly mentions: ReadonlyMap<string, number>;
  /**
   * Token row by the rule engine's memo entry of the word (WordSpans `entries`), NO_ROW when not
   * known yet; for memo epoch `entryEpoch` only (entry numbers mean other words in another).
   * Saves the token table's probe and letter comparison for a word the rule engine already found.
   * Entries are hash slots, so this is read at random: 16 bits a row (rows stop at
   * TOKEN_CACHE_LIMIT) keep it at 64 KB for the memo's 32,768 slots.
   */
  entryRows: Uint16Array;
  entryEpoch: number;
  /** Dedup stamps: seen[i] === stamp when feature i was already counted in this call. */
  readonly seen: Uint32Array;
  stamp: number;
}

/**
 * `b:<first>_<second>` feature index by the two stems' numbers (open addressing, linear probing,
 * -1 for an empty slot): a bigram is looked up once per token, and a Map keyed by numbers was
 * still the single most expensive line of the scan.
 */
interface BigramTable {
  /** Slot s is [4s, 4s + 4): first stem, second stem, feature index (-1: empty slot), unused. One slot is one cache line's read (three parallel arrays were three). */
  readonly slots: Int32Array;
  readonly mask: number;
  /**
   * One bit per value of a pair's hash's top bits (`>>> filterShift`), set for the pairs the
   * table holds: most pairs of adjacent words are no bigram feature, and the probe into the
   * slots (64 KB read at random) was the scan's most expensive line. The filter is 8 KB for the
   * bundled model (32 bits per pair, so about 3% of absent pairs still probe).
   */
  readonly filter: Int32Array;
  readonly filterShift: number;
}

/**
 * Tokens seen so far, by a hash of their code units (open addressing, linear probing). The
 * scanner hashes a token while it reads it and compares code units on a hit, so a known token
 * costs neither a sliced string nor V8's string hashing and Map lookup, which was most of the
 * model's time per comment. Everything is in typed arrays, token letters included, so a lookup
 * touches a few dense arrays instead of an object and a string per token. Bounded like the Map
 * it replaced: once full, further new tokens are looked up in the scratch row, uncached.
 */
interface TokenTable {
  /** Entry number + 1 per slot, 0 when empty. */
  slots: Int32Array;
  hashes: Int32Array;
  /** Entry k's letters are chars[offsets[k], offsets[k + 1]). */
  chars: Uint16Array;
  offsets: Int32Array;
  /**
   * Per entry k, at [4k, 4k + 4): index of `w:<stem>` (UNI, -1 none), its stem's number in
   * `seconds` (SECOND) and `firsts` (FIRST) (-1 none), and its stem's number in `contentStems`
   * when the token is a content word, else NO_CONTENT or UNNUMBERED (CONTENT). One entry's
   * features are one cache line's read; in four parallel arrays they were four.
   */
  features: Int32Array;
  size: number;
}

/** At most this many tokens are kept (their rows number below 0xffff: see `entryRows`). */
const TOKEN_CACHE_LIMIT = 50_000;
/** Offsets of a token's features in its TokenTable `features` row. */
const UNI = 0;
const SECOND = 1;
const FIRST = 2;
const CONTENT = 3;
/** The row a token's values go in when the table is full: read at once, overwritten by the next. */
const SCRATCH = TOKEN_CACHE_LIMIT;
const fastTables = new WeakMap<LoadedModel, FastTables>();
/** A token the topic vector skips (shorter than 3 or a stop word), as `topicVector` does. */
const NO_CONTENT = -1;
/** A content word whose stem got no number (the stem table is full): its reader must take the string path. */
export const UNNUMBERED = -2;
/**
 * A content word whose stem is not numbered yet. Numbering every new content word's stem when
 * first met (a Map entry and a string kept per stem) was waste for the many callers who never
 * give an article: it is done when a scan that wants the numbers reads the row (`contentOf`).
 */
const UNDECIDED = -3;

const pairHash = (first: number, second: number): number => Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b);

function tablesOf(model: LoadedModel): FastTables {
  let t = fastTables.get(model);
  if (t !== undefined) return t;
  const v = model.file.features.length;
  const rows = new Float64Array(v * LABELS.length);
  LABELS.forEach((label, l) => {
    const w = model.weights[label];
    for (let i = 0; i < v; i++) rows[i * LABELS.length + l] = w[i]!;
  });
  const firsts = new Map<string, number>();
  const seconds = new Map<string, number>();
  const unigrams = new Map<string, number>();
  const pairs: Array<[number, number, number]> = [];
  const rules = new Map<string, number>();
  const labels = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const [f, i] of model.index) {
    if (f.startsWith('r:')) rules.set(f.slice(2), i);
    else if (f.startsWith('l:')) labels.set(f.slice(2), i);
    else if (f.startsWith('m:')) mentions.set(f.slice(2), i);
    else if (f.startsWith('w:')) unigrams.set(f.slice(2), i);
    if (!f.startsWith('b:')) continue;
    const cut = f.indexOf('_', 2);
    if (cut < 0) continue;
    const prev = f.slice(2, cut);
    const next = f.slice(cut + 1);
    let a = firsts.get(prev);
    if (a === undefined) firsts.set(prev, (a = firsts.size));
    let b = seconds.get(next);
    if (b === undefined) seconds.set(next, (b = seconds.size));
    pairs.push([a, b, i]);
  }
  let size = 16;
  while (size < pairs.length * 2) size *= 2;
  // At least 2^10 bits, so the shift stays below 32 (`>>> 32` would shift by nothing).
  let filterBits = 10;
  while (1 << filterBits < pairs.length * 32 && filterBits < 30) filterBits++;
  const bigrams: BigramTable = { slots: new Int32Array(4 * size), mask: size - 1, filter: new Int32Array((1 << filterBits) >>> 5), filterShift: 32 - filterBits };
  for (let slot = 0; slot < size; slot++) bigrams.slots[4 * slot + 2] = -1;
  for (const [a, b, i] of pairs) {
    const h = pairHash(a, b);
    const bit = h >>> bigrams.filterShift;
    bigrams.filter[bit >>> 5]! |= 1 << (bit & 31);
    let slot = h & bigrams.mask;
    // Each (a, b) comes once: a stem has no '_', so a key splits one way only.
    while (bigrams.slots[4 * slot + 2] !== -1) slot = (slot + 1) & bigrams.mask;
    bigrams.slots[4 * slot] = a;
    bigrams.slots[4 * slot + 1] = b;
    bigrams.slots[4 * slot + 2] = i;
  }
  const stemRows = new Map<string, number>();
  for (const m of [unigrams, firsts, seconds]) for (const stem of m.keys()) if (!stemRows.has(stem)) stemRows.set(stem, stemRows.size);
  const stemFeatures = new Int32Array(3 * stemRows.size).fill(-1);
  for (const [stem, r] of stemRows) {
    stemFeatures[3 * r + UNI] = unigrams.get(stem) ?? -1;
    stemFeatures[3 * r + FIRST] = firsts.get(stem) ?? -1;
    stemFeatures[3 * r + SECOND] = seconds.get(stem) ?? -1;
  }
  const tokens: TokenTable = {
    slots: new Int32Array(1024),
    hashes: new Int32Array(1024),
    chars: new Uint16Array(4096),
    offsets: new Int32Array(513),
    features: new Int32Array(4 * 512),
    size: 0,
  };
  t = {
    rows,
    stemRows,
    stemFeatures,
    bigrams,
    tokens,
    contentIds: new Map(),
    contentStems: [],
    scratchStem: '',
    rules,
    labels,
    mentions,
    entryRows: new Uint16Array(0),
    entryEpoch: -1,
    seen: new Uint32Array(v),
    stamp: 0,
  };
  fastTables.set(model, t);
  return t;
}

function grown<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Fills row `k` of the token table with the features of `token` (its content stem's number left UNDECIDED). */
function describeToken(t: FastTables, k: number, token: string): void {
  const s = stem(token);
  const f = t.tokens.features;
  const at = 4 * k;
  const r = t.stemRows.get(s);
  if (r === undefined) {
    f[at + UNI] = -1;
    f[at + FIRST] = -1;
    f[at + SECOND] = -1;
  } else {
    f[at + UNI] = t.stemFeatures[3 * r + UNI]!;
    f[at + FIRST] = t.stemFeatures[3 * r + FIRST]!;
    f[at + SECOND] = t.stemFeatures[3 * r + SECOND]!;
  }
  f[at + CONTENT] = token.length >= 3 && !STOPWORDS.has(token) ? UNDECIDED : NO_CONTENT;
  if (k === SCRATCH) t.scratchStem = s;
}

/**
 * The content-stem number of token row `k` (whose CONTENT is not NO_CONTENT): numbered on first
 * request (the stem is worked out again from the row's letters, a hit in the stem cache), or
 * UNNUMBERED once the stem table is full.
 */
function contentOf(t: FastTables, k: number): number {
  const f = t.tokens.features;
  const known = f[4 * k + CONTENT]!;
  if (known !== UNDECIDED) return known;
  const table = t.tokens;
  const s = k === SCRATCH ? t.scratchStem : stem(String.fromCharCode(...table.chars.subarray(table.offsets[k]!, table.offsets[k + 1]!)));
  let id = t.contentIds.get(s);
  if (id === undefined) {
    if (t.contentStems.length >= TOKEN_CACHE_LIMIT) id = UNNUMBERED;
    else {
      id = t.contentStems.length;
      t.contentIds.set(s, id);
      t.contentStems.push(s);
    }
  }
  f[4 * k + CONTENT] = id;
  return id;
}

/** The stem a content-word number stands for (numbers from `featureIndicesOfText`'s `content`). */
export function contentStem(model: LoadedModel, id: number): string {
  return tablesOf(model).contentStems[id]!;
}

/**
 * The token table's row for `text.slice(start, end)`, whose hash is `h`, or -1 when the table
 * does not have it yet. Kept apart from `addToken` so the scan inlines this, the path of nearly
 * every token, without the code that grows the table.
 */
function lookupToken(table: TokenTable, text: string, start: number, end: number, h: number): number {
  const len = end - start;
  const { slots, hashes, chars, offsets } = table;
  const mask = slots.length - 1;
  let slot = h & mask;
  for (let k = slots[slot]!; k !== 0; k = slots[slot]!) {
    if (hashes[slot] === h) {
      const from = offsets[k - 1]!;
      if (offsets[k]! - from === len) {
        let j = 0;
        while (j < len && chars[from + j] === text.charCodeAt(start + j)) j++;
        if (j === len) return k - 1;
      }
    }
    slot = (slot + 1) & mask;
  }
  return -1;
}

/** The token table's row for `text.slice(start, end)`, whose hash is `h`; made (and kept, while there is room) on first sight. */
function findToken(t: FastTables, text: string, start: number, end: number, h: number): number {
  const k = lookupToken(t.tokens, text, start, end, h);
  return k >= 0 ? k : addToken(t, text, start, end, h);
}

/** Makes the row of a token `lookupToken` did not find (in the scratch row once the table is full). */
function addToken(t: FastTables, text: string, start: number, end: number, h: number): number {
  const table = t.tokens;
  const len = end - start;
  const { slots, hashes } = table;
  const mask = slots.length - 1;
  // The empty slot lookupToken's probe ended at.
  let slot = h & mask;
  while (slots[slot] !== 0) slot = (slot + 1) & mask;
  const token = text.slice(start, end);
  if (table.size >= TOKEN_CACHE_LIMIT) {
    describeToken(t, SCRATCH, token);
    return SCRATCH;
  }
  const k = table.size++;
  const from = table.offsets[k]!;
  // Per-entry rows have room for the scratch row past the limit.
  const rows = Math.min(table.size + 1, TOKEN_CACHE_LIMIT + 1);
  table.features = grown(table.features, 4 * rows);
  table.offsets = grown(table.offsets, table.size + 1);
  table.chars = grown(table.chars, from + len);
  for (let j = 0; j < len; j++) table.chars[from + j] = text.charCodeAt(start + j);
  table.offsets[k + 1] = from + len;
  describeToken(t, k, token);
  slots[slot] = k + 1;
  hashes[slot] = h;
  // Kept at most half full so probes stay short.
  if (table.size * 2 > slots.length) {
    table.slots = new Int32Array(slots.length * 2);
    table.hashes = new Int32Array(slots.length * 2);
    const m = table.slots.length - 1;
    for (let s = 0; s < slots.length; s++) {
      if (slots[s] === 0) continue;
      let to = hashes[s]! & m;
      while (table.slots[to] !== 0) to = (to + 1) & m;
      table.slots[to] = slots[s]!;
      table.hashes[to] = hashes[s]!;
    }
  }
  return k;
}

/**
 * isLetterCode / isTokenCode for ASCII, as bits of one table read: the scan classifies every
 * code unit of the comment, and nearly all of them are ASCII.
 */
const ASCII_LETTER = 1;
const ASCII_TOKEN = 2;
const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, c) => (isLetterCode(c) ? ASCII_LETTER : 0) | (isTokenCode(c) ? ASCII_TOKEN : 0));

function nextStamp(t: FastTables): number {
  if (++t.stamp === 0xffffffff) {
    t.seen.fill(0);
    t.stamp = 1;
  }
  return t.stamp;
}

/** `b:<first>_<second>` for two stems' numbers, or -1 (also when either is -1: no such bigram). */
function bigramIndex(b: BigramTable, first: number, second: number): number {
  if (first < 0 || second < 0) return -1;
  const h = pairHash(first, second);
  const bit = h >>> b.filterShift;
  if ((b.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
  const slots = b.slots;
  let slot = h & b.mask;
  for (let i = slots[4 * slot + 2]!; i !== -1; i = slots[4 * slot + 2]!) {
    if (slots[4 * slot] === first && slots[4 * slot + 1] === second) return i;
    slot = (slot + 1) & b.mask;
  }
  return -1;
}

/** Appends the indices of the rule features of `matches` (unknown ones skipped, each once) to collector `c`. */
function takeMatches(t: FastTables, c: Collector, matches: readonly Match[]): void {
  for (const m of matches) {
    if (m.mentioned) {
      collect(t, c, t.mentions.get(m.label) ?? -1);
      continue;
    }
    collect(t, c, t.rules.get(m.ruleId) ?? -1);
    collect(t, c, t.labels.get(m.label) ?? -1);
  }
}

/**
 * The model's feature indices for a comment, in the order `featuresOf` would first add them,
 * each once, unknown features skipped. `tokens` is `tokenize(normalized text)`.
 */
export function featureIndices(model: LoadedModel, tokens: readonly string[], matches: readonly Match[], content?: number[]): number[] {
  const t = tablesOf(model);
  const scan = createFeatureScan();
  const c = collector(t, scan, content);
  collectTokenList(t, c, tokens);
  takeMatches(t, c, matches);
  return Array.from(c.ids.subarray(0, c.count));
}

/** Collects each of `tokens` (strings, as `tokenize` gives them) in order. */
function collectTokenList(t: FastTables, c: Collector, tokens: readonly string[]): void {
  for (const token of tokens) collectToken(t, c, findToken(t, token, 0, token.length, hashOf(token)));
}

/**
 * One comment's features and what the model makes of them, in scratch its owner (a moderator)
 * reuses call after call: `featureScanOfWords` / `featureScanOfText` overwrite all of it. The
 * indices are ids[0, count), in the order `featuresOf` first adds them, each once; `logOdds` is
 * what `logOddsInto` gives for them, per label in LABELS order. A scan used to hand back a fresh
 * array grown by push (two or three reallocations per comment) that a second loop then summed.
 */
export interface FeatureScan {
  /** Room for every feature of the model at once (indices are distinct), so it never grows mid-scan. */
  ids: Int32Array;
  count: number;
  readonly logOdds: Float64Array;
}

export const createFeatureScan = (): FeatureScan => ({ ids: new Int32Array(0), count: 0, logOdds: new Float64Array(LABELS.length) });

/** One feature scan's state: where indices go and how many so far, the dedup stamp, the last token's bigram number, where content stems go. */
interface Collector {
  readonly ids: Int32Array;
  count: number;
  readonly stamp: number;
  prevFirst: number;
  readonly content: number[] | undefined;
}

/** A collector writing into `scan` (made big enough for the model's features) with a fresh stamp. */
function collector(t: FastTables, scan: FeatureScan, content: number[] | undefined): Collector {
  if (scan.ids.length < t.seen.length) scan.ids = new Int32Array(t.seen.length);
  return { ids: scan.ids, count: 0, stamp: nextStamp(t), prevFirst: -1, content };
}

/** Appends feature `i` unless it is unknown (-1) or already collected in this scan. */
function collect(t: FastTables, c: Collector, i: number): void {
  if (i >= 0 && t.seen[i] !== c.stamp) {
    t.seen[i] = c.stamp;
    c.ids[c.count++] = i;
  }
}

/** Collects token row `k`: its unigram, its bigram with the token before, its content stem. */
function collectToken(t: FastTables, c: Collector, k: number): void {
  const f = t.tokens.features;
  collect(t, c, f[4 * k + UNI]!);
  collect(t, c, bigramIndex(t.bigrams, c.prevFirst, f[4 * k + SECOND]!));
  c.prevFirst = f[4 * k + FIRST]!;
  if (c.content !== undefined && f[4 * k + CONTENT] !== NO_CONTENT) c.content.push(contentOf(t, k));
}

/**
 * Collects the tokens of text[from, to), as `tokenize` reads them: each token is looked up by
 * the hash built while reading it, and only tokens the table has not seen are sliced out.
 * Returns false at a surrogate, which `tokenize` hands to its regex: the caller starts over.
 */
function collectTokens(t: FastTables, c: Collector, text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const ch = text.charCodeAt(i);
    if (ch < 0x80) {
      if ((ASCII_CLASS[ch]! & ASCII_LETTER) === 0) {
        i++;
        continue;
      }
    } else if (isSurrogate(ch)) return false;
    else if (!isLetterCode(ch)) {
      i++;
      continue;
    }
    const start = i++;
    let h = hashStep(HASH_START, ch);
    // The hash without the last unit, for a token whose trailing apostrophe is dropped.
    let before = h;
    for (; i < to; i++) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if ((ASCII_CLASS[d]! & ASCII_TOKEN) === 0) break;
      } else if (isSurrogate(d)) return false;
      else if (!isTokenCode(d)) break;
      before = h;
      h = hashStep(h, d);
    }
    let end = i;
    if (text.charCodeAt(i - 1) === 39) {
      end = i - 1;
      h = before;
    }
    if (end - start > TOKEN_MAX_LENGTH) continue;
    collectToken(t, c, findToken(t, text, start, end, h));
  }
  return true;
}

/** Ends a scan: its count, and the log-odds of its features summed in their order (as `logOddsInto`). */
function finish(model: LoadedModel, t: FastTables, c: Collector, scan: FeatureScan): FeatureScan {
  scan.count = c.count;
  sumInto(model, t.rows, c.ids, c.count, scan.logOdds);
  return scan;
}

/** Scans with the reference (`featureIndices(tokenize(...))`), for text `tokenize` sends to its regex. */
function referenceScan(model: LoadedModel, t: FastTables, normalized: string, matches: readonly Match[], content: number[] | undefined, scan: FeatureScan): FeatureScan {
  const c = collector(t, scan, content);
  collectTokenList(t, c, tokenize(normalized));
  takeMatches(t, c, matches);
  return finish(model, t, c, scan);
}

/**
 * `featureIndices(model, tokenize(normalized), matches)` and its log-odds in one pass over the
 * text (see `collectTokens`), into `scan`. Text with a surrogate goes the reference way, as
 * `tokenize` sends it to its regex.
 *
 * When `content` is given, it receives, for each token `topicVector` would count (3 or more
 * code units, not a stop word), in order, the number of its stem (`contentStem` gives the
 * stem back) or UNNUMBERED: the topic vector is then built without a string per token.
 */
export function featureScanOfText(model: LoadedModel, normalized: string, matches: readonly Match[], content: number[] | undefined, scan: FeatureScan): FeatureScan {
  const t = tablesOf(model);
  const mark = content?.length ?? 0;
  const c = collector(t, scan, content);
  if (!collectTokens(t, c, normalized, 0, normalized.length)) {
    // A surrogate: start again the reference way (referenceScan takes a fresh stamp).
    if (content !== undefined) content.length = mark;
    return referenceScan(model, t, normalized, matches, content, scan);
  }
  takeMatches(t, c, matches);
  return finish(model, t, c, scan);
}

/** The indices of a scan, as an array. */
const indicesOf = (scan: FeatureScan): number[] => Array.from(scan.ids.subarray(0, scan.count));

/** `featureScanOfText`'s indices, as an array (no log-odds wanted). */
export function featureIndicesOfText(model: LoadedModel, normalized: string, matches: readonly Match[], content?: number[]): number[] {
  return indicesOf(featureScanOfText(model, normalized, matches, content, createFeatureScan()));
}

/** An entry whose token row is not known yet (rows are below TOKEN_CACHE_LIMIT; the scratch row is never cached). */
const NO_ROW = 0xffff;

/** The entry → token row cache for memo epoch `epoch`, emptied when the epoch changed. */
function entryRowsOf(t: FastTables, epoch: number): Uint16Array {
  if (t.entryEpoch !== epoch) {
    t.entryRows.fill(NO_ROW);
    t.entryEpoch = epoch;
  }
  return t.entryRows;
}

/** Caches `row` for memo entry `entry` (growing the cache as entries come); returns the cache. */
function rememberEntry(t: FastTables, entry: number, row: number): Uint16Array {
  if (entry >= t.entryRows.length) {
    let n = Math.max(1024, t.entryRows.length * 2);
    while (n <= entry) n *= 2;
    const rows = new Uint16Array(n).fill(NO_ROW);
    rows.set(t.entryRows);
    t.entryRows = rows;
  }
  t.entryRows[entry] = row;
  return t.entryRows;
}

/**
 * `featureScanOfText(model, words.text, matches, content, scan)` from the rule engine's word
 * spans of that text, without reading its characters again. A word of a–z alone is exactly one
 * token (tokens are runs of letters, digits and apostrophes that start with a letter, and such a
 * word has no word character or joiner on either side), hashed as the token would be: it costs
 * one table look-up, and none once its memo entry's features are cached. The other words
 * (digits, joiners, masks, other scripts) are tokenised within their span. Tokens never reach
 * across a word boundary, except through a run of apostrophes ("it''s" is one token but two
 * words): text holding one goes the character way.
 *
 * The loop over the a–z words keeps the scan's state in locals (not in the collector object) and
 * writes indices into scratch that is never grown. Measured in context (analyze, then the scan,
 * minus analyze alone; CPU time, min of 61 rounds on a loaded machine): 2.58 µs before, 1.93 µs
 * with the packed token rows and bigram slots. Caching the four features per memo entry (16
 * bytes per entry, entries are hash slots: 512 KB read at random) instead of the row number
 * measured no better than before.
 */
export function featureScanOfWords(model: LoadedModel, words: WordSpans, matches: readonly Match[], content: number[] | undefined, scan: FeatureScan): FeatureScan {
  const text = words.text;
  if (text.includes("''")) return featureScanOfText(model, text, matches, content, scan);
  const t = tablesOf(model);
  const mark = content?.length ?? 0;
  const c = collector(t, scan, content);
  const { bounds, entries, mixed } = words;
  const { seen, bigrams } = t;
  const ids = c.ids;
  const stamp = c.stamp;
  let count = 0;
  let prevFirst = -1;
  let byEntry = entryRowsOf(t, words.epoch);
  let nextMixed = 0;
  for (let w = 0; w < entries.length; w++) {
    const start = bounds[2 * w]!;
    const end = bounds[2 * w + 1]!;
    if (nextMixed < mixed.length && mixed[nextMixed] === w) {
      nextMixed++;
      c.count = count;
      c.prevFirst = prevFirst;
      if (collectTokens(t, c, text, start, end)) {
        count = c.count;
        prevFirst = c.prevFirst;
        continue;
      }
      if (content !== undefined) content.length = mark;
      return referenceScan(model, t, text, matches, content, scan);
    }
    if (end - start > TOKEN_MAX_LENGTH) continue;
    const e = entries[w]!;
    let k = e >= 0 && e < byEntry.length ? byEntry[e]! : NO_ROW;
    if (k === NO_ROW) {
      k = findToken(t, text, start, end, hashOfRange(text, start, end));
      // The scratch row is overwritten by the next new token: never cached.
      if (e >= 0 && k !== SCRATCH) byEntry = rememberEntry(t, e, k);
    }
    // Rows are numbered as tokens are first met, so the common words' rows sit close together.
    const f = t.tokens.features;
    const at = 4 * k;
    const uni = f[at + UNI]!;
    const second = f[at + SECOND]!;
    const first = f[at + FIRST]!;
    if (uni >= 0 && seen[uni] !== stamp) {
      seen[uni] = stamp;
      ids[count++] = uni;
    }
    if (prevFirst >= 0 && second >= 0) {
      const i = bigramIndex(bigrams, prevFirst, second);
      if (i >= 0 && seen[i] !== stamp) {
        seen[i] = stamp;
        ids[count++] = i;
      }
    }
    prevFirst = first;
    if (content !== undefined && f[at + CONTENT] !== NO_CONTENT) content.push(contentOf(t, k));
  }
  c.count = count;
  takeMatches(t, c, matches);
  return finish(model, t, c, scan);
}

/** `featureScanOfWords`'s indices, as an array (no log-odds wanted). */
export function featureIndicesOfWords(model: LoadedModel, words: WordSpans, matches: readonly Match[], content?: number[]): number[] {
  return indicesOf(featureScanOfWords(model, words, matches, content, createFeatureScan()));
}

/**
 * The `explain` features of `ids` pushing hardest towards label number `label`, strongest first,
 * ties by name: what sorting all of them and keeping the first `explain` gives (the order is
 * total, as ids are distinct), kept by insertion instead of pairing and sorting them all.
 * Weights are read from the interleaved `rows` (the same numbers as `model.weights`): right after
 * `logOddsInto` those rows are in cache, while a label's own weight array is not.
 */
function strongest(rows: Float64Array, label: number, names: readonly string[], ids: ArrayLike<number>, count: number, explain: number): string[] {
  if (explain <= 0) return [];
  const best: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = ids[k]!;
    const w = rows[4 * i + label]!;
    if (!(w > 0)) continue;
    let p = best.length;
    // Ahead of the feature before it while heavier, or as heavy and first by name.
    while (p > 0) {
      const b = best[p - 1]!;
      const wb = rows[4 * b + label]!;
      if (!(w > wb || (w === wb && names[i]! < names[b]!))) break;
      p--;
    }
    if (p >= explain) continue;
    // Shift the lighter ones down (the last one falls off when the list is full) and put i at p.
    let q = best.length;
    if (q < explain) best.push(i);
    else q--;
    for (; q > p; q--) best[q] = best[q - 1]!;
    best[p] = i;
  }
  return best.map((i) => names[i]!);
}

/** `scoreIndices(model, indices of scan, explain)[LABELS[label]].top` for label number `label`, without the per-label score objects. */
export function topFeatures(model: LoadedModel, label: number, scan: FeatureScan, explain: number): string[] {
  return strongest(tablesOf(model).rows, label, model.file.features, scan.ids, scan.count, explain);
}

/** Log-odds for the features `featureIndices` returned, with the top features worked out only when read. */
class IndexScore implements LabelScore {
  #top: string[] | undefined;
  constructor(
    readonly logOdds: number,
    private readonly rows: Float64Array,
    private readonly label: number,
    private readonly names: readonly string[],
    private readonly ids: readonly number[],
    private readonly explain: number,
  ) {}

  // The strongest features are only needed for a reason; worked out once, on first read.
  get top(): string[] {
    return (this.#top ??= strongest(this.rows, this.label, this.names, this.ids, this.ids.length, this.explain));
  }
}

/**
 * The log-odds `scoreIndices` gives each label, written into `out` in LABELS order: moderation
 * reads the top features of reported labels only, so it needs no score object per label.
 */
export function logOddsInto<T extends Float64Array | number[]>(model: LoadedModel, ids: readonly number[], out: T): T {
  return sumInto(model, tablesOf(model).rows, ids, ids.length, out);
}

/** `logOddsInto` for ids[0, count). */
function sumInto<T extends Float64Array | number[]>(model: LoadedModel, rows: Float64Array, ids: ArrayLike<number>, count: number, out: T): T {
  // Four sums side by side, each added in the order of `ids`, so each equals rawLogOdds' sum.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 0; k < count; k++) {
    const r = ids[k]! * 4;
    s0 += rows[r]!;
    s1 += rows[r + 1]!;
    s2 += rows[r + 2]!;
    s3 += rows[r + 3]!;
  }
  const denominator = Math.max(count, MIN_EVIDENCE);
  const base = model.base;
  out[0] = base.slur + s0 / denominator;
  out[1] = base.insult + s1 / denominator;
  out[2] = base.partisan_epithet + s2 / denominator;
  out[3] = base.off_topic + s3 / denominator;
  return out;
}

/** `scoreFeatures` for the indices `featureIndices` returned: the same log-odds and top features. */
export function scoreIndices(model: LoadedModel, ids: readonly number[], explain = 0): Record<Label, LabelScore> {
  const logOdds = logOddsInto(model, ids, [0, 0, 0, 0]);
  const names = model.file.features;
  const rows = tablesOf(model).rows;
  const out = {} as Record<Label, LabelScore>;
  for (let l = 0; l < LABELS.length; l++) {
    out[LABELS[l]!] = new IndexScore(logOdds[l]!, rows, l, names, ids, explain);
  }
  return out;
}

export { sigmoid };
