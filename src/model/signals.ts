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
