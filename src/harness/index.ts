/** The rule-tuning harness: pure functions over fixtures and verdicts, for the CLI to read files into and write out of. */
export { evaluate, canonicalLabels, type Classify, type EvaluateOptions, type EvalRow, type EvalRun, type Thresholds } from './evaluate.js';
export {
  computeReport,
  ratios,
  matchesFor,
  CONFUSION_KEYS,
  type ConfusionKey,
  type ConfusionMatrix,
  type ErrorKind,
  type ErrorSpan,
  type EvalError,
  type EvalReport,
  type LabelMetrics,
  type Ratios,
  type ReportRow,
  type RuleLabel,
  type RuleMetrics,
} from './metrics.js';
export {
  compareToBaseline,
  EvalReportSchema,
  validateBaselineReport,
  parseBaselineJson,
  type BaselineDiff,
  type ChangedDecision,
  type LabelDelta,
  type MetricDelta,
} from './baseline.js';
export { sweep, DEFAULT_SWEEP_THRESHOLDS, type ScoredRow, type SweepPoint, type SweepResult } from './sweep.js';
export { highlightSegments, type HighlightSpan, type Segment } from './highlight.js';
export {
  formatReport,
  formatLabelTable,
  formatRuleTable,
  formatConfusion,
  formatErrors,
  formatBaselineDiff,
  formatSweep,
  highlightForTerminal,
  terminalSafe,
  type FormatOptions,
  type ListFormatOptions,
  type FormatReportOptions,
} from './format.js';
export { renderHtmlReport, renderPrCurve, highlightHtml, escapeHtml, type HtmlReportOptions, type OperatingPoint } from './html.js';
export { calibration, formatCalibration, type CalibrationBin, type CalibrationReport, type LabelCalibration } from './calibration.js';
