import { describe, expect, it } from 'vitest';
import { compareToBaseline } from '../../src/harness/baseline.js';
import { evaluate } from '../../src/harness/evaluate.js';
import {
  formatBaselineDiff,
  formatConfusion,
  formatErrors,
  formatLabelTable,
  formatReport,
  formatRuleTable,
  formatSweep,
  highlightForTerminal,
  terminalSafe,
} from '../../src/harness/format.js';
import { highlightSegments } from '../../src/harness/highlight.js';
import { computeReport } from '../../src/harness/metrics.js';
import { sweep } from '../../src/harness/sweep.js';
import { fakeClassify, fixturesOf, matchOn, SMALL, type Case } from './fakes.js';

const run = evaluate(fixturesOf(SMALL), fakeClassify(SMALL));
const report = computeReport(run);
const ESC = '\u001b';

function lineStarting(text: string, start: string): string {
  const line = text.split('\n').find((l) => l.startsWith(start));
  if (line === undefined) throw new Error(`no line starting ${JSON.stringify(start)} in\n${text}`);
  return line;
}

describe('highlightSegments', () => {
  it('splits text into plain and matched runs', () => {
    expect(highlightSegments('you damn idiot', [{ ruleId: 'a', start: 9, end: 14 }])).toEqual([
      { text: 'you damn ', rules: [] },
      { text: 'idiot', rules: ['a'] },
    ]);
  });

  it('merges overlapping spans (listing both rules) but not touching ones', () => {
    const spans = [
      { ruleId: 'b', start: 2, end: 6 },
      { ruleId: 'a', start: 0, end: 4 },
      { ruleId: 'c', start: 6, end: 8 },
    ];
    expect(highlightSegments('abcdefgh', spans)).toEqual([
      { text: 'abcdef', rules: ['a', 'b'] },
      { text: 'gh', rules: ['c'] },
    ]);
  });

  it('clamps out-of-range spans and drops empty or inverted ones', () => {
    const spans = [
      { ruleId: 'x', start: 3, end: 99 },
      { ruleId: 'y', start: 2, end: 2 },
      { ruleId: 'z', start: 5, end: 1 },
      { ruleId: 'n', start: Number.NaN, end: 2 },
    ];
    expect(highlightSegments('abcde', spans)).toEqual([
      { text: 'abc', rules: [] },
      { text: 'de', rules: ['x'] },
    ]);
  });
});

