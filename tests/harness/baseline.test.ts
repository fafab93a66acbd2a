import { describe, expect, it } from 'vitest';
import { DecorumError } from '../../src/errors.js';
import { compareToBaseline, EvalReportSchema, parseBaselineJson, validateBaselineReport } from '../../src/harness/baseline.js';
import { evaluate } from '../../src/harness/evaluate.js';
import { computeReport, type EvalReport } from '../../src/harness/metrics.js';
import { fakeClassify, fixturesOf, SMALL, type Case } from './fakes.js';
import { thrown } from './thrown.js';

function reportOf(cases: readonly Case[]): EvalReport {
  return computeReport(evaluate(fixturesOf(cases), fakeClassify(cases)));
}

function edit(cases: readonly Case[], id: string, change: Partial<Case>): Case[] {
  return cases.map((c) => (c.id === id ? { ...c, ...change } : c));
}

const baseline = reportOf(SMALL);
// c6 loses its epithet (partisan F1 1 -> 2/3), c3's insult is now caught (insult F1 2/3 -> 6/7).
const worse = reportOf(
  edit(edit(SMALL, 'c6', { predicted: ['insult'], scores: { insult: 0.8, partisan_epithet: 0.4 } }), 'c3', {
    predicted: ['insult', 'partisan_epithet'],
    scores: { partisan_epithet: 0.95, insult: 0.7 },
  }),
);

describe('compareToBaseline', () => {
  it('computes per-label and macro deltas', () => {
    const diff = compareToBaseline(worse, baseline, 0.1);
    expect(diff.labels.partisan_epithet.f1.baseline).toBe(1);
    expect(diff.labels.partisan_epithet.f1.current).toBeCloseTo(2 / 3, 12);
    expect(diff.labels.partisan_epithet.f1.delta).toBeCloseTo(-1 / 3, 12);
    expect(diff.labels.partisan_epithet.recall.delta).toBeCloseTo(-0.5, 12);
    expect(diff.labels.partisan_epithet.precision.delta).toBe(0);
    expect(diff.labels.insult.f1.delta).toBeCloseTo(6 / 7 - 2 / 3, 12);
    expect(diff.macroF1.delta).toBeCloseTo((6 / 7 + 2 / 3) / 4 - 5 / 12, 12);
  });

  it('lists decisions newly wrong and newly right, with scores before and after', () => {
    const diff = compareToBaseline(worse, baseline, 0.1);
    expect(diff.newlyWrong).toEqual([
      { id: 'c6', text: 'Dimocrats and Demonrats, idiots', label: 'partisan_epithet', kind: 'fn', baselineScore: 0.9, score: 0.4 },
    ]);
    expect(diff.newlyRight).toEqual([{ id: 'c3', text: 'Demonrats lie, morons', label: 'insult', kind: 'fn', baselineScore: 0.3, score: 0.7 }]);
  });

  it('regresses when a label F1 drops by more than the tolerance, naming the label', () => {
    const diff = compareToBaseline(worse, baseline, 0.1);
    expect(diff.regressed).toBe(true);
    expect(diff.reasons).toHaveLength(1); // macro fell only ~0.036
    expect(diff.reasons[0]).toMatch(/^partisan_epithet F1 fell from 1\.000 to 0\.667/);
  });

  it('also names macro F1 when it falls beyond a tighter tolerance', () => {
    const diff = compareToBaseline(worse, baseline, 0.02);
    expect(diff.reasons.map((r) => r.split(' ')[0])).toEqual(['macro', 'partisan_epithet']);
  });

  it('does not regress within the tolerance, but still reports the flipped comments', () => {
    const diff = compareToBaseline(worse, baseline, 0.5);
    expect(diff.regressed).toBe(false);
    expect(diff.reasons).toEqual([]);
    expect(diff.newlyWrong).toHaveLength(1);
  });

  it('a drop exactly equal to the tolerance is not "more than" it, despite float noise', () => {
    // 1 - 2/3 is 0.33333333333333337 in floating point, a hair above 1/3.
    expect(compareToBaseline(worse, baseline, 1 / 3).regressed).toBe(false);
    expect(compareToBaseline(worse, baseline, 1 / 3 - 0.001).regressed).toBe(true);
  });

  it('an identical run is not a regression even at tolerance 0', () => {
    const diff = compareToBaseline(reportOf(SMALL), baseline, 0);
    expect(diff.regressed).toBe(false);
    expect(diff.newlyWrong).toEqual([]);
    expect(diff.newlyRight).toEqual([]);
    expect(diff.macroF1.delta).toBe(0);
  });

  it('reports ids present in only one run and relabelled ids instead of comparing them', () => {
    const changed: Case[] = [
      ...edit(SMALL.filter((c) => c.id !== 'c7'), 'c5', { gold: ['off_topic'] }),
      { id: 'c8', text: 'new one', gold: [], predicted: ['insult'], scores: { insult: 0.9 } },
    ];
    const diff = compareToBaseline(reportOf(changed), baseline, 0.1);
    expect(diff.onlyInBaseline).toEqual(['c7']);
    expect(diff.onlyInCurrent).toEqual(['c8']);
    expect(diff.relabelled).toEqual(['c5']);
    // c5's prediction did not change: against its new gold both runs miss off_topic, so nothing flipped.
    expect(diff.newlyWrong).toEqual([]);
    expect(diff.newlyRight).toEqual([]);
    expect(diff.compared).toBe(SMALL.length - 1);
  });

  it('a changed fixture file alone never regresses, even at tolerance 0: both runs are judged on the shared comments against the new gold', () => {
    const relabelled = edit(SMALL, 'c5', { gold: ['off_topic'] });
    const fewer = SMALL.filter((c) => c.id !== 'c6');
    const more: Case[] = [...SMALL, { id: 'c9', text: 'new, and missed', gold: ['slur'], predicted: [], scores: { slur: 0.1 } }];
    for (const cases of [relabelled, fewer, more]) {
      // The baseline's own numbers differ from this run's (the gold or the rows changed) ...
      const diff = compareToBaseline(reportOf(cases), baseline, 0);
      expect(reportOf(cases).labels).not.toEqual(baseline.labels);
      // ... but the same predictions on the same comments against the same gold are no change.
      expect(diff.regressed).toBe(false);
      expect(diff.macroF1.delta).toBe(0);
    }
  });

  it('a changed prediction on a relabelled comment still counts, against the new gold', () => {
    // c5 relabelled to off_topic and now predicted off_topic: newly right, F1 of off_topic up.
    const cases = edit(SMALL, 'c5', { gold: ['off_topic'], predicted: ['off_topic'], scores: { off_topic: 0.9 } });
    const diff = compareToBaseline(reportOf(cases), baseline, 0);
    expect(diff.newlyRight).toEqual([expect.objectContaining({ id: 'c5', label: 'off_topic', kind: 'fn' })]);
    expect(diff.labels.off_topic.f1.delta).toBeGreaterThan(0);
    expect(diff.regressed).toBe(false);
  });

  it('with the same fixtures, the deltas are the two reports\' own numbers', () => {
    const diff = compareToBaseline(worse, baseline, 0);
    expect(diff.compared).toBe(SMALL.length);
    expect(diff.macroF1).toEqual({ baseline: baseline.macroF1, current: worse.macroF1, delta: worse.macroF1 - baseline.macroF1 });
    for (const label of ['slur', 'insult', 'partisan_epithet', 'off_topic'] as const) {
      expect(diff.labels[label].f1.baseline).toBe(baseline.labels[label].f1);
      expect(diff.labels[label].f1.current).toBe(worse.labels[label].f1);
    }
  });

  it('rejects a negative or non-numeric tolerance', () => {
    const err = thrown(() => compareToBaseline(worse, baseline, -0.1));
    expect(err).toBeInstanceOf(DecorumError);
    expect((err as DecorumError).code).toBe('INVALID_OPTION');
    expect(thrown(() => compareToBaseline(worse, baseline, Number.NaN))).toBeInstanceOf(DecorumError);
  });
});

