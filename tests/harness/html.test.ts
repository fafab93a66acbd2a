import { describe, expect, it } from 'vitest';
import { compareToBaseline } from '../../src/harness/baseline.js';
import { evaluate } from '../../src/harness/evaluate.js';
import { escapeHtml, highlightHtml, renderHtmlReport } from '../../src/harness/html.js';
import { computeReport } from '../../src/harness/metrics.js';
import { sweep } from '../../src/harness/sweep.js';
import { LABELS } from '../../src/types.js';
import { fakeClassify, fixturesOf, matchOn, SMALL, type Case } from './fakes.js';

const XSS = '<script>alert(1)</script>';
const hostileText = `nice ${XSS} idiot "quoted" & 'single' <img src=x onerror=alert(2)>`;
const hostile: Case = {
  id: 'x"><script>alert(3)</script>',
  text: hostileText,
  gold: [],
  predicted: ['insult'],
  scores: { insult: 0.7, slur: 0.2, partisan_epithet: 0.3, off_topic: 0.6 },
  matches: [matchOn(hostileText, 'idiot', 'rule"><script>alert(4)</script>', 'insult')],
};
// Every label needs gold positives and scores so that each curve has points to draw.
const cases: Case[] = [
  ...SMALL,
  hostile,
  { id: 's1', text: 'a slur here', gold: ['slur'], predicted: ['slur'], scores: { slur: 0.9 } },
  { id: 's2', text: 'another slur', gold: ['slur'], predicted: [], scores: { slur: 0.4 } },
];
const run = evaluate(fixturesOf(cases), fakeClassify(cases));
const report = computeReport(run);
const html = renderHtmlReport(report, { sweep: sweep(run), title: `Tuning <${'b'}>` });

function element(source: string, open: RegExp): string {
  const start = source.search(open);
  if (start < 0) throw new Error(`no ${open} in page`);
  const tag = /^<(\w+)/.exec(source.slice(start))?.[1] ?? '';
  const end = source.indexOf(`</${tag}>`, start);
  return source.slice(start, end + tag.length + 3);
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderHtmlReport', () => {
  it('is one self-contained page: no scripts, external resources or event handlers', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // Attributes inside real tags only: the escaped comment text legitimately contains "src=".
    expect(html).not.toMatch(/<[a-z][^<>]*\s(src|href)\s*=/i);
    expect(html).not.toMatch(/<[a-z][^<>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain('<style>');
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it('renders a hostile comment, id, rule id and title as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).toContain('x&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(html).toContain('data-rule="rule&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"');
    expect(html).toContain('<title>Tuning &lt;b&gt;</title>');
  });

  it('has the label, rule and confusion tables with the report numbers', () => {
    const labels = element(html, /<table id="labels"/);
    expect(labels).toContain('<tr data-label="insult"><th scope="row">insult</th>');
    for (const label of LABELS) expect(labels).toContain(`data-label="${label}"`);
    // insult: c1, c6 tp; c2 and the hostile row fp; c3 fn -> P 0.5, R 0.667.
    expect(labels).toMatch(/data-label="insult">.*?<td>0\.500<\/td><td>0\.667<\/td>/);
    const rules = element(html, /<table id="rules"/);
    expect(rules).toContain('<code>epithet.affix</code>');
    expect(rules.match(/<tr data-rule=/g)).toHaveLength(report.rules.length);
    const confusion = element(html, /<table id="confusion"/);
    expect(confusion).toMatch(/<th scope="row">none<\/th>(<td[^>]*>\d+<\/td>){5}/);
    expect(confusion).toContain(`<td class="diag">${report.confusion.insult.insult}</td>`);
  });

  it('draws one precision-recall curve per label, with a line and axis labels', () => {
    const svgs = html.match(/<svg class="pr-curve"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(4);
    for (const label of LABELS) {
      const svg = svgs.find((s) => s.startsWith(`<svg class="pr-curve" data-label="${label}"`));
      expect(svg, label).toBeDefined();
      expect(svg).toMatch(/<polyline points="[\d.]+,[\d.]+( [\d.]+,[\d.]+)*"\/>/);
      expect(svg).toContain('>recall</text>');
      expect(svg).toContain('>precision</text>');
    }
  });

  it('plots recall on x and precision on y inside the plot box', () => {
    const svg = element(html, /<svg class="pr-curve" data-label="slur"/);
    // slur scores: s1 0.9 gold, s2 0.4 gold, c7 0.3, hostile 0.2: at t=0.05 P=0.5 R=1, at 0.9 P=1 R=0.5.
    expect(svg).toContain('<title>threshold 0.05: precision 0.500, recall 1.000, F1 0.667</title>');
    expect(svg).toContain('<title>threshold 0.90: precision 1.000, recall 0.500, F1 0.667</title>');
    const points = (/<polyline points="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number));
    const xs = points.map((p) => p[0] ?? Number.NaN);
    // Sorted by recall: x never decreases along the line.
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('shows "no gold examples" instead of a line for a label without support', () => {
    const plain = renderHtmlReport(computeReport(evaluate(fixturesOf(SMALL), fakeClassify(SMALL))));
    const slur = element(plain, /<svg class="pr-curve" data-label="slur"/);
    expect(slur).not.toContain('<polyline');
    expect(slur).toContain('no gold examples');
    // Without an explicit sweep the curves come from the report's own rows.
    expect(plain.match(/<svg class="pr-curve"/g)).toHaveLength(4);
  });

  it('lists misclassified comments with matched spans in <mark data-rule>', () => {
    const errors = element(html, /<ol id="errors"/);
    expect(errors.match(/<li class="error /g)).toHaveLength(report.errors.length);
    expect(errors).toContain('<mark data-rule="insult.basic" title="insult.basic">stupid</mark>');
    expect(errors).toContain('<mark data-rule="profanity.list" title="profanity.list">damn</mark>');
    expect(errors).toMatch(/<mark data-rule="rule&quot;[^"]*"[^>]*>idiot<\/mark>/);
  });

  it('highlights the right characters when escaping changes lengths', () => {
    const text = '<b>&</b> you idiot';
    expect(highlightHtml(text, [{ ruleId: 'r', start: 13, end: 18, text: 'idiot' }])).toBe(
      '<bdi>&lt;b&gt;&amp;&lt;/b&gt; you <mark data-rule="r" title="r">idiot</mark></bdi>',
    );
  });

  it('adds the baseline section only when given, flagging a regression', () => {
    expect(html).not.toContain('id="baseline-diff"');
    const worseCases = SMALL.map((c) => (c.id === 'c6' ? { ...c, predicted: ['insult' as const] } : c));
    const base = computeReport(evaluate(fixturesOf(SMALL), fakeClassify(SMALL)));
    const worse = computeReport(evaluate(fixturesOf(worseCases), fakeClassify(worseCases)));
    const page = renderHtmlReport(worse, { baseline: compareToBaseline(worse, base, 0.05) });
    const section = element(page, /<section id="baseline-diff"/);
    expect(section).toContain('<div class="banner regressed">');
    expect(section).toContain('partisan_epithet F1 fell from 1.000 to 0.667');
    expect(section).toContain('Newly wrong (1)');
    expect(section).toContain('data-id="c6"');
  });

  it('caps the error list when asked', () => {
    const capped = renderHtmlReport(report, { maxErrors: 1 });
    expect(element(capped, /<ol id="errors"/).match(/<li class="error /g)).toHaveLength(1);
    expect(capped).toContain(`${report.errors.length - 1} more not shown.`);
  });
});
