import { z } from 'zod';
import { DecorumError, shown } from '../errors.js';
import { fixtureSchemas } from '../schemas/fixture.js';
import { LABELS, type Label } from '../types.js';
import { labelMetrics, type ErrorKind, type EvalReport, type ReportRow } from './metrics.js';

/**
 * Float subtraction makes 0.8 - 0.7 = 0.10000000000000009; without slack a drop of exactly
 * `tolerance` would count as "more than tolerance".
 */
const EPSILON = 1e-9;

export interface MetricDelta {
  baseline: number;
  current: number;
  /** current - baseline: negative is worse. */
  delta: number;
}

export interface LabelDelta {
  precision: MetricDelta;
  recall: MetricDelta;
  f1: MetricDelta;
  support: MetricDelta;
}

/** One (comment, label) decision that changed from right to wrong or back. */
export interface ChangedDecision {
  id: string;
  text: string;
  label: Label;
  /** For newly wrong: the error it is now. For newly right: the error it was in the baseline. */
  kind: ErrorKind;
  baselineScore: number;
  score: number;
}

export interface BaselineDiff {
  tolerance: number;
  /**
   * How many comments the metrics below are computed on: those both runs hold (by id), each run's
   * predictions judged against this run's gold labels. A fixture added, removed or relabelled
   * then moves neither side, so only a change of what decorum predicts can regress.
   */
  compared: number;
  macroF1: MetricDelta;
  labels: Record<Label, LabelDelta>;
  /** Right in the baseline, wrong now. */
  newlyWrong: ChangedDecision[];
  /** Wrong in the baseline, right now. */
  newlyRight: ChangedDecision[];
  /** Ids present in only one run: not compared, listed so a changed fixture set is not mistaken for a change of rules. */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
  /** Ids whose gold labels changed between runs: both runs' predictions are judged against the new gold. */
  relabelled: string[];
  regressed: boolean;
  reasons: string[];
}

function delta(baseline: number, current: number): MetricDelta {
  return { baseline, current, delta: current - baseline };
}

function checkTolerance(tolerance: number): void {
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new DecorumError('INVALID_OPTION', `tolerance: must be a number >= 0, got ${shown(tolerance)}`, {
      option: 'tolerance',
    });
  }
}

function fmt(value: number): string {
  return value.toFixed(3);
}

/**
 * Compare a run with a saved baseline. It regresses when macro F1, or any label's F1, drops by
 * more than `tolerance` (absolute, on the 0–1 scale). Both are computed on the comments the two
 * runs share, each run's predictions against this run's gold labels (`compared`): with the same
 * fixtures that is each report's own numbers, and a changed fixture file cannot regress (or hide
 * a regression). Comment-level changes are reported whatever the tolerance: a small F1 move can
 * hide many decisions flipping both ways.
 */
export function compareToBaseline(current: EvalReport, baseline: EvalReport, tolerance: number): BaselineDiff {
  checkTolerance(tolerance);

  const baselineRows = new Map<string, ReportRow>(baseline.rows.map((row) => [row.id, row]));
  const shared = current.rows.filter((row) => baselineRows.has(row.id));
  const before = labelMetrics(shared.map((row) => ({ gold: row.gold, predicted: baselineRows.get(row.id)!.predicted })));
  const now = labelMetrics(shared);
  const labels = Object.fromEntries(
    LABELS.map((label) => {
      const b = before.labels[label];
      const c = now.labels[label];
      return [
        label,
        {
          precision: delta(b.precision, c.precision),
          recall: delta(b.recall, c.recall),
          f1: delta(b.f1, c.f1),
          support: delta(b.support, c.support),
        },
      ];
    }),
  ) as Record<Label, LabelDelta>;
  const macroF1 = delta(before.macroF1, now.macroF1);

  const reasons: string[] = [];
  if (-macroF1.delta > tolerance + EPSILON) {
    reasons.push(`macro F1 fell from ${fmt(macroF1.baseline)} to ${fmt(macroF1.current)} (${fmt(macroF1.delta)}, tolerance ${tolerance})`);
  }
  for (const label of LABELS) {
    const f1 = labels[label].f1;
    if (-f1.delta > tolerance + EPSILON) {
      reasons.push(`${label} F1 fell from ${fmt(f1.baseline)} to ${fmt(f1.current)} (${fmt(f1.delta)}, tolerance ${tolerance})`);
    }
  }

  const currentIds = new Set(current.rows.map((row) => row.id));
  const newlyWrong: ChangedDecision[] = [];
  const newlyRight: ChangedDecision[] = [];
  const relabelled: string[] = [];
  const onlyInCurrent: string[] = [];

  for (const row of current.rows) {
    const before = baselineRows.get(row.id);
    if (before === undefined) {
      onlyInCurrent.push(row.id);
      continue;
    }
    if (!sameLabels(before.gold, row.gold)) relabelled.push(row.id);
    for (const label of LABELS) {
      // Both decisions against this run's gold: a relabelled comment flips only if a prediction did.
      const was = errorKind(row.gold, before.predicted, label);
      const now = errorKind(row.gold, row.predicted, label);
      const change = { id: row.id, text: row.text, label, baselineScore: before.scores[label], score: row.scores[label] };
      if (was === null && now !== null) newlyWrong.push({ ...change, kind: now });
      else if (was !== null && now === null) newlyRight.push({ ...change, kind: was });
    }
  }
  const onlyInBaseline = baseline.rows.filter((row) => !currentIds.has(row.id)).map((row) => row.id);

  return {
    tolerance,
    compared: shared.length,
    macroF1,
    labels,
    newlyWrong,
    newlyRight,
    onlyInBaseline,
    onlyInCurrent,
    relabelled,
    regressed: reasons.length > 0,
    reasons,
  };
}

