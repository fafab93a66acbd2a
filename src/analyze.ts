import { compileRules, type SourcedPack } from './engine/compile.js';
import type { CompiledRules } from './engine/compiled.js';
import { findMatches } from './engine/match.js';
import { featuresOf } from './model/features.js';
import { normalize, type NormalizedText } from './normalize/normalize.js';
import type { Match } from './types.js';

/** What the rule engine sees of one comment; shared by moderation and training so both agree. */
export interface Analysis {
  norm: NormalizedText;
  matches: Match[];
  features: Set<string>;
}

export interface Analyzer {
  readonly rules: CompiledRules;
  analyze(text: string): Analysis;
}

export function createAnalyzer(packs: readonly SourcedPack[], options: { disable?: readonly string[]; profanity?: readonly string[] } = {}): Analyzer {
  const rules = compileRules(packs, options);
  return {
    rules,
    analyze(text) {
      const norm = normalize(text);
      const matches = findMatches(norm, rules);
      // Built on first read: moderation scores straight from the tokens and never reads it.
      let features: Set<string> | undefined;
      return {
        norm,
        matches,
        get features() {
          return (features ??= featuresOf(norm.text, matches));
        },
        set features(value: Set<string>) {
          features = value;
        },
      };
    },
  };
}
