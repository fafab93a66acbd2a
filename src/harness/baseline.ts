import { z } from 'zod';
import { DecorumError, shown } from '../errors.js';
import { fixtureSchemas } from '../schemas/fixture.js';
import { LABELS, type Label } from '../types.js';
import type { ErrorKind, EvalReport, ReportRow } from './metrics.js';

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
  macroF1: MetricDelta;
  labels: Record<Label, LabelDelta>;
  /** Right in the baseline, wrong now. */
  newlyWrong: ChangedDecision[];
  /** Wrong in the baseline, right now. */
  newlyRight: ChangedDecision[];
  /** Ids present in only one run: not compared, listed so a changed fixture set is not mistaken for a change of rules. */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
  /** Ids whose gold labels changed between runs; each side is judged against its own gold. */
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
 * more than `tolerance` (absolute, on the 0–1 scale). Comment-level changes are reported whatever
 * the tolerance: a small F1 move can hide many decisions flipping both ways.
 */
export function compareToBaseline(current: EvalReport, baseline: EvalReport, tolerance: number): BaselineDiff {
  checkTolerance(tolerance);

  const labels = Object.fromEntries(
    LABELS.map((label) => {
      const b = baseline.labels[label];
      const c = current.labels[label];
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
  const macroF1 = delta(baseline.macroF1, current.macroF1);

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

  const baselineRows = new Map<string, ReportRow>(baseline.rows.map((row) => [row.id, row]));
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
      const was = errorKind(before, label);
      const now = errorKind(row, label);
      const change = { id: row.id, text: row.text, label, baselineScore: before.scores[label], score: row.scores[label] };
      if (was === null && now !== null) newlyWrong.push({ ...change, kind: now });
      else if (was !== null && now === null) newlyRight.push({ ...change, kind: was });
    }
  }
  const onlyInBaseline = baseline.rows.filter((row) => !currentIds.has(row.id)).map((row) => row.id);

  return {
    tolerance,
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

/** null when the row's decision on `label` is right. */
function errorKind(row: ReportRow, label: Label): ErrorKind | null {
  const inGold = row.gold.includes(label);
  const inPredicted = row.predicted.includes(label);
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
