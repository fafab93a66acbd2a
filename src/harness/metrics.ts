import { LABELS, type Label, type Match, type Scores } from '../types.js';
import type { EvalRun, Thresholds } from './evaluate.js';

export interface Ratios {
  precision: number;
  recall: number;
  f1: number;
}

export interface LabelMetrics extends Ratios {
  /** Gold positives (tp + fn). 0 means precision/recall/f1 of 0 are "undefined", not "bad". */
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

/** A rule's label as written in its pack; `profanity` is evidence, not a label (see types.ts). */
export type RuleLabel = Label | 'profanity';

export interface RuleMetrics {
  ruleId: string;
  label: RuleLabel;
  /**
   * The gold label the rule is judged against: its own label, or `insult` for profanity rules,
   * because profanity only ever feeds the insult label. A profanity rule's "fp" is therefore
   * profanity in a comment the labeller did not call an insult — often correct behaviour.
   */
  scoredAs: Label;
  /** Rows where the rule matched at least once (a row counts once however many spans it matched). */
  fired: number;
  /** Of `fired`, rows where every match of the rule was a mention (counter-speech), so its fps may be deliberate. */
  mentioned: number;
  /** Fired on a row whose gold includes `scoredAs`. */
  tp: number;
  fp: number;
  precision: number;
  /** tp / support of `scoredAs`: the share of that label's gold rows this rule alone catches. */
  recall: number;
}

/** `none` stands for "no label at all" on the gold or the predicted side. */
export type ConfusionKey = Label | 'none';
export const CONFUSION_KEYS: readonly ConfusionKey[] = [...LABELS, 'none'];

/**
 * `confusion[gold][predicted]`, multi-label: for each comment let G be its gold labels
 * ({none} when it has none) and P its predicted labels ({none} when none); every pair (g, p) in
 * G × P adds 1 to `confusion[g][p]`. So the diagonal `confusion[l][l]` is label l's tp,
 * `confusion[l][none]` counts comments with gold l where nothing was predicted, `confusion[none][l]`
 * counts clean comments flagged l, and `confusion[insult][partisan_epithet]` counts insults that
 * were (also) called epithets. A comment with two gold and two predicted labels adds 4 counts, so row
 * sums are not comment counts — use `labels[l].support` for those.
 */
export type ConfusionMatrix = Record<ConfusionKey, Record<ConfusionKey, number>>;

/** A match behind an error, trimmed to what a reader needs to see the span. */
export interface ErrorSpan {
  ruleId: string;
  start: number;
  end: number;
  text: string;
  mentioned?: boolean;
}

export type ErrorKind = 'fp' | 'fn';

export interface EvalError {
  id: string;
  text: string;
  label: Label;
  kind: ErrorKind;
  /** The classifier's score for `label` on this comment. */
  score: number;
  /** Matches for `label` (and profanity for insult). Often empty for an fn: nothing fired. */
  matches: ErrorSpan[];
}

/** Per-row predictions, kept in the report so a later run can be diffed against it comment by comment. */
export interface ReportRow {
  id: string;
  text: string;
  gold: Label[];
  predicted: Label[];
  scores: Scores;
}

export interface EvalReport {
  rowCount: number;
  labels: Record<Label, LabelMetrics>;
  /** Mean of the four labels' F1, zero-support labels included (as 0). */
  macroF1: number;
  rules: RuleMetrics[];
  confusion: ConfusionMatrix;
  errors: EvalError[];
  rows: ReportRow[];
  thresholds?: Thresholds;
}

/** Precision, recall and F1 with 0/0 defined as 0; callers expose support so 0 can be read as "undefined". */
export function ratios(tp: number, fp: number, fn: number): Ratios {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Matches that count as evidence for `label`. */
export function matchesFor(matches: readonly Match[], label: Label): Match[] {
  return matches.filter((match) => match.label === label || (label === 'insult' && match.label === 'profanity'));
}

function emptyConfusion(): ConfusionMatrix {
  const matrix = {} as ConfusionMatrix;
  for (const gold of CONFUSION_KEYS) {
    const row = {} as Record<ConfusionKey, number>;
    for (const predicted of CONFUSION_KEYS) row[predicted] = 0;
    matrix[gold] = row;
  }
  return matrix;
}

function toSpan(match: Match): ErrorSpan {
  const span: ErrorSpan = { ruleId: match.ruleId, start: match.start, end: match.end, text: match.text };
  if (match.mentioned === true) span.mentioned = true;
  return span;
}

interface RuleTally {
  ruleId: string;
  label: RuleLabel;
  fired: number;
  mentioned: number;
  tp: number;
}

/**
 * Precision, recall, F1, support and counts per label of `rows`, each row's predicted labels
 * against its gold ones, and macro F1 (the four labels' mean, zero-support labels included as 0).
 * A report's numbers, and a baseline comparison's on the comments two runs share.
 */
export function labelMetrics(rows: ReadonlyArray<{ gold: readonly Label[]; predicted: readonly Label[] }>): { labels: Record<Label, LabelMetrics>; macroF1: number } {
  const labels = Object.fromEntries(
    LABELS.map((label) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const row of rows) {
        const inGold = row.gold.includes(label);
        const inPredicted = row.predicted.includes(label);
        if (inGold && inPredicted) tp++;
        else if (inPredicted) fp++;
        else if (inGold) fn++;
      }
      return [label, { ...ratios(tp, fp, fn), support: tp + fn, tp, fp, fn }];
    }),
  ) as Record<Label, LabelMetrics>;
  return { labels, macroF1: LABELS.reduce((sum, label) => sum + labels[label].f1, 0) / LABELS.length };
}

