import type { Label, Match } from '../types.js';

/**
 * The inputs of the per-label combiner: the naive-Bayes log-odds plus what the rule engine
 * and the topic check found. A logistic regression over these, fitted on held-out folds,
 * turns them into one calibrated probability, so rule hits and model evidence are weighed
 * once each instead of being added up twice.
 */
export const SIGNAL_NAMES: Readonly<Record<Label, readonly string[]>> = {
  slur: ['nb', 'rule_high', 'rule_medium', 'rule_low', 'mentioned'],
  insult: ['nb', 'rule_high', 'rule_medium', 'rule_low', 'profanity_aimed'],
  partisan_epithet: ['nb', 'rule_high', 'rule_medium', 'rule_low', 'mentioned'],
  off_topic: ['nb', 'rule_high', 'rule_medium', 'rule_low', 'article', 'unrelated'],
};

/** Similarity to the article at which a comment counts as fully on topic. */
export const ON_TOPIC_SIMILARITY = 0.12;

/**
 * Signals for one label, in SIGNAL_NAMES order. `similarity` is null when there is no article.
 */
export function signalsFor(label: Label, nbLogOdds: number, matches: readonly Match[], similarity: number | null): number[] {
  let high = 0;
  let medium = 0;
  let low = 0;
  let extra = 0;
  for (const m of matches) {
    if (m.label === 'profanity') {
      if (label === 'insult') extra = 1;
      continue;
    }
    if (m.label !== label) continue;
    if (m.mentioned) {
      extra = label === 'slur' || label === 'partisan_epithet' ? 1 : extra;
      continue;
    }
    if (m.severity === 'high') high = 1;
    else if (m.severity === 'medium') medium = 1;
    else low = 1;
  }
  if (label === 'off_topic') {
    const article = similarity === null ? 0 : 1;
    const unrelated = similarity === null ? 0 : 1 - Math.min(1, similarity / ON_TOPIC_SIMILARITY);
    return [nbLogOdds, high, medium, low, article, unrelated];
  }
  return [nbLogOdds, high, medium, low, extra];
}

/** Bits of a label's rule evidence (see `ruleEvidence`). */
export const EVIDENCE = {
  /** An unmentioned match of the label at that severity: signals rule_high / rule_medium / rule_low. */
  HIGH: 1,
  MEDIUM: 2,
  LOW: 4,
  /** The label's last signal before the topic ones: profanity_aimed for insult, mentioned for slur and partisan_epithet. */
  EXTRA: 8,
  /** A match of the label that is only mentioned (counter-speech, quotation). */
  MENTIONED: 16,
  /** An unmentioned profanity match (insult only): aimed profanity. */
  AIMED_PROFANITY: 32,
} as const;

/** Any unmentioned match of the label's own. */
export const USED = EVIDENCE.HIGH | EVIDENCE.MEDIUM | EVIDENCE.LOW;

/**
 * What the matches say, per label in LABELS order, in one pass: the rule columns of every
 * label's signals and what moderation reads besides. Moderation read the matches five times per
 * label before (four signal vectors, rule scores, floors, the counter-speech checks).
 */
export function ruleEvidence(matches: readonly Match[], out: Uint8Array): Uint8Array {
  // Four stores: a builtin fill() call cost more than that.
  for (let l = 0; l < out.length; l++) out[l] = 0;
  for (const m of matches) {
    if (m.label === 'profanity') {
      // As signalsFor: any profanity, mentioned or not, is the insult's `profanity_aimed` signal.
      out[1]! |= EVIDENCE.EXTRA | (m.mentioned ? 0 : EVIDENCE.AIMED_PROFANITY);
      continue;
    }
    // The label's index in LABELS, by comparison: a table keyed by the label (a load keyed by
    // four strings) went megamorphic.
    const l = m.label === 'slur' ? 0 : m.label === 'insult' ? 1 : m.label === 'partisan_epithet' ? 2 : 3;
    if (m.mentioned) out[l]! |= EVIDENCE.MENTIONED | (m.label === 'slur' || m.label === 'partisan_epithet' ? EVIDENCE.EXTRA : 0);
    else out[l]! |= m.severity === 'high' ? EVIDENCE.HIGH : m.severity === 'medium' ? EVIDENCE.MEDIUM : EVIDENCE.LOW;
  }
  return out;
}

/**
 * `signalsFor(label, nbLogOdds, matches, similarity)` written into `out`, from the label's
 * `ruleEvidence` bits instead of the matches: no array per label per comment.
 */
export function signalsOfEvidence(label: Label, nbLogOdds: number, bits: number, similarity: number | null, out: Float64Array): Float64Array {
  out[0] = nbLogOdds;
  out[1] = bits & EVIDENCE.HIGH ? 1 : 0;
  out[2] = bits & EVIDENCE.MEDIUM ? 1 : 0;
  out[3] = bits & EVIDENCE.LOW ? 1 : 0;
  if (label === 'off_topic') {
    out[4] = similarity === null ? 0 : 1;
    out[5] = similarity === null ? 0 : 1 - Math.min(1, similarity / ON_TOPIC_SIMILARITY);
  } else {
    out[4] = bits & EVIDENCE.EXTRA ? 1 : 0;
  }
  return out;
}
