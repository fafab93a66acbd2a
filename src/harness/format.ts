import { LABELS, type Label } from '../types.js';
import { comparedApart, comparedNote, type BaselineDiff, type ChangedDecision, type MetricDelta } from './baseline.js';
import { highlightSegments } from './highlight.js';
import { CONFUSION_KEYS, type EvalError, type EvalReport } from './metrics.js';
import type { SweepResult } from './sweep.js';

export interface FormatOptions {
  /** ANSI colours. Off by default: output is often piped to files or CI logs. */
  color?: boolean;
}

export interface ListFormatOptions extends FormatOptions {
  /** Print at most this many entries, then a "… N more" line. Default: all. */
  limit?: number;
}

export interface FormatReportOptions extends FormatOptions {
  sweep?: SweepResult;
  baseline?: BaselineDiff;
  /** Limit for the errors list and the baseline's changed decisions. Default: all. */
  errorLimit?: number;
}

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', inverse: '7' } as const;
type Style = keyof typeof ANSI;

function paint(text: string, style: Style, options: FormatOptions): string {
  return options.color === true ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

/**
 * Comments are hostile input: an escape sequence in one could repaint or clear the reader's
 * terminal, and bidi controls could reorder what they see. Show every control character as a
 * visible escape instead (`\n`, `\u001b`, `\u202e`), which also keeps each entry on one line.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function num(value: number): string {
  return value.toFixed(3);
}

function signed(value: number): string {
  // -0.000 would read as a drop; print tiny float noise as a plain zero.
  if (Math.abs(value) < 0.0005) return ' 0.000';
  return `${value > 0 ? '+' : ''}${value.toFixed(3)}`;
}

type Align = 'left' | 'right';

/** Width as seen on screen: our own colour escapes take no columns (comment text has none left, see terminalSafe). */
function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(cell: string, width: number, align: Align | undefined): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(cell)));
  return align === 'right' ? fill + cell : cell + fill;
}

