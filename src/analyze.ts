import { compileRules, type CompileOptions, type SourcedPack } from './engine/compile.js';
import type { CompiledRules } from './engine/compiled.js';
import { findMatches } from './engine/match.js';
import { featuresOf } from './model/features.js';
import { normalize, type NormalizedText } from './normalize/normalize.js';
import type { WordSpans } from './text/wordSpans.js';
import type { Match } from './types.js';
import { keepShape } from './keepShape.js';

/** What the rule engine sees of one comment; shared by moderation and training so both agree. */
export interface Analysis {
  norm: NormalizedText;
  matches: Match[];
  /**
   * The normalised text the model reads: words an allowlist or a homonym's context declared
   * innocent are blanked, so "faggots" in "bought faggots at the butcher" is not slur evidence to
   * the model either. Same length as norm.text.
   */
  modelText: string;
  features: Set<string>;
  /**
   * The rule engine's word spans of `modelText`, when its word scan read exactly that text (no
   * blanks, masks or respellings in between): the model reuses them instead of scanning again.
   */
  words?: WordSpans;
}

/** `text` with the given spans replaced by spaces (length and every other position unchanged). */
function blank(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  const chars = text.split('');
  for (const [start, end] of spans) for (let i = start; i < end; i++) chars[i] = ' ';
  return chars.join('');
}

/**
 * An Analysis whose feature set is built on first read: moderation scores straight from the
 * tokens and never reads it. A class rather than an object literal with an accessor pair, which
 * V8 builds per call as a slow object with two fresh closures (~1 µs per comment).
 */
class LazyAnalysis implements Analysis {
  #features: Set<string> | undefined;
  constructor(
    readonly norm: NormalizedText,
    readonly matches: Match[],
    readonly modelText: string,
    readonly words: WordSpans | undefined,
  ) {}

  get features(): Set<string> {
    return (this.#features ??= featuresOf(this.modelText, this.matches));
  }

  set features(value: Set<string>) {
    this.#features = value;
  }
}

// Dies with its call: one live keeps its maps through a full GC (keepShape.ts).
keepShape(new LazyAnalysis(normalize(''), [], '', undefined));

export interface Analyzer {
  readonly rules: CompiledRules;
  /** `skip`: rule numbers whose hits are dropped before any judging (findMatches). */
  analyze(text: string, skip?: ReadonlySet<number>): Analysis;
}

export function createAnalyzer(packs: readonly SourcedPack[], options: CompileOptions = {}): Analyzer {
  const rules = compileRules(packs, options);
  return {
    rules,
    analyze(text, skip) {
      const norm = normalize(text);
      const innocent: Array<[number, number]> = [];
      const reading: { words?: WordSpans } = {};
      const matches = findMatches(norm, rules, innocent, reading, skip);
      const modelText = innocent.length === 0 ? norm.text : blank(norm.text, innocent);
      const words = reading.words !== undefined && reading.words.text === modelText ? reading.words : undefined;
      return new LazyAnalysis(norm, matches, modelText, words);
    },
  };
}
