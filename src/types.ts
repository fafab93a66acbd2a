/** The four labels of LABELS.md. A comment with none of them is fine to publish. */
export type Label = 'slur' | 'insult' | 'partisan_epithet' | 'off_topic';

/** Every label, in the order reports print them. */
export const LABELS: readonly Label[] = ['slur', 'insult', 'partisan_epithet', 'off_topic'] as const;

export type Action = 'allow' | 'review' | 'reject';

export type Severity = 'low' | 'medium' | 'high';

/**
 * One piece of rule evidence. `start`/`end` are UTF-16 offsets into the ORIGINAL text
 * (what `text.slice(start, end)` returns is `text`), whatever normalisation found it.
 * `label` is `profanity` for bad-words' list, which is evidence, not a label of its own:
 * profanity only becomes an insult when it is aimed at someone.
 */
export interface Match {
  ruleId: string;
  label: Label | 'profanity';
  severity: Severity;
  start: number;
  end: number;
  text: string;
  /** The term from the pack that matched (normalised form). */
  term: string;
  /** True when the term is quoted or named in order to condemn it (counter-speech). */
  mentioned?: boolean;
}

export type Scores = Record<Label, number>;

export interface Verdict {
  labels: Label[];
  scores: Scores;
  action: Action;
  matches: Match[];
  /** ISO 639-3 code from franc, or `und` when the text is too short or unclear to tell. */
  language: string;
  /** Human-readable reasons, one per label or policy decision, for a moderator. */
  reasons: string[];
}
