import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { computeReport, ratios } from '../../src/harness/metrics.js';
import { fakeClassify, fixturesOf, SMALL, type Case } from './fakes.js';

const report = computeReport(evaluate(fixturesOf(SMALL), fakeClassify(SMALL)));

describe('ratios', () => {
  it('computes precision, recall and F1 and defines 0/0 as 0', () => {
    expect(ratios(3, 1, 2)).toEqual({ precision: 0.75, recall: 0.6, f1: (2 * 0.75 * 0.6) / 1.35 });
    expect(ratios(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(ratios(0, 2, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(ratios(0, 0, 4)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('computeReport: per label (worked by hand in fakes.ts)', () => {
  it('insult: tp 2 (c1,c6), fp 1 (c2), fn 1 (c3)', () => {
    const m = report.labels.insult;
    expect([m.tp, m.fp, m.fn, m.support]).toEqual([2, 1, 1, 3]);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
  });

  it('partisan_epithet: perfect', () => {
    expect(report.labels.partisan_epithet).toEqual({ precision: 1, recall: 1, f1: 1, support: 2, tp: 2, fp: 0, fn: 0 });
  });

  it('off_topic: one gold, never predicted: precision 0/0 -> 0, recall 0', () => {
    expect(report.labels.off_topic).toEqual({ precision: 0, recall: 0, f1: 0, support: 1, tp: 0, fp: 0, fn: 1 });
  });

  it('slur: zero support reads as zeros with support 0 (undefined, not bad)', () => {
    expect(report.labels.slur).toEqual({ precision: 0, recall: 0, f1: 0, support: 0, tp: 0, fp: 0, fn: 0 });
  });

  it('zero support with false positives still has precision 0 and support 0', () => {
    const cases: Case[] = [{ id: 'x', text: 'x', gold: [], predicted: ['slur'], scores: { slur: 0.9 } }];
    const r = computeReport(evaluate(fixturesOf(cases), fakeClassify(cases)));
    expect(r.labels.slur).toEqual({ precision: 0, recall: 0, f1: 0, support: 0, tp: 0, fp: 1, fn: 0 });
  });

  it('macro F1 is the mean of the four F1s, zero-support labels included', () => {
    expect(report.macroF1).toBeCloseTo((0 + 2 / 3 + 1 + 0) / 4, 12);
    expect(report.rowCount).toBe(7);
  });

  it('the JSON has the documented top-level shape', () => {
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(Object.keys(json.labels as object)).toEqual(['slur', 'insult', 'partisan_epithet', 'off_topic']);
    for (const metrics of Object.values(json.labels as Record<string, Record<string, unknown>>)) {
      expect(metrics).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number), support: expect.any(Number) });
    }
    expect(typeof json.macroF1).toBe('number');
    expect(json).toHaveProperty('rules');
    expect(json).toHaveProperty('confusion');
    expect(json).toHaveProperty('errors');
    expect(json).toHaveProperty('rows');
  });
});

describe('computeReport: per rule', () => {
  const rule = (id: string) => report.rules.find((r) => r.ruleId === id);

  it('counts rows fired, not matches: epithet.affix matched 3 spans on 2 rows', () => {
    expect(rule('epithet.affix')).toEqual({
      ruleId: 'epithet.affix',
      label: 'partisan_epithet',
      scoredAs: 'partisan_epithet',
      fired: 2,
      mentioned: 0,
      tp: 2,
      fp: 0,
      precision: 1,
      recall: 1,
    });
  });

  it('insult.basic: fired on c1, c2, c6; c2 is not an insult', () => {
    const r = rule('insult.basic');
    expect([r?.fired, r?.tp, r?.fp]).toEqual([3, 2, 1]);
    expect(r?.precision).toBeCloseTo(2 / 3, 12);
    expect(r?.recall).toBeCloseTo(2 / 3, 12); // tp 2 / insult support 3
  });

  it('profanity rules are scored against insult', () => {
    const r = rule('profanity.list');
    expect(r).toMatchObject({ label: 'profanity', scoredAs: 'insult', fired: 2, tp: 1, fp: 1, precision: 0.5 });
    expect(r?.recall).toBeCloseTo(1 / 3, 12);
  });

  it('counts counter-speech firings as mentioned; recall is 0 when its label has no support', () => {
    expect(rule('slur.ableist')).toMatchObject({ fired: 1, tp: 0, fp: 1, mentioned: 1, precision: 0, recall: 0 });
  });

  it('lists rules sorted by id', () => {
    expect(report.rules.map((r) => r.ruleId)).toEqual(['epithet.affix', 'insult.basic', 'profanity.list', 'slur.ableist']);
  });
});

describe('computeReport: confusion', () => {
  it('counts every (gold, predicted) pair per comment', () => {
    const c = report.confusion;
    // c1, c6
    expect(c.insult.insult).toBe(2);
    // c3 (gold insult, predicted epithet only) and c6 (both, both)
    expect(c.insult.partisan_epithet).toBe(2);
    expect(c.partisan_epithet.partisan_epithet).toBe(2);
    expect(c.partisan_epithet.insult).toBe(1);
    expect(c.none.insult).toBe(1); // c2
    expect(c.off_topic.none).toBe(1); // c4
    expect(c.none.none).toBe(2); // c5, c7
    const total = Object.values(c).reduce((sum, row) => sum + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(11);
  });

  it('diagonal equals each label tp', () => {
    for (const label of ['slur', 'insult', 'partisan_epithet', 'off_topic'] as const) {
      expect(report.confusion[label][label]).toBe(report.labels[label].tp);
    }
  });
});

describe('computeReport: errors', () => {
  it('lists every fp and fn with its score and the matches behind it', () => {
    expect(report.errors.map((e) => [e.id, e.label, e.kind, e.score])).toEqual([
      ['c2', 'insult', 'fp', 0.6],
      ['c3', 'insult', 'fn', 0.3],
      ['c4', 'off_topic', 'fn', 0.4],
    ]);
    expect(report.errors[0]?.matches).toEqual([
      { ruleId: 'insult.basic', start: 5, end: 11, text: 'stupid' },
      { ruleId: 'profanity.list', start: 0, end: 4, text: 'damn' },
    ]);
    // The epithet match on c3 is not evidence for insult.
    expect(report.errors[1]?.matches).toEqual([]);
    expect(report.errors[0]?.text).toBe('damn stupid policy');
  });

  it('an empty run has all-zero metrics and no errors', () => {
    const empty = computeReport({ rows: [] });
    expect(empty.macroF1).toBe(0);
    expect(empty.errors).toEqual([]);
    expect(empty.rules).toEqual([]);
    expect(empty.labels.insult.support).toBe(0);
  });
});
