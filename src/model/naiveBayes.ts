import { LABELS, type Label } from '../types.js';
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

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** The combiner's calibrated probability from its signals. */
export function combine(model: LoadedModel, label: Label, signals: readonly number[]): number {
  const c = model.file.labels[label].combiner;
  let z = c.bias;
  for (let i = 0; i < c.weights.length; i++) z += c.weights[i]! * signals[i]!;
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

export { sigmoid };
