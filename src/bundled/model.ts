import model from '../../model/decorum-model.json';
import type { ModelFile } from '../model/format.js';
import { LABELS } from '../types.js';

/** The model trained from corpus/fixtures/train.jsonl at build time (`npm run build:model`). */
export const BUNDLED_MODEL: unknown = model;

/**
 * parseModel(BUNDLED_MODEL), without zod: what its parse returns, new objects for the file, its
 * labels and their combiners (and the combiners' arrays), and the large arrays (features, df,
 * counts) the very ones imported, as the schema's checked arrays pass them through. The schema
 * and its check of every entry were ~15 ms of CPU in each cold start, for a file fixed at build
 * time; tests/bundled/model.test.ts holds this toStrictEqual parseModel(BUNDLED_MODEL), so a
 * bundled model the schema refuses, or reads differently, fails the suite.
 */
export function bundledModelParsed(): ModelFile {
  const m = model as unknown as ModelFile;
  const labels = {} as ModelFile['labels'];
  for (const label of LABELS) {
    const l = m.labels[label];
    labels[label] = { docs: l.docs, counts: l.counts, combiner: { names: [...l.combiner.names], weights: [...l.combiner.weights], bias: l.combiner.bias } };
  }
  return { format: m.format, version: m.version, alpha: m.alpha, docs: m.docs, features: m.features, df: m.df, labels };
}
