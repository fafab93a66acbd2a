import type { RespellTable } from './respell.js';
import type { Boundary } from '../schemas/rulePack.js';
import type { Label, Severity } from '../types.js';
import type { Automaton } from './automaton.js';
import type { FuzzyIndex } from './fuzzy.js';
import type { WordFilter } from './wordFilter.js';
import type { WordInfo } from './wordScan.js';
import type { WordMemo } from './wordMemo.js';

export type RuleLabel = Label | 'profanity';

/** A rule after compilation: what a match needs to report and how to judge its context. */
export interface CompiledRule {
  id: string;
  label: RuleLabel;
  severity: Severity;
  description: string;
  pack: string;
  requiresTarget: boolean;
  /** An off_topic rule naming a subject: counts only under an article that does not match it (`requires: "unrelated-article"`). */
  requiresUnrelated?: boolean;
  /** Normalised words and phrases that put an article on this rule's subject besides its terms (`articleTerms`). */
  articleTerms?: readonly string[];
  /** A slur rule whose terms may be read inside run-together words ("manyfags"). */
  glued: boolean;
  /** Words that show the innocent sense of any match of this rule when in the same sentence. */
  near?: ReadonlySet<string>;
  /** Counts only when denied: good qualities withheld from a group ("X are not our equal"). */
  negatedOnly?: boolean;
}

/** One searchable string in the automaton: a term of a rule, or an allowlisted phrase. */
export type Entry =
  | { kind: 'term'; rule: number; term: string; boundary: Boundary; allow: number[]; near?: ReadonlySet<string> }
  | { kind: 'allow'; phrase: string };

export interface AffixStem {
  rule: number;
  suffixes: ReadonlySet<string>;
  allow: ReadonlySet<string>;
}

export interface CompiledPattern {
  rule: number;
  regex: RegExp;
  /** In the pattern gate: run only when the gate found one of its required strings. */
  gated: boolean;
  /** For an ungated pattern, a literal every match contains: when the text lacks it, the regex is not run at all. */
  literal?: string;
  /**
   * The longest text a match fits in (prefilter.ts `readPattern`), when the pattern is anchored at
   * both ends: a longer text is not searched. Absent: no limit.
   */
  maxText?: number;
}

/**
 * Every gated pattern's gate strings (prefilter.ts). They are searched by the term automaton,
 * after the entries (automaton pattern `entries.length + i` is `strings[i]`): the pass that finds
 * the terms also says which patterns can match, instead of a second pass over the text. A pattern
 * is gated by up to 8 parts, sets of strings every match holds one of; it runs only when each of
 * its parts has a string in the text.
 */
export interface PatternGate {
  strings: readonly string[];
  /** Gate string → `k * 8 + j` for each part j of pattern k (index in `patterns`) it is in. */
  codes: readonly (readonly number[])[];
  /** Pattern k → a mask with bit j set for each of its parts j (0 when ungated). */
  full: readonly number[];
  /**
   * Pattern k → how far past where a match starts its regex may read (prefilter.ts `GateInfo`),
   * Infinity when unbounded or ungated: a match holding a gate string that ends at `end` starts
   * at or after `end - reach[k]`, so in a long text the regex need only run near them.
   */
  reach: readonly number[];
  /**
   * Pattern k → the furthest end of a gate string that can count for it: `reach[k]` for a
   * pattern anchored at the text's start (every match lies in its first reach[k] code units),
   * Infinity otherwise. Most such patterns' strings ("ist", " have", " know") occur somewhere
   * in a comment, but seldom at its start.
   */
  until: readonly number[];
}

/** Everything compiled from the rule packs, immutable once built. */
export interface CompiledRules {
  rules: readonly CompiledRule[];
  entries: readonly Entry[];
  /**
   * Every entry's string, then every string of `patternGate`, but the terms of subject rules
   * (`requires: "unrelated-article"`): what a comment with no article is searched for.
   */
  automaton: Automaton;
  /**
   * The automaton to search a comment with: without the terms of the subject rules in `skip`
   * (`findMatches`), with those of every other; undefined skips none. Built on first use for each
   * set of subject rules, and kept: "Putin" in most comments under a story about Russia is a
   * politics term moderation would only drop, and its hits cost the word scan ~3 %.
   */
  automatonFor(skip: ReadonlySet<number> | undefined): Automaton;
  /** Allow entries that protect every rule (pack-level `allow`). */
  globalAllow: readonly number[];
  /** Per-rule allow entries (rule-level `allow`). */
  ruleAllow: ReadonlyMap<number, readonly number[]>;
  /** Affix stems by stem text, for word formation ("demon" + "rats"). */
  stems: ReadonlyMap<string, readonly AffixStem[]>;
  /**
   * Every word the stems and suffixes form, with the stems that form it, in the order a scan of
   * cuts (shortest stem first) and of each stem's list would meet them: one look-up per word.
   */
  affixWords: ReadonlyMap<string, readonly AffixStem[]>;
  /** The keys of affixWords: most words are turned away before they are sliced or hashed. */
  affixFilter: WordFilter;
  maxStem: number;
  maxSuffix: number;
  patterns: readonly CompiledPattern[];
  patternGate: PatternGate;
  /** Single-word a–z term entries by maskKey(length, first letter), for masked words ("f**k"). */
  maskable: ReadonlyMap<number, readonly number[]>;
  /** Person nouns that make a `requires: target` match count. */
  targets: ReadonlySet<string>;
  /** Ids of the rules with `requires: "unrelated-article"`: moderation drops their matches under an article they match too. */
  subjectRules: ReadonlySet<string>;
  /** The same rules by number: what moderation skips in a comment with no article. */
  subjectRuleNumbers: ReadonlySet<number>;
  /** People by name that make a `requires: target` match count when it is said of them (context.ts `namedTarget`). */
  names: ReadonlySet<string>;
  /** Misspelled insult words and what they stand for ("haet" → "hate"), see respell.ts. */
  respell: RespellTable;
  /** Every word of every term, allow phrase, target and name, and every word an affix rule forms: never respelled. */
  known: ReadonlySet<string>;
  /** One-swap / one-deletion spellings of slur terms ("fgagot", "fagot"), whole words only. */
  fuzzy: FuzzyIndex;
  /**
   * Token → what the word-level stages make of it (wordScan.ts). A pure function of the token
   * and these rules, so the memo only saves work; emptied when full (WORD_MEMO_LIMIT).
   */
  readonly wordMemo: WordMemo<WordInfo>;
}

/** The key of CompiledRules.maskable: a word's length and its first UTF-16 unit. */
export const maskKey = (length: number, first: number): number => length * 0x10000 + first;