/** Did the fixture set change between the runs (so the metrics are on a part of it, or on new gold)? */
export const comparedApart = (diff: BaselineDiff): boolean => diff.onlyInBaseline.length + diff.onlyInCurrent.length + diff.relabelled.length > 0;

/** Says what the metrics were computed on when the fixture set changed. */
export const comparedNote = (diff: BaselineDiff): string =>
  `(metrics on the ${diff.compared} comments both runs hold, both judged against this run's gold labels: the fixture set changed)`;

/** null when the decision on `label` is right. */
function errorKind(gold: readonly Label[], predicted: readonly Label[], label: Label): ErrorKind | null {
  const inGold = gold.includes(label);
  const inPredicted = predicted.includes(label);
  if (inGold === inPredicted) return null;
  return inPredicted ? 'fp' : 'fn';
}

function sameLabels(a: readonly Label[], b: readonly Label[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((label) => right.has(label));
}

// ---------------------------------------------------------------------------------------------
// Reading a baseline back. A baseline is a saved EvalReport; the schema checks every field the
// diff and the renderers read, so a hand-edited or truncated file fails here, with the field named,
// instead of as NaN in a table.

const count = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);
const score = z.number().finite();

const { LabelSchema } = fixtureSchemas();

const LabelMetricsSchema = z.object({
  precision: unit,
  recall: unit,
  f1: unit,
  support: count,
  tp: count,
  fp: count,
  fn: count,
});

const ScoresSchema = z.object({ slur: score, insult: score, partisan_epithet: score, off_topic: score });

const ConfusionKeySchema = z.enum([...LABELS, 'none']);
const ConfusionRowSchema = z.record(ConfusionKeySchema, count);

const ErrorSpanSchema = z.object({
  ruleId: z.string(),
  start: count,
  end: count,
  text: z.string(),
  mentioned: z.boolean().optional(),
});

const ThresholdsSchema = z.object({
  slur: unit.optional(),
  insult: unit.optional(),
  partisan_epithet: unit.optional(),
  off_topic: unit.optional(),
});

/** Schema of an EvalReport as JSON. Unknown keys are dropped, so newer reports still read as baselines. */
export const EvalReportSchema: z.ZodType<EvalReport> = z
  .object({
    rowCount: count,
    labels: z.object({
      slur: LabelMetricsSchema,
      insult: LabelMetricsSchema,
      partisan_epithet: LabelMetricsSchema,
      off_topic: LabelMetricsSchema,
    }),
    macroF1: unit,
    rules: z.array(
      z.object({
        ruleId: z.string(),
        label: z.enum([...LABELS, 'profanity']),
        scoredAs: LabelSchema,
        fired: count,
        mentioned: count,
        tp: count,
        fp: count,
        precision: unit,
        recall: unit,
      }),
    ),
    confusion: z.record(ConfusionKeySchema, ConfusionRowSchema),
    errors: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        label: LabelSchema,
        kind: z.enum(['fp', 'fn']),
        score,
        matches: z.array(ErrorSpanSchema),
      }),
    ),
    rows: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        gold: z.array(LabelSchema),
        predicted: z.array(LabelSchema),
        scores: ScoresSchema,
      }),
    ),
    thresholds: ThresholdsSchema.optional(),
  })
  .superRefine((report, ctx) => {
    // The diff pairs rows by id; a repeated id would silently compare the wrong comments.
    const seen = new Set<string>();
    report.rows.forEach((row, index) => {
      if (seen.has(row.id)) ctx.addIssue({ code: 'custom', path: ['rows', index, 'id'], message: `duplicate row id "${row.id}"` });
      seen.add(row.id);
    });
  });

/** `labels.slur.f1`, `rows[3].id`: the way a reader would find the field in the file. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Validate a parsed baseline. `file` is only used in the message so the user knows which file to fix. */
export function validateBaselineReport(value: unknown, file: string): EvalReport {
  const result = EvalReportSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined ? '(root)' : fieldPath(issue.path);
  const reason = issue?.message ?? 'does not match the report schema';
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : '';
  throw new DecorumError(
    'INVALID_INPUT',
    `baseline ${file}: field ${field}: ${reason}${more}. Regenerate it by saving a current report as JSON.`,
    { file, field },
  );
}

/** Parse and validate a baseline file's text (the CLI reads the file; this stays free of node:fs). */
export function parseBaselineJson(text: string, file: string): EvalReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new DecorumError('INVALID_INPUT', `baseline ${file}: not valid JSON (${detail})`, { file }, { cause });
  }
  return validateBaselineReport(value, file);
}
