import type { Analyzer } from '../analyze.js';
import type { Match } from '../types.js';

/**
 * Off-topic rules that name a subject (`requires: "unrelated-article"`: sports, recipes, pets …)
 * are judged against the article: baseball talk is off-topic under a story about Russia and on
 * topic under a baseball report. A subject counts only when the article's own text does not
 * match the same rule, and never without an article (LABELS.md: with no article only spam,
 * chatter and furniture are off-topic). Moderation and training apply the same judgement, so
 * the model learns from the matches moderation keeps.
 */

const NONE: ReadonlySet<string> = new Set();

/**
 * How much of the article is read for its subjects: its start says what it is about, and a forum's
 * opening post is user text (a megabyte of it must cost what a comment of the default maxLength does).
 */
export const SUBJECT_READ = 20_000;

/** The subject rules the article's own text matches (its first SUBJECT_READ characters): under it, a comment's matches of them are on topic. */
export function subjectsOf(analyzer: Analyzer, article: string): ReadonlySet<string> {
  const rules = analyzer.rules.subjectRules;
  if (rules.size === 0) return NONE;
  const out = new Set<string>();
  for (const m of analyzer.analyze(article.length > SUBJECT_READ ? article.slice(0, SUBJECT_READ) : article).matches) if (rules.has(m.ruleId)) out.add(m.ruleId);
  return out;
}

/** Does any match belong to a subject rule? Most comments have none, and then the article is never read. */
export function hasSubjectMatch(matches: readonly Match[], subjectRules: ReadonlySet<string>): boolean {
  if (subjectRules.size === 0) return false;
  for (const m of matches) if (subjectRules.has(m.ruleId)) return true;
  return false;
}

/**
 * `matches` without the subject matches that do not count: every one with no article (`subjects`
 * null), and those of a subject the article matches too. The same array when none goes.
 */
export function keepSubjectMatches(matches: Match[], subjectRules: ReadonlySet<string>, subjects: ReadonlySet<string> | null): Match[] {
  const drops = (m: Match): boolean => subjectRules.has(m.ruleId) && (subjects === null || subjects.has(m.ruleId));
  return matches.some(drops) ? matches.filter((m) => !drops(m)) : matches;
}
