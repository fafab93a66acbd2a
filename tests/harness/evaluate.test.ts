import { describe, expect, it } from 'vitest';
import { DecorumError } from '../../src/errors.js';
import { evaluate } from '../../src/harness/evaluate.js';
import { fakeClassify, fixturesOf, SMALL } from './fakes.js';
import { thrown } from './thrown.js';

describe('evaluate', () => {
  it('keeps gold, predictions, scores and matches per row, labels in LABELS order', () => {
    const run = evaluate(fixturesOf(SMALL), fakeClassify(SMALL));
    expect(run.rows).toHaveLength(7);
    const c3 = run.rows[2];
    expect(c3?.id).toBe('c3');
    expect(c3?.gold).toEqual(['insult', 'partisan_epithet']); // fixture said partisan_epithet first
    expect(c3?.predicted).toEqual(['partisan_epithet']);
    expect(c3?.scores.partisan_epithet).toBe(0.95);
    expect(c3?.matches.map((m) => m.ruleId)).toEqual(['epithet.affix']);
    expect(run.rows[5]?.predicted).toEqual(['insult', 'partisan_epithet']);
    expect(run.thresholds).toBeUndefined();
  });

  it('passes the article to classify', () => {
    const seen: (string | undefined)[] = [];
    evaluate(
      [
        { id: 'a', text: 'x', labels: [], source: 'written', article: 'Budget vote' },
        { id: 'b', text: 'y', labels: [], source: 'written' },
      ],
      (_text, article) => {
        seen.push(article);
        return { labels: [], scores: { slur: 0, insult: 0, partisan_epithet: 0, off_topic: 0 }, action: 'allow', matches: [], language: 'und', reasons: [] };
      },
    );
    expect(seen).toEqual(['Budget vote', undefined]);
  });

  it('with a threshold, predicts that label from score >= threshold and leaves the others to the verdict', () => {
    const run = evaluate(fixturesOf(SMALL), fakeClassify(SMALL), { thresholds: { insult: 0.3 } });
    const predicted = Object.fromEntries(run.rows.map((row) => [row.id, row.predicted]));
    expect(predicted).toEqual({
      c1: ['insult'], // 0.9
      c2: ['insult'], // 0.6
      c3: ['insult', 'partisan_epithet'], // insult 0.3 >= 0.3 (inclusive); epithet from the verdict
      c4: [],
      c5: [], // 0.05
      c6: ['insult', 'partisan_epithet'],
      c7: [],
    });
    expect(run.thresholds).toEqual({ insult: 0.3 });
  });

  it('threshold above a verdict label drops it', () => {
    const run = evaluate(fixturesOf(SMALL), fakeClassify(SMALL), { thresholds: { insult: 0.85 } });
    expect(run.rows.filter((row) => row.predicted.includes('insult')).map((row) => row.id)).toEqual(['c1']);
  });

  it('rejects out-of-range or unknown thresholds with INVALID_OPTION, naming the option', () => {
    const bad: [Record<string, number>, string][] = [
      [{ insult: 1.5 }, 'thresholds.insult'],
      [{ insult: Number.NaN }, 'thresholds.insult'],
      [{ slur: -0.1 }, 'thresholds.slur'],
      [{ rudeness: 0.5 }, 'thresholds.rudeness'],
    ];
    for (const [thresholds, option] of bad) {
      const err = thrown(() => evaluate(fixturesOf(SMALL), fakeClassify(SMALL), { thresholds }));
      expect(err).toBeInstanceOf(DecorumError);
      expect((err as DecorumError).code).toBe('INVALID_OPTION');
      expect((err as DecorumError).details.option).toBe(option);
    }
  });

  it('rejects duplicate fixture ids, which would make baseline diffs ambiguous', () => {
    const fixtures = fixturesOf(SMALL);
    const first = fixtures[0];
    if (first === undefined) throw new Error('setup');
    expect(() => evaluate([...fixtures, { ...first }], fakeClassify(SMALL))).toThrow(/duplicate fixture id "c1"/);
  });
});
