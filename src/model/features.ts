import type { Match } from '../types.js';
import { stem, tokenize } from '../text/tokens.js';

/**
 * The model's features for one comment: stemmed unigrams (`w:`), stemmed bigrams (`b:`), and
 * the rule engine's findings (`r:` rule id, `l:` label) so the model learns how far to trust
 * each rule. Presence, not counts: in short comments a repeated word adds little, and
 * binarised multinomial naive Bayes is the stronger choice for short text.
 */
export function featuresOf(normalized: string, matches: readonly Match[]): Set<string> {
  const out = new Set<string>();
  let prev: string | undefined;
  for (const token of tokenize(normalized)) {
    const s = stem(token);
    out.add('w:' + s);
    if (prev !== undefined) out.add('b:' + prev + '_' + s);
    prev = s;
  }
  for (const m of matches) {
    if (m.mentioned) {
      out.add('m:' + m.label);
      continue;
    }
    out.add('r:' + m.ruleId);
    out.add('l:' + m.label);
  }
  return out;
}