describe('terminal output', () => {
  it('label table: one line per label with its numbers, the macro F1, and a note for zero support', () => {
    const text = formatLabelTable(report);
    expect(lineStarting(text, 'insult ')).toMatch(/^insult\s+0\.667\s+0\.667\s+0\.667\s+3\s+2\s+1\s+1$/);
    expect(lineStarting(text, 'partisan_epithet')).toMatch(/1\.000\s+1\.000\s+1\.000\s+2\s+2\s+0\s+0$/);
    expect(lineStarting(text, 'slur*')).toMatch(/0\.000\s+0\.000\s+0\.000\s+0\s+0\s+0\s+0$/);
    expect(text).toContain('macro F1  0.417');
    expect(text).toMatch(/\* no gold examples/);
  });

  it('rule table: fired/tp/fp/precision/recall per rule, profanity shown as scored against insult', () => {
    const text = formatRuleTable(report);
    expect(lineStarting(text, 'insult.basic')).toMatch(/insult\s+3\s+2\s+1\s+0\.667\s+0\.667\s+0$/);
    expect(lineStarting(text, 'profanity.list')).toMatch(/profanity→insult\s+2\s+1\s+1\s+0\.500\s+0\.333\s+0$/);
    expect(lineStarting(text, 'slur.ableist')).toMatch(/\s1\s+0\s+1\s+0\.000\s+0\.000\s+1$/);
  });

  it('confusion: gold rows, predicted columns with none', () => {
    const text = formatConfusion(report);
    expect(lineStarting(text, 'gold \\ predicted')).toMatch(/slur\s+insult\s+partisan_epithet\s+off_topic\s+none$/);
    expect(lineStarting(text, 'insult')).toMatch(/^insult\s+0\s+2\s+2\s+0\s+0$/);
    expect(lineStarting(text, 'none')).toMatch(/^none\s+0\s+1\s+0\s+0\s+2$/);
  });

  it('errors: each with kind, label, id, score and the matched spans in [[ ]]', () => {
    const text = formatErrors(report);
    expect(text).toContain('3 errors (1 fp, 2 fn)');
    expect(text).toContain('FP insult  c2  score 0.600  rules: insult.basic, profanity.list');
    expect(text).toContain('[[damn]] [[stupid]] policy');
    expect(text).toContain('FN insult  c3  score 0.300  no rule matched');
    expect(formatErrors(report, { limit: 1 })).toContain('… 2 more');
  });

  it('hostile comment text cannot emit terminal escapes or break lines', () => {
    const evil = `clear\u001b[2Jme\nnext\u202eline`;
    expect(terminalSafe(evil)).toBe('clear\\u001b[2Jme\\nnext\\u202eline');
    const cases: Case[] = [{ id: 'e1', text: evil, gold: [], predicted: ['insult'], scores: { insult: 1 }, matches: [matchOn(evil, 'me', 'r', 'insult')] }];
    const out = formatErrors(computeReport(evaluate(fixturesOf(cases), fakeClassify(cases))));
    expect(out).not.toContain(ESC);
    expect(out).toContain('clear\\u001b[2J[[me]]\\nnext\\u202eline');
  });

  it('no colour by default; colour only when asked', () => {
    const diff = compareToBaseline(report, report, 0);
    const plain = formatReport(report, { sweep: sweep(run), baseline: diff });
    expect(plain).not.toContain(ESC);
    const coloured = formatReport(report, { sweep: sweep(run), baseline: diff, color: true });
    expect(coloured).toContain(`${ESC}[`);
    // Colour must not change the text once escapes are removed.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
    expect(highlightForTerminal('a bad b', [{ ruleId: 'r', start: 2, end: 5, text: 'bad' }], { color: true })).toBe(
      `a ${ESC}[7m[[bad]]${ESC}[0m b`,
    );
  });

  it('baseline diff: says regressed and why, and lists flipped comments', () => {
    const worseCases = SMALL.map((c) => (c.id === 'c6' ? { ...c, predicted: ['insult' as const] } : c));
    const worse = computeReport(evaluate(fixturesOf(worseCases), fakeClassify(worseCases)));
    const text = formatBaselineDiff(compareToBaseline(worse, report, 0.05));
    expect(text.split('\n')[0]).toBe('REGRESSED beyond tolerance 0.05');
    expect(text).toContain('  - partisan_epithet F1 fell from 1.000 to 0.667');
    expect(lineStarting(text, 'partisan_epithet')).toContain('1.000 → 0.667 (-0.333)');
    expect(text).toContain('newly wrong (1)');
    expect(text).toContain('fn partisan_epithet  c6');
    expect(text).toContain('newly right (0)');
    expect(formatBaselineDiff(compareToBaseline(worse, report, 0.5)).split('\n')[0]).toBe('no regression beyond tolerance 0.5');
    expect(text).not.toContain('metrics on the');
  });

  it('baseline diff: says what the metrics are computed on when the fixture set changed', () => {
    const relabelled = SMALL.map((c) => (c.id === 'c5' ? { ...c, gold: ['off_topic' as const] } : c)).filter((c) => c.id !== 'c7');
    const text = formatBaselineDiff(compareToBaseline(computeReport(evaluate(fixturesOf(relabelled), fakeClassify(relabelled))), report, 0));
    expect(text).toContain(`(metrics on the ${SMALL.length - 1} comments both runs hold, both judged against this run's gold labels: the fixture set changed)`);
    expect(text).toContain('gold labels changed (1): c5');
    expect(text).toContain('only in baseline (1): c7');
  });

  it('sweep: a block per label, best threshold starred', () => {
    const text = formatSweep(sweep(run));
    expect(text).toContain('insult (support 3)');
    expect(lineStarting(text.split('insult (support 3)\n')[1] ?? '', '    *0.30')).toMatch(/0\.750\s+1\.000\s+0\.857\s+3\s+1$/);
    expect(text).toContain('best: threshold 0.30, F1 0.857');
    expect(text).toContain('slur (support 0)');
    expect(text).toContain('best: none');
  });

  it('the full report has every section in order', () => {
    const text = formatReport(report, { sweep: sweep(run) });
    const order = ['== Labels ==', '== Rules ==', '== Confusion ==', '== Errors ==', '== Threshold sweep =='].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Against baseline');
  });
});