/** Pad cells to column widths; cells may already be coloured. */
function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[], options: FormatOptions): string {
  const widths = header.map((cell, i) => Math.max(visibleLength(cell), ...rows.map((row) => visibleLength(row[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, align[i]))
      .join('  ')
      .trimEnd();
  return [paint(line(header), 'bold', options), ...rows.map(line)].join('\n');
}

/** Per-label precision, recall, F1 and support, then the macro F1. */
export function formatLabelTable(report: EvalReport, options: FormatOptions = {}): string {
  const rows = LABELS.map((label) => {
    const m = report.labels[label];
    const name = m.support === 0 ? `${label}*` : label;
    return [name, num(m.precision), num(m.recall), num(m.f1), String(m.support), String(m.tp), String(m.fp), String(m.fn)];
  });
  const lines = [
    table(
      ['label', 'precision', 'recall', 'f1', 'support', 'tp', 'fp', 'fn'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      options,
    ),
    paint(`macro F1  ${num(report.macroF1)}`, 'bold', options) + `  (${report.rowCount} comments)`,
  ];
  if (LABELS.some((label) => report.labels[label].support === 0)) {
    lines.push('* no gold examples of this label: its recall and F1 are undefined, shown as 0 (and count as 0 in macro F1)');
  }
  return lines.join('\n');
}

/** Per-rule firing counts and how often each firing agreed with the gold label. */
export function formatRuleTable(report: EvalReport, options: FormatOptions = {}): string {
  if (report.rules.length === 0) return 'no rule matched any comment';
  const rows = report.rules.map((rule) => [
    terminalSafe(rule.ruleId),
    rule.label === rule.scoredAs ? rule.label : `${rule.label}→${rule.scoredAs}`,
    String(rule.fired),
    String(rule.tp),
    String(rule.fp),
    num(rule.precision),
    num(rule.recall),
    String(rule.mentioned),
  ]);
  return table(
    ['rule', 'label', 'fired', 'tp', 'fp', 'precision', 'recall', 'mentioned'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    options,
  );
}

/** Gold labels down, predicted labels across; see ConfusionMatrix for how multi-label rows count. */
export function formatConfusion(report: EvalReport, options: FormatOptions = {}): string {
  const rows = CONFUSION_KEYS.map((gold) => [
    gold,
    ...CONFUSION_KEYS.map((predicted) => String(report.confusion[gold][predicted])),
  ]);
  return [
    table(
      ['gold \\ predicted', ...CONFUSION_KEYS],
      rows,
      ['left', ...CONFUSION_KEYS.map((): Align => 'right')],
      options,
    ),
    'each comment adds 1 to every (gold, predicted) pair of its labels; "none" = no label',
  ].join('\n');
}

/** The comment with every matched span wrapped in [[ ]] (and inverse video when colour is on). */
export function highlightForTerminal(text: string, spans: EvalError['matches'], options: FormatOptions = {}): string {
  return highlightSegments(text, spans)
    .map((segment) => {
      const safe = terminalSafe(segment.text);
      return segment.rules.length === 0 ? safe : paint(`[[${safe}]]`, 'inverse', options);
    })
    .join('');
}

function limitLines<T>(items: readonly T[], limit: number | undefined, render: (item: T) => string): string[] {
  const shown = limit === undefined ? items : items.slice(0, Math.max(0, limit));
  const lines = shown.map(render);
  if (shown.length < items.length) lines.push(`… ${items.length - shown.length} more`);
  return lines;
}

/** Every false positive and false negative, with the evidence behind it highlighted. */
export function formatErrors(report: EvalReport, options: ListFormatOptions = {}): string {
  if (report.errors.length === 0) return 'no errors';
  const header = `${report.errors.length} errors (${countKind(report.errors, 'fp')} fp, ${countKind(report.errors, 'fn')} fn)`;
  const lines = limitLines(report.errors, options.limit, (error) => {
    const kind = paint(error.kind.toUpperCase(), error.kind === 'fp' ? 'red' : 'yellow', options);
    const rules = [...new Set(error.matches.map((match) => match.ruleId))];
    const evidence = rules.length === 0 ? 'no rule matched' : `rules: ${rules.map(terminalSafe).join(', ')}`;
    return `${kind} ${error.label}  ${terminalSafe(error.id)}  score ${num(error.score)}  ${evidence}\n    ${highlightForTerminal(error.text, error.matches, options)}`;
  });
  return [paint(header, 'bold', options), ...lines].join('\n');
}

function countKind(errors: readonly EvalError[], kind: EvalError['kind']): number {
  return errors.filter((error) => error.kind === kind).length;
}

function deltaCell(d: MetricDelta, options: FormatOptions): string {
  const text = `${num(d.baseline)} → ${num(d.current)} (${signed(d.delta)})`;
  if (Math.abs(d.delta) < 0.0005) return text;
  return paint(text, d.delta < 0 ? 'red' : 'green', options);
}

function changedLine(change: ChangedDecision): string {
  return `${change.kind} ${change.label}  ${terminalSafe(change.id)}  score ${num(change.baselineScore)} → ${num(change.score)}  ${terminalSafe(change.text)}`;
}

/** Verdict first (regressed or not, and why), then metric deltas, then the comments that flipped. */
export function formatBaselineDiff(diff: BaselineDiff, options: ListFormatOptions = {}): string {
  const lines: string[] = [];
  if (diff.regressed) {
    lines.push(paint(`REGRESSED beyond tolerance ${diff.tolerance}`, 'red', options));
    for (const reason of diff.reasons) lines.push(`  - ${reason}`);
  } else {
    lines.push(paint(`no regression beyond tolerance ${diff.tolerance}`, 'green', options));
  }
  lines.push(`macro F1  ${deltaCell(diff.macroF1, options)}`);
  if (comparedApart(diff)) lines.push(comparedNote(diff));

  const rows = LABELS.map((label: Label) => {
    const d = diff.labels[label];
    return [
      label,
      deltaCell(d.precision, options),
      deltaCell(d.recall, options),
      deltaCell(d.f1, options),
      `${d.support.baseline} → ${d.support.current}`,
    ];
  });
  lines.push(table(['label', 'precision', 'recall', 'f1', 'support'], rows, ['left', 'left', 'left', 'left', 'left'], options));

  lines.push(paint(`newly wrong (${diff.newlyWrong.length})`, 'bold', options));
  lines.push(...limitLines(diff.newlyWrong, options.limit, (change) => `  ${changedLine(change)}`));
  lines.push(paint(`newly right (${diff.newlyRight.length})`, 'bold', options));
  lines.push(...limitLines(diff.newlyRight, options.limit, (change) => `  ${changedLine(change)}`));
  if (diff.onlyInBaseline.length > 0) lines.push(`only in baseline (${diff.onlyInBaseline.length}): ${diff.onlyInBaseline.map(terminalSafe).join(', ')}`);
  if (diff.onlyInCurrent.length > 0) lines.push(`only in current (${diff.onlyInCurrent.length}): ${diff.onlyInCurrent.map(terminalSafe).join(', ')}`);
  if (diff.relabelled.length > 0) lines.push(`gold labels changed (${diff.relabelled.length}): ${diff.relabelled.map(terminalSafe).join(', ')}`);
  return lines.join('\n');
}

/** One block per label: each threshold's precision/recall/F1, the best F1 marked with `*`. */
export function formatSweep(result: SweepResult, options: FormatOptions = {}): string {
  return LABELS.map((label) => {
    const points = result.labels[label];
    const best = result.best[label];
    const support = points[0]?.support ?? 0;
    const rows = points.map((point) => [
      point === best ? `*${point.threshold.toFixed(2)}` : point.threshold.toFixed(2),
      num(point.precision),
      num(point.recall),
      num(point.f1),
      String(point.tp),
      String(point.fp),
    ]);
    const title = paint(`${label} (support ${support})`, 'bold', options);
    const footer = best === null ? 'best: none (F1 is 0 at every threshold)' : `best: threshold ${best.threshold.toFixed(2)}, F1 ${num(best.f1)}`;
    return [
      title,
      table(['threshold', 'precision', 'recall', 'f1', 'tp', 'fp'], rows, ['right', 'right', 'right', 'right', 'right', 'right'], options),
      footer,
    ].join('\n');
  }).join('\n\n');
}

/** Everything the CLI prints for `decorum eval`, in reading order. */
export function formatReport(report: EvalReport, options: FormatReportOptions = {}): string {
  const style: FormatOptions = { color: options.color === true };
  const list: ListFormatOptions = { ...style };
  if (options.errorLimit !== undefined) list.limit = options.errorLimit;
  const sections: [title: string, body: string][] = [
    ['Labels', formatLabelTable(report, style)],
    ['Rules', formatRuleTable(report, style)],
    ['Confusion', formatConfusion(report, style)],
    ['Errors', formatErrors(report, list)],
  ];
  if (options.sweep !== undefined) sections.push(['Threshold sweep', formatSweep(options.sweep, style)]);
  if (options.baseline !== undefined) sections.push(['Against baseline', formatBaselineDiff(options.baseline, list)]);
  return sections.map(([title, body]) => `${paint(`== ${title} ==`, 'bold', style)}\n${body}`).join('\n\n');
}
