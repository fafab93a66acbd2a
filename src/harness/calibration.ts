import { LABELS, type Label } from '../types.js';
import type { EvalRun } from './evaluate.js';

/** One score bin: how many comments fell in it, their mean score, and how many truly had the label. */
export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanScore: number;
  /** Share of the bin's comments whose gold labels include the label (null for an empty bin). */
  positiveRate: number | null;
}

export interface LabelCalibration {
  /** Mean squared difference between score and outcome (0 is perfect; always answering 0.5 gives 0.25). */
  brier: number;
  /** Count-weighted mean |meanScore - positiveRate| over the bins (expected calibration error). */
  ece: number;
  bins: CalibrationBin[];
}

export type CalibrationReport = Record<Label, LabelCalibration>;

/**
 * Does a score mean what it says? For each label, comments are binned by score and each bin's
 * mean score is set beside the share of them that carry the label: a calibrated 0.7 is right
 * about 70 % of the time. Brier score and expected calibration error summarise it.
 */
export function calibration(run: Pick<EvalRun, 'rows'>, binCount = 5): CalibrationReport {
  const out = {} as CalibrationReport;
  for (const label of LABELS) {
    const bins = Array.from({ length: binCount }, (_, i) => ({ from: i / binCount, to: (i + 1) / binCount, count: 0, sum: 0, positives: 0 }));
    let squared = 0;
    for (const row of run.rows) {
      const score = row.scores[label];
      const truth = row.gold.includes(label) ? 1 : 0;
      squared += (score - truth) ** 2;
      const bin = bins[Math.min(binCount - 1, Math.floor(score * binCount))]!;
      bin.count++;
      bin.sum += score;
      bin.positives += truth;
    }
    const n = run.rows.length;
    let ece = 0;
    const shaped: CalibrationBin[] = bins.map((b) => {
      const meanScore = b.count > 0 ? b.sum / b.count : 0;
      const positiveRate = b.count > 0 ? b.positives / b.count : null;
      if (positiveRate !== null && n > 0) ece += (b.count / n) * Math.abs(meanScore - positiveRate);
      return { from: b.from, to: b.to, count: b.count, meanScore, positiveRate };
    });
    out[label] = { brier: n > 0 ? squared / n : 0, ece, bins: shaped };
  }
  return out;
}

/** A plain-text table: one line per label, the bins as "mean score → observed rate (count)". */
export function formatCalibration(report: CalibrationReport): string {
  const lines = ['== Calibration (score bins: mean score → share that truly has the label, count) =='];
  for (const label of LABELS) {
    const c = report[label];
    const bins = c.bins
      .filter((b) => b.count > 0)
      .map((b) => `${b.meanScore.toFixed(2)}→${b.positiveRate!.toFixed(2)} (${b.count})`)
      .join('  ');
    lines.push(`${label.padEnd(17)} brier ${c.brier.toFixed(3)}  ece ${c.ece.toFixed(3)}   ${bins}`);
  }
  return lines.join('\n');
}
