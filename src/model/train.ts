import { cosine, makeIdf, topicVector } from '../topic/similarity.js';
import { LABELS, type Label, type Match } from '../types.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile } from './format.js';
import { fitLogistic } from './logistic.js';
import { loadModel, rawLogOdds } from './naiveBayes.js';
import { SIGNAL_NAMES, signalsFor } from './signals.js';

export interface TrainingExample {
  features: ReadonlySet<string>;
  labels: readonly Label[];
  /** The rule engine's matches, for the combiner's rule signals. */
  matches: readonly Match[];
  /** Normalised comment and article text, for the topic signal (article absent: no signal). */
  text: string;
  article?: string;
}

export interface TrainOptions {
  /** Laplace smoothing. Default 0.5. */
  alpha?: number;
  /** Features seen in fewer documents are dropped (rule features are always kept). Default 2. */
  minDf?: number;
  /** Folds for the held-out scores that calibration is fitted on (2 or more; trainModel checks). Default 5. */
  folds?: number;
}

/** Counts only: the part of training that cross-validation repeats per fold. */
function countModel(examples: readonly TrainingExample[], alpha: number, minDf: number): ModelFile {
  const df = new Map<string, number>();
  const pos: Record<Label, Map<string, number>> = {
    slur: new Map(),
    insult: new Map(),
    partisan_epithet: new Map(),
    off_topic: new Map(),
  };
  const docs: Record<Label, number> = { slur: 0, insult: 0, partisan_epithet: 0, off_topic: 0 };
  for (const ex of examples) {
    for (const f of ex.features) df.set(f, (df.get(f) ?? 0) + 1);
    for (const label of new Set(ex.labels)) {
      docs[label]++;
      const m = pos[label];
      for (const f of ex.features) m.set(f, (m.get(f) ?? 0) + 1);
    }
  }
  // Sorted by code unit, not locale, so the file is the same on every machine.
  const features = [...df.keys()]
    .filter((f) => df.get(f)! >= minDf || f.startsWith('r:') || f.startsWith('l:') || f.startsWith('m:'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const labels = {} as ModelFile['labels'];
  for (const label of LABELS) {
    labels[label] = {
      docs: docs[label],
      counts: features.map((f) => pos[label].get(f) ?? 0),
      combiner: { names: [...SIGNAL_NAMES[label]], weights: SIGNAL_NAMES[label].map((_, i) => (i === 0 ? 1 : 0)), bias: 0 },
    };
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    alpha,
    docs: Math.max(1, examples.length),
    features,
    df: features.map((f) => df.get(f)!),
    labels,
  };
}

/** Similarity of each example to its article under a model's IDF (null without an article). */
export function similarities(model: ModelFile, examples: readonly TrainingExample[]): Array<number | null> {
  const df = new Map<string, number>();
  model.features.forEach((f, i) => f.startsWith('w:') && df.set(f.slice(2), model.df[i]!));
  const idf = makeIdf(model.docs, (s) => df.get(s));
  const articles = new Map<string, ReturnType<typeof topicVector>>();
  return examples.map((ex) => {
    if (ex.article === undefined || ex.article.trim() === '') return null;
    let a = articles.get(ex.article);
    if (a === undefined) articles.set(ex.article, (a = topicVector(ex.article, idf)));
    return cosine(topicVector(ex.text, idf), a);
  });
}

/**
 * Trains one-vs-rest naive Bayes for the four labels, then the per-label combiner on
 * held-out folds: every example's naive-Bayes log-odds come from a model that never saw it,
 * so the combiner learns how far to trust the model on unseen comments. Deterministic: the
 * same examples in the same order give the same file, byte for byte.
 */
export function train(examples: readonly TrainingExample[], options: TrainOptions = {}): ModelFile {
  const alpha = options.alpha ?? 0.5;
  const minDf = options.minDf ?? 2;
  const folds = options.folds ?? 5;
  const model = countModel(examples, alpha, minDf);
  if (examples.length < folds * 2) return model;

  const held: Record<Label, number[]> = { slur: [], insult: [], partisan_epithet: [], off_topic: [] };
  const order: number[] = [];
  for (let k = 0; k < folds; k++) {
    const fold = loadModel(countModel(examples.filter((_, i) => i % folds !== k), alpha, minDf));
    examples.forEach((ex, i) => {
      if (i % folds !== k) return;
      order.push(i);
      const raw = rawLogOdds(fold, ex.features);
      for (const label of LABELS) held[label].push(raw[label].value);
    });
  }
  const sims = similarities(model, examples);
  for (const label of LABELS) {
    const rows = order.map((i, k) => signalsFor(label, held[label][k]!, examples[i]!.matches, sims[i]!));
    const ys = order.map((i) => examples[i]!.labels.includes(label));
    const fit = fitLogistic(rows, ys);
    model.labels[label].combiner = { names: [...SIGNAL_NAMES[label]], weights: fit.weights, bias: fit.bias };
  }
  return model;
}
