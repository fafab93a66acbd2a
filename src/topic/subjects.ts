import type { Analyzer } from '../analyze.js';
import type { CompiledRules } from '../engine/compiled.js';
import { englishWords } from '../lexicon/words.js';
import { normalize } from '../normalize/normalize.js';
import { STOPWORDS, stem, tokenize } from '../text/tokens.js';
import type { Match } from '../types.js';

/**
 * Off-topic rules that name a subject (`requires: "unrelated-article"`: sports, recipes, pets …)
 * are judged against the article: baseball talk is off-topic under a story about Russia and on
 * topic under a baseball report. A subject counts only when the article's own text does not
 * match the same rule (nor hold one of its `articleTerms`), when the comment names none of the
 * article's people and places ("Russia hosted the football World Cup", "Trump treats diplomacy
 * like a Netflix show" are about the article through another subject's word) and none of the
 * subject terms the article uses ("Trump would have fixed this bullpen" under a report of the
 * bullpen's blown save), and never without an article (LABELS.md: with no article only spam,
 * chatter and furniture are off-topic). Moderation and training apply the same judgement, so the
 * model learns from the matches moderation keeps.
 */

/** What a comment's subject matches are judged against, read from the article once. */
export interface ArticleSubjects {
  /** The subject rules the article's own text matches, or whose `articleTerms` it holds. */
  readonly rules: ReadonlySet<string>;
  /** The same rules by number: a comment's hits of them can be dropped before they are judged. */
  readonly skip: ReadonlySet<number>;
  /** The terms of the subject rules' matches in the article's own text ("bullpen", "inning"). */
  readonly terms: ReadonlySet<string>;
  /**
   * The stems of the article's names: words it capitalises inside a sentence (Putin, Russia,
   * Kremlin, Trump), outside headline lines, where every word is capitalised; an English word
   * ("Trump", "News" in "Sky News") only when capitalised twice or more. Its other words are no
   * sign: a comment about a dog shares "stop" or "week" with any long article.
   */
  readonly names: ReadonlySet<string>;
}

/**
 * How much of the article is read for its subjects: its start says what it is about, and a forum's
 * opening post is user text (a megabyte of it must cost what a comment of the default maxLength does).
 */
export const SUBJECT_READ = 20_000;

/** Stems of the content words of normalised text: the words the topic vector counts (similarity.ts). */
function contentStems(normalized: string, out: Set<string> = new Set()): Set<string> {
  for (const token of tokenize(normalized)) if (token.length >= 3 && !STOPWORDS.has(token)) out.add(stem(token));
  return out;
}

