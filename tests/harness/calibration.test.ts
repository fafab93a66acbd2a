import { describe, expect, it } from 'vitest';
import { calibration, formatCalibration } from '../../src/harness/calibration.js';
import type { EvalRow } from '../../src/harness/evaluate.js';
import type { Label } from '../../src/types.js';

const row = (insult: number, gold: Label[]): EvalRow => ({
  id: String(Math.random()),
  text: '',
  gold,
  predicted: [],
  scores: { slur: 0, insult, partisan_epithet: 0, off_topic: 0 },
  matches: [],
});

describe('calibration', () => {
  it('bins scores and sets each bin beside the share that truly has the label', () => {
    const rows = [row(0.9, ['insult']), row(0.9, ['insult']), row(0.9, []), row(0.1, []), row(0.1, [])];
    const c = calibration({ rows }, 5).insult;
    const top = c.bins[4]!;
    expect(top.count).toBe(3);
    expect(top.meanScore).toBeCloseTo(0.9);
    expect(top.positiveRate).toBeCloseTo(2 / 3);
    expect(c.bins[0]!.positiveRate).toBe(0);
    expect(c.bins[2]!.positiveRate).toBeNull();
    // Brier: (0.1² + 0.1² + 0.9² + 0.1² + 0.1²) / 5
    expect(c.brier).toBeCloseTo((0.01 * 4 + 0.81) / 5);
    // ECE: 3/5·|0.9 − 2/3| + 2/5·|0.1 − 0|
    expect(c.ece).toBeCloseTo((3 / 5) * Math.abs(0.9 - 2 / 3) + (2 / 5) * 0.1);
  });

  it('a perfectly calibrated run has zero calibration error, and the table names every label', () => {
    const rows = [row(1, ['insult']), row(0, [])];
    expect(calibration({ rows }).insult.ece).toBe(0);
    expect(formatCalibration(calibration({ rows }))).toMatch(/insult\s+brier 0\.000/);
  });
});
