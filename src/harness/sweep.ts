import { DecorumError, shown } from '../errors.js';
import { LABELS, type Label, type Scores } from '../types.js';
import { ratios } from './metrics.js';

/** 0.05, 0.10, …, 0.95. Built from integers so 0.15 is 0.15, not 0.15000000000000002. */
export const DEFAULT_SWEEP_THRESHOLDS: readonly number[] = Array.from({ length: 19 }, (_, i) => ((i + 1) * 5) / 100);

/** What a sweep needs from a row. Both EvalRun rows and EvalReport rows have it, so a saved report can be swept again. */
export interface ScoredRow {
  gold: readonly Label[];
  scores: Scores;
}

export interface SweepPoint {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  support: number;
}

export interface SweepResult {
  /** Ascending, de-duplicated. */
  thresholds: number[];
  /** One point per threshold, in `thresholds` order. */
  labels: Record<Label, SweepPoint[]>;
  /**
   * The point with the highest F1 per label; on a tie the higher threshold (fewer flags for the
   * same F1). null when every F1 is 0 (no support, or nothing caught), where "best" means nothing.
   */
  best: Record<Label, SweepPoint | null>;
}

function checkThresholds(thresholds: readonly number[]): number[] {
  if (thresholds.length === 0) {
    throw new DecorumError('INVALID_OPTION', 'sweep thresholds: give at least one threshold', { option: 'thresholds' });
  }
  for (const t of thresholds) {
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 1) {
      throw new DecorumError('INVALID_OPTION', `sweep thresholds: each must be a number from 0 to 1, got ${shown(t)}`, {
        option: 'thresholds',
      });
    }
  }
  return [...new Set(thresholds)].sort((a, b) => a - b);
}

/**
 * Precision, recall and F1 per label at each threshold, predicting a label when its score >= t.
 * The verdict's own labels are ignored: the sweep asks what a score cut-off alone would do.
 * Raising t can only drop predictions, so recall never increases along `thresholds`.
 */
export function sweep(run: { rows: readonly ScoredRow[] }, thresholds: readonly number[] = DEFAULT_SWEEP_THRESHOLDS): SweepResult {
  const sorted = checkThresholds(thresholds);
  const labels = {} as Record<Label, SweepPoint[]>;
  const best = {} as Record<Label, SweepPoint | null>;

  for (const label of LABELS) {
    const points = sorted.map((threshold) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const row of run.rows) {
        const inGold = row.gold.includes(label);
        const inPredicted = row.scores[label] >= threshold;
        if (inGold && inPredicted) tp += 1;
        else if (inPredicted) fp += 1;
        else if (inGold) fn += 1;
      }
      return { threshold, ...ratios(tp, fp, fn), tp, fp, fn, support: tp + fn };
    });
    labels[label] = points;

    let top: SweepPoint | null = null;
    for (const point of points) {
      if (point.f1 > 0 && (top === null || point.f1 >= top.f1)) top = point;
    }
    best[label] = top;
  }

  return { thresholds: sorted, labels, best };
}
