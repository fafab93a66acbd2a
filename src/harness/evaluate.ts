import { DecorumError, shown } from '../errors.js';
import type { Fixture } from '../schemas/fixture.js';
import { LABELS, type Label, type Match, type Scores, type Verdict } from '../types.js';

/** The classifier under test. The harness never imports the moderator, so any function of this shape can be tuned. */
export type Classify = (text: string, article?: string) => Verdict;

/** Per-label score cut-offs. A label without one keeps the verdict's own decision. */
export type Thresholds = Partial<Record<Label, number>>;

export interface EvaluateOptions {
  thresholds?: Thresholds;
}

/** One fixture after classification: what the labeller said next to what the classifier said. */
export interface EvalRow {
  id: string;
  text: string;
  article?: string;
  /** Gold labels, de-duplicated and in LABELS order. */
  gold: Label[];
  /** Predicted labels, de-duplicated and in LABELS order. */
  predicted: Label[];
  scores: Scores;
  matches: Match[];
}

export interface EvalRun {
  rows: EvalRow[];
  /** The thresholds that produced `predicted`, kept so a report says how it was tuned. */
  thresholds?: Thresholds;
}

/** Sets in LABELS order, so reports and JSON baselines diff cleanly whatever order the labeller typed. */
export function canonicalLabels(labels: Iterable<Label>): Label[] {
  const set = new Set(labels);
  return LABELS.filter((label) => set.has(label));
}

function checkThresholds(thresholds: Thresholds): void {
  for (const [label, value] of Object.entries(thresholds)) {
    if (!(LABELS as readonly string[]).includes(label)) {
      throw new DecorumError('INVALID_OPTION', `thresholds.${label}: unknown label; expected one of ${LABELS.join(', ')}`, {
        option: `thresholds.${label}`,
      });
    }
    // undefined is allowed by Partial and means "no override".
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new DecorumError('INVALID_OPTION', `thresholds.${label}: must be a number from 0 to 1, got ${shown(value)}`, {
        option: `thresholds.${label}`,
      });
    }
  }
}

/**
 * Classify every fixture and keep gold, predictions, scores and matches side by side.
 *
 * Predicted labels are the verdict's labels, except for labels given a threshold: those are
 * predicted when `scores[label] >= threshold`. A partial map therefore tunes one label while
 * the others keep the moderator's own policy.
 *
 * Fixture ids must be unique: baselines compare runs row by row through them.
 * Errors thrown by `classify` propagate unchanged.
 */
export function evaluate(fixtures: readonly Fixture[], classify: Classify, options: EvaluateOptions = {}): EvalRun {
  const thresholds = options.thresholds;
  if (thresholds !== undefined) checkThresholds(thresholds);

  const seen = new Set<string>();
  const rows: EvalRow[] = fixtures.map((fixture) => {
    if (seen.has(fixture.id)) {
      throw new DecorumError('FIXTURE', `duplicate fixture id "${fixture.id}": ids must be unique to compare runs`, {
        field: 'id',
      });
    }
    seen.add(fixture.id);

    const verdict = classify(fixture.text, fixture.article);
    const predicted = canonicalLabels(
      LABELS.filter((label) => {
        const cut = thresholds?.[label];
        return cut === undefined ? verdict.labels.includes(label) : verdict.scores[label] >= cut;
      }),
    );
    const row: EvalRow = {
      id: fixture.id,
      text: fixture.text,
      gold: canonicalLabels(fixture.labels),
      predicted,
      scores: { ...verdict.scores },
      matches: verdict.matches.map((match) => ({ ...match })),
    };
    if (fixture.article !== undefined) row.article = fixture.article;
    return row;
  });

  const run: EvalRun = { rows };
  if (thresholds !== undefined) run.thresholds = { ...thresholds };
  return run;
}
