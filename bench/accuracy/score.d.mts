/** Types for score.mjs (bench/accuracy's mapping and scoring), for tests/bench. */
export type DecorumLabel = 'slur' | 'insult' | 'partisan_epithet' | 'off_topic';

export interface Expectation {
  /** Non-empty: correct when any of these labels is present. Empty: correct when none of `considered` is. */
  accept: string[];
  considered: string[];
}

export interface HatecheckExpectation extends Expectation {
  functionality: string;
  section: 'shared' | 'threat' | 'reclaimed' | 'ours_insult';
  mapped: 'slur' | 'flagged' | 'none' | 'insult';
}

export interface DatasetExpectation extends Expectation {
  cls: string;
  mapped: string;
  /** OLID OFF/TIN/*: the label(s) of the stricter per-class view. */
  strict?: string[];
}

export interface VerdictLike {
  labels: readonly string[];
  action?: string;
  matches?: ReadonlyArray<{ label: string; mentioned?: boolean }>;
}

export interface HatecheckRowLike {
  id?: string;
  labels: { functionality: string; focus_lemma?: string | null; label_gold?: string };
}

export interface HatecheckScore {
  id: string | undefined;
  functionality: string;
  section: HatecheckExpectation['section'];
  mapped: HatecheckExpectation['mapped'];
  correct: boolean;
  correctGold: boolean;
  flagged: boolean;
  labels: string[];
  action: string | undefined;
  mentionedSlur: boolean;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export const HARM_LABELS: readonly DecorumLabel[];
export const ABUSE_LABELS: readonly DecorumLabel[];
export const HATECHECK_APART: Readonly<Record<string, string>>;
export const SLUR_FOCUS: string;
export const HATECHECK_GROUPS: ReadonlyArray<{ name: string; describe: string; test: (row: HatecheckRowLike) => boolean; goal: number }>;

export function hatecheckExpectation(row: HatecheckRowLike): HatecheckExpectation;
export function meets(expectation: Expectation, labels: readonly string[]): boolean;
export function harmFlagged(labels: readonly string[]): boolean;
export function abuseFlagged(labels: readonly string[]): boolean;
export function scoreHatecheckRow(row: HatecheckRowLike, verdict: VerdictLike): HatecheckScore;
export function referenceCorrect(prediction: string, gold: string): boolean;
export function sharedFunctionalities(functionalities: Iterable<string>): string[];
export function olidExpectation(row: { id?: string; labels: { subtask_a: string; subtask_b: string | null; subtask_c: string | null } }): DatasetExpectation;
export function davidsonExpectation(row: { id?: string; labels: { class_name: string } }): DatasetExpectation;
export function peerExpected(row: { id?: string; proposed_ours?: string | null }): string;
export function peerCorrect(expected: string, answer: boolean | readonly string[], mode?: 'any' | 'specific'): boolean;
export function ratio(num: number, den: number): number | null;
export function prf(tp: number, fp: number, fn: number): PRF;
export function perClassPRF(
  items: ReadonlyArray<{ cls: string; labels: readonly string[] }>,
  classes: ReadonlyArray<{ name: string; members: string[]; expectation: Expectation }>,
): Array<PRF & { class: string; members: string[]; n: number }>;
export function binaryPRF(items: ReadonlyArray<{ positive: boolean; flagged: boolean }>): PRF & { tn: number; accuracy: number | null; fpr: number | null };
export function pct(x: number | null | undefined, digits?: number): string;
