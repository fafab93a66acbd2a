import { LABELS, type Label } from '../types.js';
import { comparedApart, comparedNote, type BaselineDiff, type ChangedDecision, type MetricDelta } from './baseline.js';
import { highlightSegments } from './highlight.js';
import { CONFUSION_KEYS, type EvalError, type EvalReport } from './metrics.js';
import { sweep as runSweep, type SweepPoint, type SweepResult } from './sweep.js';

export interface HtmlReportOptions {
  /** Curves to draw. Default: a sweep at the default thresholds over the report's own rows. */
  sweep?: SweepResult;
  baseline?: BaselineDiff;
  title?: string;
  /** Show at most this many misclassified comments. Default: all. */
  maxErrors?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape for element text AND quoted attribute values. Every string that reaches the page — comment
 * text, ids, rule ids, the title — goes through this: comments are hostile input.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function num(value: number): string {
  return value.toFixed(3);
}

function signed(value: number): string {
  if (Math.abs(value) < 0.0005) return '0.000';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
}

// The page must open from a CI artifact or an email attachment with no network: everything is inline,
// and the CSP forbids scripts outright so a failure of escaping still cannot run code.
const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; background: #fff; }
body { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
.summary { color: #555; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: .25rem .6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f5f5f7; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fbfbfd; }
#confusion tbody tr { background: none; }
tbody th { font-weight: 600; }
#rules td:nth-child(2), #rules th:nth-child(2) { text-align: left; white-space: nowrap; }
#confusion th, #confusion td { min-width: 4.5rem; }
td.zero-support { color: #999; }
td.diag { background: #e6f4ea; }
td.off { background: #fdecea; }
.note { color: #666; font-size: .9rem; }
.curves { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 1rem; }
figure { margin: 0; }
figcaption { font-weight: 600; text-align: center; font-size: .9rem; margin-top: .25rem; }
svg.pr-curve { display: block; width: 100%; height: auto; background: #fafafa; border: 1px solid #ddd; border-radius: 4px; }
svg.pr-curve .axis { stroke: #888; stroke-width: 1; }
svg.pr-curve .grid { stroke: #e5e5e5; stroke-width: 1; }
svg.pr-curve polyline { fill: none; stroke: #0b62d6; stroke-width: 2; }
svg.pr-curve circle.point { fill: #0b62d6; }
svg.pr-curve circle.operating { fill: #d93025; }
svg.pr-curve text { font-size: 11px; fill: #444; }
svg.pr-curve text.axis-label { font-size: 12px; font-weight: 600; fill: #333; }
svg.pr-curve text.empty { font-size: 12px; fill: #888; }
.banner { padding: .5rem .75rem; border-radius: 4px; }
.banner.regressed { background: #fdecea; border: 1px solid #d93025; }
.banner.ok { background: #e6f4ea; border: 1px solid #188038; }
.worse { color: #b3261e; }
.better { color: #188038; }
ol.errors { padding-left: 1.5rem; }
ol.errors li { margin-bottom: .75rem; }
.kind { font-weight: 700; text-transform: uppercase; }
.kind.fp { color: #b3261e; }
.kind.fn { color: #a15c00; }
.comment { margin: .2rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f8f8; padding: .3rem .5rem; }
mark { background: #ffe08a; padding: 0 1px; }
mark.mentioned { background: #d7e8ff; }
code { font-size: .9em; }
`;

function tableHtml(id: string, header: readonly string[], rows: readonly string[]): string {
  return `<table id="${id}"><thead><tr>${header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function labelsSection(report: EvalReport): string {
  const rows = LABELS.map((label) => {
    const m = report.labels[label];
    const cls = m.support === 0 ? ' class="zero-support"' : '';
    const cells = [num(m.precision), num(m.recall), num(m.f1), String(m.support), String(m.tp), String(m.fp), String(m.fn)];
    return `<tr data-label="${label}"><th scope="row">${label}${m.support === 0 ? ' *' : ''}</th>${cells.map((c) => `<td${cls}>${c}</td>`).join('')}</tr>`;
  });
  const zero = LABELS.some((label) => report.labels[label].support === 0)
    ? '<p class="note">* no gold examples of this label: recall and F1 are undefined, shown as 0 and counted as 0 in macro F1.</p>'
    : '';
  return `<section><h2>Labels</h2>${tableHtml('labels', ['label', 'precision', 'recall', 'F1', 'support', 'tp', 'fp', 'fn'], rows)}<p><strong>macro F1 ${num(report.macroF1)}</strong></p>${zero}</section>`;
}

function rulesSection(report: EvalReport): string {
  const rows = report.rules.map((rule) => {
    const label = rule.label === rule.scoredAs ? rule.label : `${rule.label} → ${rule.scoredAs}`;
    const cells = [String(rule.fired), String(rule.tp), String(rule.fp), num(rule.precision), num(rule.recall), String(rule.mentioned)];
    return `<tr data-rule="${escapeHtml(rule.ruleId)}"><th scope="row"><code>${escapeHtml(rule.ruleId)}</code></th><td>${escapeHtml(label)}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  const empty = report.rules.length === 0 ? '<p class="note">No rule matched any comment.</p>' : '';
  return `<section><h2>Rules</h2>${tableHtml('rules', ['rule', 'label', 'fired', 'tp', 'fp', 'precision', 'recall', 'mentioned'], rows)}${empty}<p class="note">fired = comments the rule matched; tp = of those, comments whose gold has the rule's label; recall = tp / that label's support; mentioned = firings where every match was counter-speech.</p></section>`;
}

function confusionSection(report: EvalReport): string {
  const rows = CONFUSION_KEYS.map((gold) => {
    const cells = CONFUSION_KEYS.map((predicted) => {
      const value = report.confusion[gold][predicted];
      const cls = gold === predicted ? ' class="diag"' : value > 0 ? ' class="off"' : '';
      return `<td${cls}>${value}</td>`;
    });
    return `<tr><th scope="row">${gold}</th>${cells.join('')}</tr>`;
  });
  return `<section><h2>Confusion</h2>${tableHtml('confusion', ['gold \\ predicted', ...CONFUSION_KEYS], rows)}<p class="note">Rows are gold labels, columns predicted labels; "none" means no label. Each comment adds 1 to every (gold, predicted) pair of its label sets, so a comment with two labels counts in two rows.</p></section>`;
}

// Curve geometry, in SVG user units.
const W = 280;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 38 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;
const x = (recall: number): string => (PAD.left + recall * PLOT_W).toFixed(1);
const y = (precision: number): string => (PAD.top + (1 - precision) * PLOT_H).toFixed(1);

/** The run's own precision/recall for a label, drawn as a marker on its curve. */
export interface OperatingPoint {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
}

/**
 * One label's precision–recall curve. Points whose precision or recall is 0/0 are left out —
 * thresholds where nothing is predicted, and every point of a label with no gold examples —
 * because plotting the conventional 0 would draw a false plunge to the origin.
 */
export function renderPrCurve(label: Label, points: readonly SweepPoint[], operating?: OperatingPoint): string {
  const support = points[0]?.support ?? 0;
  const drawn =
    support === 0
      ? []
      : points.filter((point) => point.tp + point.fp > 0).sort((a, b) => a.recall - b.recall || b.threshold - a.threshold);

  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line class="grid" x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}"/><line class="grid" x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}"/>` +
        `<text x="${x(t)}" y="${(PAD.top + PLOT_H + 14).toFixed(1)}" text-anchor="middle">${t}</text>` +
        `<text x="${(PAD.left - 6).toFixed(1)}" y="${y(t)}" text-anchor="end" dominant-baseline="middle">${t}</text>`,
    )
    .join('');
  const axes =
    `<line class="axis" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}"/><line class="axis" x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}"/>` +
    `<text class="axis-label" x="${(PAD.left + PLOT_W / 2).toFixed(1)}" y="${H - 6}" text-anchor="middle">recall</text>` +
    `<text class="axis-label" x="12" y="${(PAD.top + PLOT_H / 2).toFixed(1)}" text-anchor="middle" transform="rotate(-90 12 ${(PAD.top + PLOT_H / 2).toFixed(1)})">precision</text>`;

  let body: string;
  if (drawn.length === 0) {
    const why = support === 0 ? 'no gold examples' : 'nothing predicted at any threshold';
    body = `<text class="empty" x="${(PAD.left + PLOT_W / 2).toFixed(1)}" y="${(PAD.top + PLOT_H / 2).toFixed(1)}" text-anchor="middle">${why}</text>`;
  } else {
    const line = `<polyline points="${drawn.map((p) => `${x(p.recall)},${y(p.precision)}`).join(' ')}"/>`;
    const dots = drawn
      .map(
        (p) =>
          `<circle class="point" cx="${x(p.recall)}" cy="${y(p.precision)}" r="3"><title>threshold ${p.threshold.toFixed(2)}: precision ${num(p.precision)}, recall ${num(p.recall)}, F1 ${num(p.f1)}</title></circle>`,
      )
      .join('');
    body = line + dots;
  }
  const op =
    operating !== undefined && support > 0 && operating.tp + operating.fp > 0
      ? `<circle class="operating" cx="${x(operating.recall)}" cy="${y(operating.precision)}" r="4.5"><title>this run: precision ${num(operating.precision)}, recall ${num(operating.recall)}</title></circle>`
      : '';
  return `<svg class="pr-curve" data-label="${label}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="precision-recall curve for ${label}">${grid}${axes}${body}${op}</svg>`;
}

function curvesSection(report: EvalReport, result: SweepResult): string {
  const figures = LABELS.map((label) => {
    const best = result.best[label];
    const caption = best === null ? label : `${label} — best F1 ${num(best.f1)} at ${best.threshold.toFixed(2)}`;
    return `<figure>${renderPrCurve(label, result.labels[label], report.labels[label])}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  });
  return `<section id="pr-curves"><h2>Precision–recall by threshold</h2><p class="note">Blue: predicting a label when its score ≥ threshold (hover a point for its threshold). Red: this run's own decisions.</p><div class="curves">${figures.join('')}</div></section>`;
}

/** Comment text with its matched spans in <mark data-rule>; every piece escaped, bidi isolated. */
export function highlightHtml(text: string, spans: EvalError['matches']): string {
  const mentioned = new Set(spans.filter((span) => span.mentioned === true).map((span) => span.ruleId));
  const inner = highlightSegments(text, spans)
    .map((segment) => {
      const safe = escapeHtml(segment.text);
      if (segment.rules.length === 0) return safe;
      const rules = escapeHtml(segment.rules.join(' '));
      const cls = segment.rules.every((rule) => mentioned.has(rule)) ? ' class="mentioned"' : '';
      return `<mark data-rule="${rules}"${cls} title="${rules}">${safe}</mark>`;
    })
    .join('');
  // <bdi> keeps right-to-left or bidi-override characters in a comment from reordering the page around it.
  return `<bdi>${inner}</bdi>`;
}

function errorsSection(report: EvalReport, maxErrors: number | undefined): string {
  const shown = maxErrors === undefined ? report.errors : report.errors.slice(0, Math.max(0, maxErrors));
  const items = shown.map((error) => {
    const rules = [...new Set(error.matches.map((match) => match.ruleId))];
    const evidence = rules.length === 0 ? 'no rule matched' : `rules: ${rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(', ')}`;
    return `<li class="error ${error.kind}" data-id="${escapeHtml(error.id)}" data-label="${error.label}"><span class="kind ${error.kind}">${error.kind}</span> ${error.label} · <code>${escapeHtml(error.id)}</code> · score ${num(error.score)} · ${evidence}<p class="comment">${highlightHtml(error.text, error.matches)}</p></li>`;
  });
  const more = shown.length < report.errors.length ? `<p class="note">${report.errors.length - shown.length} more not shown.</p>` : '';
  const fp = report.errors.filter((error) => error.kind === 'fp').length;
  return `<section><h2>Misclassified comments (${report.errors.length}: ${fp} fp, ${report.errors.length - fp} fn)</h2><ol id="errors" class="errors">${items.join('')}</ol>${more}</section>`;
}

function deltaHtml(d: MetricDelta): string {
  const cls = Math.abs(d.delta) < 0.0005 ? '' : d.delta < 0 ? ' class="worse"' : ' class="better"';
  return `<td>${num(d.baseline)}</td><td>${num(d.current)}</td><td${cls}>${signed(d.delta)}</td>`;
}

function changesList(title: string, changes: readonly ChangedDecision[], limit: number | undefined): string {
  const shown = limit === undefined ? changes : changes.slice(0, Math.max(0, limit));
  const items = shown.map(
    (c) =>
      `<li data-id="${escapeHtml(c.id)}" data-label="${c.label}"><span class="kind ${c.kind}">${c.kind}</span> ${c.label} · <code>${escapeHtml(c.id)}</code> · score ${num(c.baselineScore)} → ${num(c.score)}<p class="comment"><bdi>${escapeHtml(c.text)}</bdi></p></li>`,
  );
  const more = shown.length < changes.length ? `<p class="note">${changes.length - shown.length} more not shown.</p>` : '';
  return `<h3>${escapeHtml(title)} (${changes.length})</h3><ol class="errors">${items.join('')}</ol>${more}`;
}

function baselineSection(diff: BaselineDiff, limit: number | undefined): string {
  const banner = diff.regressed
    ? `<div class="banner regressed"><strong>Regressed</strong> beyond tolerance ${diff.tolerance}<ul>${diff.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul></div>`
    : `<div class="banner ok">No regression beyond tolerance ${diff.tolerance}.</div>`;
  const rows = [
    `<tr><th scope="row">macro</th><td></td><td></td><td></td><td></td><td></td><td></td>${deltaHtml(diff.macroF1)}</tr>`,
    ...LABELS.map((label) => {
      const d = diff.labels[label];
      return `<tr data-label="${label}"><th scope="row">${label}</th>${deltaHtml(d.precision)}${deltaHtml(d.recall)}${deltaHtml(d.f1)}</tr>`;
    }),
  ];
  const table = tableHtml(
    'baseline',
    ['label', 'P before', 'P now', 'ΔP', 'R before', 'R now', 'ΔR', 'F1 before', 'F1 now', 'ΔF1'],
    rows,
  );
  const sets = [
    diff.onlyInBaseline.length > 0 ? `<p class="note">Only in baseline: ${diff.onlyInBaseline.map(escapeHtml).join(', ')}</p>` : '',
    diff.onlyInCurrent.length > 0 ? `<p class="note">Only in this run: ${diff.onlyInCurrent.map(escapeHtml).join(', ')}</p>` : '',
    diff.relabelled.length > 0 ? `<p class="note">Gold labels changed: ${diff.relabelled.map(escapeHtml).join(', ')}</p>` : '',
  ].join('');
  const note = comparedApart(diff) ? `<p class="note">${escapeHtml(comparedNote(diff))}</p>` : '';
  return `<section id="baseline-diff"><h2>Against baseline</h2>${banner}${table}${note}${changesList('Newly wrong', diff.newlyWrong, limit)}${changesList('Newly right', diff.newlyRight, limit)}${sets}</section>`;
}

/** One self-contained HTML page: no scripts, fonts, images or network; inline CSS and SVG only. */
export function renderHtmlReport(report: EvalReport, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'decorum evaluation report';
  const curves = options.sweep ?? runSweep(report);
  const thresholds =
    report.thresholds === undefined
      ? 'the moderator’s own labels'
      : LABELS.filter((label) => report.thresholds?.[label] !== undefined)
          .map((label) => `${label} ≥ ${String(report.thresholds?.[label])}`)
          .join(', ') || 'the moderator’s own labels';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="summary">${report.rowCount} comments · macro F1 <strong>${num(report.macroF1)}</strong> · ${report.errors.length} errors · predictions from ${escapeHtml(thresholds)}</p></header>`,
    options.baseline === undefined ? '' : baselineSection(options.baseline, options.maxErrors),
    // Summary first (labels, confusion, curves), then the per-rule detail and the comments.
    labelsSection(report),
    confusionSection(report),
    curvesSection(report, curves),
    rulesSection(report),
    errorsSection(report, options.maxErrors),
    '</body></html>',
  ].join('\n');
}