const CAPITALISED = /\p{Lu}[\p{L}\p{N}'’]*/gu;
const LETTER_RUN = /\p{L}[\p{L}\p{N}'’]*/gu;
/** What ends a sentence (or opens a quote or an aside) before a word: the word after it is capitalised anyway. */
const SENTENCE_START = /(?:^|[.!?:;"“”‘(—–-])\s*$/;

/** Words English capitalises that name no one in particular: days and months. */
const CALENDAR: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** See ArticleSubjects.names. */
function nameStems(text: string): Set<string> {
  const seen = new Map<string, number>();
  for (const line of text.split('\n')) {
    const words = line.match(LETTER_RUN) ?? [];
    let capitalised = 0;
    for (const w of words) if (w !== w.toLowerCase() && w[0] === w[0]!.toUpperCase()) capitalised++;
    // A headline in title case ("Putin Says Trump Not to Blame for Lack of Improvement").
    if (words.length >= 4 && capitalised >= 0.6 * words.length) continue;
    for (const m of line.matchAll(CAPITALISED)) {
      if (SENTENCE_START.test(line.slice(Math.max(0, m.index - 4), m.index))) continue;
      const word = normalize(m[0]).text;
      if (!CALENDAR.has(word)) seen.set(word, (seen.get(word) ?? 0) + 1);
    }
  }
  const english = englishWords();
  const out = new Set<string>();
  for (const [word, count] of seen) if (count >= 2 || !english.has(word)) contentStems(word, out);
  return out;
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The numbers of every rule but the subject rules, per rule set. */
const OTHER_RULES = new WeakMap<CompiledRules, ReadonlySet<number>>();
function otherRulesOf(rules: CompiledRules): ReadonlySet<number> {
  let other = OTHER_RULES.get(rules);
  if (other === undefined) {
    other = new Set(rules.rules.flatMap((_, i) => (rules.subjectRuleNumbers.has(i) ? [] : [i])));
    OTHER_RULES.set(rules, other);
  }
  return other;
}

/**
 * The article's subjects (its first SUBJECT_READ characters): the subject rules it matches, or
 * whose `articleTerms` it holds as whole words, and its names.
 */
function subjectsOf(analyzer: Analyzer, article: string): ArticleSubjects {
  const read = article.length > SUBJECT_READ ? article.slice(0, SUBJECT_READ) : article;
  const rules = new Set<string>();
  const terms = new Set<string>();
  // Only the subject rules are judged: an article is no comment, and judging every slur homonym
  // of a hostile 20,000 characters cost a comment under it ~15 ms.
  const analysis = analyzer.analyze(read, otherRulesOf(analyzer.rules));
  for (const m of analysis.matches) {
    if (!analyzer.rules.subjectRules.has(m.ruleId)) continue;
    rules.add(m.ruleId);
    terms.add(m.term);
  }
  // Words joined by single spaces, with one at each end: a term is a whole-word run of them.
  let spaced: string | undefined;
  const skip = new Set<number>();
  for (const i of analyzer.rules.subjectRuleNumbers) {
    const rule = analyzer.rules.rules[i]!;
    if (!rules.has(rule.id) && rule.articleTerms !== undefined) {
      const text = (spaced ??= ` ${analysis.norm.text.split(NOT_WORD).join(' ')} `);
      if (rule.articleTerms.some((t) => text.includes(` ${t.split(NOT_WORD).join(' ')} `))) rules.add(rule.id);
    }
    if (rules.has(rule.id)) skip.add(i);
  }
  return { rules, skip, terms, names: nameStems(read) };
}

/** Does any match belong to a subject rule? Most comments have none, and then the article is never read. */
function hasSubjectMatch(matches: readonly Match[], subjectRules: ReadonlySet<string>): boolean {
  if (subjectRules.size === 0) return false;
  for (const m of matches) if (subjectRules.has(m.ruleId)) return true;
  return false;
}

/** Does the comment (`modelText`, normalised) name one of the article's names? */
function namesArticle(subjects: ArticleSubjects, modelText: string): boolean {
  for (const s of contentStems(modelText)) if (subjects.names.has(s)) return true;
  return false;
}

/**
 * Does the comment name a thing of the article's subject that the article names itself ("Trump
 * would have fixed this bullpen" under a report of a blown save in the bullpen)? A subject word
 * the article does not use is no sign: "Biden crime family >>> basketball" under a story about a
 * trade talks politics, not the trade. Moderation skips the article's subject rules' hits in a
 * comment once the article has been read (`skippedSubjects`), so the comment is read again with
 * only the subject rules judged; it is asked only of a comment whose other subject would
 * otherwise count, which few are.
 */
function touchesArticleSubject(analyzer: Analyzer, subjects: ArticleSubjects, modelText: string): boolean {
  if (subjects.terms.size === 0) return false;
  for (const m of analyzer.analyze(modelText, otherRulesOf(analyzer.rules)).matches) if (subjects.terms.has(m.term) && subjects.rules.has(m.ruleId)) return true;
  return false;
}

/**
 * `matches` without the subject matches that do not count: every one with no article (`subjects`
 * null), or when the comment touches the article's subject through a name or a subject term the
 * article uses too (LABELS.md: a comment touching the article's subject even loosely is not
 * off-topic), and those of a subject the article matches too. The same array when none goes.
 */
function keepSubjectMatches(analyzer: Analyzer, matches: Match[], subjects: ArticleSubjects | null, modelText: string): Match[] {
  const subjectRules = analyzer.rules.subjectRules;
  const own = (m: Match): boolean => subjectRules.has(m.ruleId) && subjects !== null && subjects.rules.has(m.ruleId);
  // Another subject's match that would count: only then is the comment read for the article's.
  const other = (m: Match): boolean => subjectRules.has(m.ruleId) && !own(m);
  const all = subjects === null || (matches.some(other) && (namesArticle(subjects, modelText) || touchesArticleSubject(analyzer, subjects, modelText)));
  const drops = (m: Match): boolean => subjectRules.has(m.ruleId) && (all || own(m));
  return matches.some(drops) ? matches.filter((m) => !drops(m)) : matches;
}

/** Where a caller keeps what it read of an article (moderate's article cache, trainModel's): the text read, and its subjects once asked. */
export interface ArticleHolder {
  /** The article as the caller reads it (moderation cuts it at maxArticleLength). */
  readonly read: string;
  subjects?: ArticleSubjects;
}

/**
 * The subject rules whose hits cannot count in a comment (`analyze`'s `skip`): all of them with
 * no article (`holder` undefined), those the article is on once its subjects have been read, and
 * none before (a comment naming a subject has them read: `judgeSubjects`). Dropping them early
 * spares the rule engine judging hits that would go anyway: "Putin" or "Trump" in most comments
 * under a story about Russia.
 */
export function skippedSubjects(analyzer: Analyzer, holder: ArticleHolder | undefined): ReadonlySet<number> | undefined {
  return holder === undefined ? analyzer.rules.subjectRuleNumbers : holder.subjects?.skip;
}

/**
 * A comment's matches as moderation keeps them, for moderate() and trainModel() alike: when a
 * subject rule matched, the article (`article`, a key for `holderOf`; null without one) is read
 * for its subjects once, kept in its holder, and the subject matches that do not count go.
 * `holderOf` is the caller's own cache, a function made once, so a call allocates nothing.
 */
export function judgeSubjects(analyzer: Analyzer, matches: Match[], modelText: string, article: string | null, holderOf: (article: string) => ArticleHolder): Match[] {
  const rules = analyzer.rules.subjectRules;
  if (!hasSubjectMatch(matches, rules)) return matches;
  let subjects: ArticleSubjects | null = null;
  if (article !== null) {
    const holder = holderOf(article);
    subjects = holder.subjects ??= subjectsOf(analyzer, holder.read);
  }
  return keepSubjectMatches(analyzer, matches, subjects, modelText);
}