describe('EvalReportSchema / reading a baseline back', () => {
  const json = JSON.stringify(baseline);

  it('round-trips a report through JSON unchanged', () => {
    expect(parseBaselineJson(json, 'baseline.json')).toEqual(baseline);
    expect(EvalReportSchema.safeParse(JSON.parse(json)).success).toBe(true);
  });

  it('keeps thresholds when the run had them', () => {
    const tuned = computeReport(evaluate(fixturesOf(SMALL), fakeClassify(SMALL), { thresholds: { insult: 0.5 } }));
    expect(parseBaselineJson(JSON.stringify(tuned), 'b.json').thresholds).toEqual({ insult: 0.5 });
  });

  it('names the bad field and the file', () => {
    const value = JSON.parse(json) as { labels: { slur: { f1: unknown } } };
    value.labels.slur.f1 = 'high';
    const err = thrown(() => validateBaselineReport(value, 'reports/baseline.json'));
    expect(err).toBeInstanceOf(DecorumError);
    const e = err as DecorumError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('reports/baseline.json');
    expect(e.message).toContain('labels.slur.f1');
    expect(e.details).toEqual({ file: 'reports/baseline.json', field: 'labels.slur.f1' });
  });

  it('names array positions: rows[2].gold[0]', () => {
    const value = JSON.parse(json) as { rows: { gold: unknown[] }[] };
    const row = value.rows[2];
    if (row === undefined) throw new Error('setup');
    row.gold[0] = 'rude';
    const e = thrown(() => validateBaselineReport(value, 'b.json')) as DecorumError;
    expect(e.details.field).toBe('rows[2].gold[0]');
  });

  it('requires every label and every confusion cell', () => {
    const noLabel = JSON.parse(json) as { labels: Record<string, unknown> };
    delete noLabel.labels.off_topic;
    expect((thrown(() => validateBaselineReport(noLabel, 'b.json')) as DecorumError).details.field).toBe('labels.off_topic');

    const noCell = JSON.parse(json) as { confusion: Record<string, Record<string, unknown>> };
    delete noCell.confusion.none?.slur;
    expect((thrown(() => validateBaselineReport(noCell, 'b.json')) as DecorumError).details.field).toBe('confusion.none.slur');
  });

  it('rejects duplicate row ids, which would pair the wrong comments', () => {
    const value = JSON.parse(json) as { rows: { id: string }[] };
    const second = value.rows[1];
    if (second === undefined) throw new Error('setup');
    second.id = 'c1';
    const e = thrown(() => validateBaselineReport(value, 'b.json')) as DecorumError;
    expect(e.details.field).toBe('rows[1].id');
    expect(e.message).toContain('duplicate row id "c1"');
  });

  it('rejects text that is not JSON, naming the file', () => {
    const e = thrown(() => parseBaselineJson('{"labels":', 'old.json')) as DecorumError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('old.json');
    expect(e.details.file).toBe('old.json');
  });

  it('rejects a non-object', () => {
    const e = thrown(() => validateBaselineReport([], 'b.json')) as DecorumError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details.field).toBe('(root)');
  });
});