export function computeReport(run: EvalRun): EvalReport {
  const confusion = emptyConfusion();
  const errors: EvalError[] = [];
  // Keyed by rule id AND label: an id reused across labels would otherwise be judged against the wrong gold.
  const tallies = new Map<string, RuleTally>();

  for (const row of run.rows) {
    const gold = new Set(row.gold);
    const predicted = new Set(row.predicted);

    for (const label of LABELS) {
      const inGold = gold.has(label);
      const inPredicted = predicted.has(label);
      if (inGold !== inPredicted) {
        errors.push({
          id: row.id,
          text: row.text,
          label,
          kind: inPredicted ? 'fp' : 'fn',
          score: row.scores[label],
          matches: matchesFor(row.matches, label).map(toSpan),
        });
      }
    }

    const goldKeys: ConfusionKey[] = row.gold.length > 0 ? [...gold] : ['none'];
    const predictedKeys: ConfusionKey[] = row.predicted.length > 0 ? [...predicted] : ['none'];
    for (const g of goldKeys) {
      for (const p of predictedKeys) confusion[g][p] += 1;
    }

    const byRule = new Map<string, { ruleId: string; label: RuleLabel; allMentioned: boolean }>();
    for (const match of row.matches) {
      const key = `${match.ruleId}\u0000${match.label}`;
      const seen = byRule.get(key);
      if (seen) seen.allMentioned &&= match.mentioned === true;
      else byRule.set(key, { ruleId: match.ruleId, label: match.label, allMentioned: match.mentioned === true });
    }
    for (const [key, fired] of byRule) {
      const tally = tallies.get(key) ?? { ruleId: fired.ruleId, label: fired.label, fired: 0, mentioned: 0, tp: 0 };
      tally.fired += 1;
      if (fired.allMentioned) tally.mentioned += 1;
      if (gold.has(scoredAs(fired.label))) tally.tp += 1;
      tallies.set(key, tally);
    }
  }

  const { labels, macroF1 } = labelMetrics(run.rows);

  const rules: RuleMetrics[] = [...tallies.values()]
    .sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.label, b.label))
    .map((tally) => {
      const target = scoredAs(tally.label);
      const fp = tally.fired - tally.tp;
      const support = labels[target].support;
      return {
        ruleId: tally.ruleId,
        label: tally.label,
        scoredAs: target,
        fired: tally.fired,
        mentioned: tally.mentioned,
        tp: tally.tp,
        fp,
        precision: tally.fired === 0 ? 0 : tally.tp / tally.fired,
        recall: support === 0 ? 0 : tally.tp / support,
      };
    });

  const report: EvalReport = {
    rowCount: run.rows.length,
    labels,
    macroF1,
    rules,
    confusion,
    errors,
    rows: run.rows.map((row) => ({
      id: row.id,
      text: row.text,
      gold: [...row.gold],
      predicted: [...row.predicted],
      scores: { ...row.scores },
    })),
  };
  if (run.thresholds !== undefined) report.thresholds = { ...run.thresholds };
  return report;
}

function scoredAs(label: RuleLabel): Label {
  return label === 'profanity' ? 'insult' : label;
}

/** Code-point order, not locale order, so reports are identical on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
