import { createAnalyzer } from './analyze.js';
import { bundledModelParsed } from './bundled/model.js';
import { badWordsList } from './bundled/profanity.js';
import { assemblePacks } from './bundled/assemble.js';
import { BUNDLED_PATTERNS } from './bundled/rules.js';
import { DecorumError, expectString } from './errors.js';
import { MARKER_REACH, countMarkers, createMarkerCounter, detectLanguage, languageOf, sameLanguage } from './lang/detect.js';
import { parseModel } from './model/format.js';
import { combineAt, combinersOf, contentStem, createFeatureScan, featureScanOfText, featureScanOfWords, loadModel, topFeatures, UNNUMBERED, type FeatureScan, type LoadedModel } from './model/naiveBayes.js';
import { EVIDENCE, ON_TOPIC_SIMILARITY, ruleEvidence, SIGNAL_NAMES, signalsOfEvidence, USED } from './model/signals.js';
import { defaultModeratorOptions, moderatorOptionsSchema, type ModeratorOptions, type ResolvedModeratorOptions } from './schemas/options.js';
import { cosine, makeIdf, topicVector, topicVectorOfStems, type TopicVector } from './topic/similarity.js';
import { normalize } from './normalize/normalize.js';
import { judgeSubjects, skippedSubjects, type ArticleHolder } from './topic/subjects.js';
import { parseOptions } from './schemas/parseOptions.js';
import { LABELS, type Action, type Label, type Match, type Scores, type Severity, type Verdict } from './types.js';

export interface ModerateContext {
  /** The article the comment sits under; without it off-topic rests on spam/furniture rules and the model. */
  article?: string;
}

export interface Moderator {
  /** Synchronous: labels, scores, action, spans and language for one comment. */
  moderate(text: string, context?: ModerateContext): Verdict;
}

/** What moderation keeps of an article: the part read, its topic vector and language, and the subjects it names once a comment asks. */
interface ArticleInfo extends ArticleHolder {
  vector: TopicVector;
  language: string;
}

/** How much a single rule hit is worth, by severity, before the model has its say. */
const SEVERITY_SCORE: Record<Severity, number> = { high: 0.97, medium: 0.85, low: 0.65 };

/** Aimed profanity ("f*ck off, you liar") is insult evidence of medium strength. */
const PROFANITY_AS_INSULT = 0.8;

/** Lowest score a label keeps when an unmentioned high-severity rule of that label matched. */
const HIGH_SEVERITY_FLOOR = 0.9;

/** Matched text quoted in a reason is cut to this many characters (a squeezed run can be huge). */
const QUOTE_LIMIT = 60;

/**
 * Matches a label's reason quotes; the rest are counted ("and 4990 more"). Every match is in
 * `verdict.matches`; a reason is for a moderator to read, and one quoting each of 5,000 repeated
 * insults was ~135,000 characters (and, at 1 MB read whole, 2.7 million built per verdict).
 */
const REASON_QUOTES = 10;

/** Cuts at a code-point boundary so a surrogate pair is never split. */
function cutAt(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Highest slur score a comment may keep when every slur in it is only mentioned (counter-speech). */
const MENTION_CAP = 0.45;

/** Label numbers (positions in LABELS) the per-label scratch rows are read at. */
const SLUR = 0;
const INSULT = 1;
const OFF_TOPIC = 3;

/** The longest signal vector of any label's combiner. */
const MAX_SIGNALS = Math.max(...LABELS.map((l) => SIGNAL_NAMES[l].length));

const DEFAULT_REJECT: Partial<Record<Label, number>> = { slur: 0.5, insult: 0.9 };

// Scores stop short of 1: evidence is never certain, and a threshold of 1 then means "never".
export const round = (x: number): number => Math.min(0.999, Math.round(x * 1000) / 1000);

/** (k / 1000).toFixed(2) for every score `round` gives. */
const FIXED2 = Array.from({ length: 1000 }, (_, k) => (k / 1000).toFixed(2));

/** x.toFixed(2), from the table when x is a rounded score (the same double, so the same string): reasons quote scores. */
export function fixed2(x: number): string {
  const k = Math.round(x * 1000);
  return k >= 0 && k < 1000 && k / 1000 === x ? FIXED2[k]! : x.toFixed(2);
}

function resolveOptions(options: unknown): ResolvedModeratorOptions {
  // No options is the common case and every cold start's: the defaults without building the schema.
  return options === undefined ? defaultModeratorOptions() : parseOptions(moderatorOptionsSchema(), options, 'createModerator');
}

/** Largest rule score of a label from its unmentioned matches' evidence bits; aimed profanity counts as insult. */
function ruleScore(bits: number): number {
  let score = bits & EVIDENCE.HIGH ? SEVERITY_SCORE.high : bits & EVIDENCE.MEDIUM ? SEVERITY_SCORE.medium : bits & EVIDENCE.LOW ? SEVERITY_SCORE.low : 0;
  if (bits & EVIDENCE.AIMED_PROFANITY) score = Math.max(score, PROFANITY_AS_INSULT);
  return score;
}

/** The label's own unmentioned matches (aimed profanity counts as insult), quoted, comma-separated; in one pass, no arrays. */
function describeMatches(matches: readonly Match[], label: Label): string {
  let out = '';
  let quoted = 0;
  let more = 0;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.mentioned || !(m.label === label || (label === 'insult' && m.label === 'profanity'))) continue;
    if (quoted === REASON_QUOTES) {
      more++;
      continue;
    }
    const quote = m.text.length > QUOTE_LIMIT ? m.text.slice(0, QUOTE_LIMIT) + '…' : m.text;
    out += `${out === '' ? '' : ', '}${m.ruleId} "${quote}"`;
    quoted++;
  }
  return more === 0 ? out : `${out} and ${more} more`;
}

/**
 * Builds a moderator: rule packs are validated and compiled, and the model loaded, once, here.
 * Rules, model and options never change afterwards. The only state a call writes is bounded
 * memos of per-word work (respelling, token features), which cache pure functions: a verdict
 * never depends on earlier calls, so one moderator serves any number of callers.
 */
export function createModerator(options?: ModeratorOptions): Moderator {
  const opts = resolveOptions(options);
  const analyzer = createAnalyzer(assemblePacks(opts.rules, opts.bundledRules), {
    disable: opts.disable,
    profanity: opts.profanity ? badWordsList() : [],
    vetted: BUNDLED_PATTERNS,
  });
  const model: LoadedModel | null =
    opts.model === null ? null : loadModel(opts.model === undefined ? bundledModelParsed() : parseModel(opts.model, 'options.model'));
  const combiners = model === null ? null : combinersOf(model);

  const thresholds = Object.fromEntries(LABELS.map((l) => [l, opts.thresholds[l] ?? 0.5])) as Record<Label, number>;
  const rejectAt = { ...DEFAULT_REJECT, ...opts.rejectAt };
  // The same limits by label number, read per label per call (a label that never rejects at +Infinity).
  const thresholdRow = Float64Array.from(LABELS, (l) => thresholds[l]);
  const rejectRow = Float64Array.from(LABELS, (l) => rejectAt[l] ?? Infinity);
  const languages = opts.languages ? new Set(opts.languages) : null;

  const dfIndex = new Map<string, number>();
  if (model) model.file.features.forEach((f, i) => f.startsWith('w:') && dfIndex.set(f.slice(2), model.file.df[i]!));
  const idf = makeIdf(model?.file.docs ?? 1, (s) => dfIndex.get(s));
  // Comments under one article arrive together: keep the last few article vectors and languages.
  const articleCache = new Map<string, ArticleInfo>();
  const articleInfo = (article: string): ArticleInfo => {
    let v = articleCache.get(article);
    if (v === undefined) {
      // The article's topic and language need its words, not all of them: a forum's opening post
      // is user text, and a megabyte of it cost ~200 ms here (maxLength bounds the comment the same way).
      const read = article.length > opts.maxArticleLength ? cutAt(article, opts.maxArticleLength) : article;
      const normalized = normalize(read).text;
      v = { read, vector: topicVector(normalized, idf), language: detectLanguage(read, normalized), subjects: undefined };
      if (articleCache.size >= 16) articleCache.delete(articleCache.keys().next().value!);
      articleCache.set(article, v);
    }
    return v;
  };

  // idf by content-stem number, filled as stems are met: idf is fixed by the model, and looking
  // it up costs a Map lookup and a log per stem per comment otherwise.
  const idfByStem: number[] = [];
  /** topicVector(modelText, idf), from the stem numbers the model's scan handed out when it has them. */
  function commentVector(modelText: string, stems: readonly number[] | undefined): TopicVector {
    if (model === null || stems === undefined || stems.includes(UNNUMBERED)) return topicVector(modelText, idf);
    const m = model;
    return topicVectorOfStems(
      stems,
      (id) => contentStem(m, id),
      (id) => (idfByStem[id] ??= idf(contentStem(m, id))),
    );
  }

  // Scratch rows for one call's per-label numbers, by label number (LABELS order). moderate() is
  // synchronous and every row is written before it is read, so no call sees another's values.
  // English markers by the rule engine's memo entries: per moderator, as its memo is.
  const countMarkersOfWords = createMarkerCounter();
  const evidenceScratch = new Uint8Array(LABELS.length);
  // The model's features and log-odds of the comment: its indices are read again for the reasons.
  const featureScratch = createFeatureScan();
  const scoreScratch = new Float64Array(LABELS.length);
  const signalScratch = new Float64Array(MAX_SIGNALS);

  function moderate(text: string, context?: ModerateContext): Verdict {
    expectString(text, 'moderate(text)', 'text');
    if (context !== undefined && (context === null || typeof context !== 'object')) {
      throw new DecorumError('INVALID_INPUT', 'moderate(text, context): context must be an object such as { article }', { field: 'context' });
    }
    const article = context?.article;
    if (article !== undefined && typeof article !== 'string') {
      throw new DecorumError('INVALID_INPUT', `moderate(text, { article }): article must be a string, got ${typeof article}`, { field: 'article' });
    }

    // Beyond maxLength only the start is analysed (spans stay valid), and the comment goes to
    // review: nothing is silently skipped, and a megabyte of hostile input costs what 20 KB does.
    const truncated = text.length > opts.maxLength;
    const analysed = truncated ? cutAt(text, opts.maxLength) : text;
    const hasArticle = article !== undefined && article.trim() !== '';
    const analysis = analyzer.analyze(analysed, skippedSubjects(analyzer, hasArticle ? articleInfo(article) : undefined));
    const { norm, modelText, words } = analysis;
    // A subject (sports, recipes …) is off-topic only under an article on another one: the
    // article's own subjects are read when a comment first names one (most never do).
    const matches = judgeSubjects(analyzer, analysis.matches, modelText, hasArticle ? article : null, articleInfo);
    const evidence = ruleEvidence(matches, evidenceScratch);
    // One scan of the text serves the model and, when there is an article, the topic vector:
    // the model reads its features straight from the text, and hands out the content words'
    // stems (as numbers) only when the topic vector needs them.
    let stems: number[] | undefined;
    // Same log-odds as scoreFeatures(model, features) on the analysis' feature set, without
    // building it; the top features are worked out for reported labels only.
    let scan: FeatureScan | null = null;
    if (model) {
      if (hasArticle) stems = [];
      scan = words !== undefined ? featureScanOfWords(model, words, matches, stems, featureScratch) : featureScanOfText(model, modelText, matches, stems, featureScratch);
    }

    // The English function words are counted from the rule engine's words when it read the
    // normalised text itself: one cached look-up per word instead of a trie step per character.
    const markers = words !== undefined && words.text === norm.text ? countMarkersOfWords(words, MARKER_REACH) : countMarkers(norm.text, MARKER_REACH);
    // The language, like everything else, from the analysed part: counting letters over the
    // rest of a megabyte of spaces cost ~1 ms, and could call a comment by words never analysed.
    const language = languageOf(analysed, markers);
    let similarity: number | null = null;
    let crossLanguage: string | null = null;
    if (hasArticle) {
      const info = articleInfo(article);
      // Words can only be compared within one language; across languages the topic signal is
      // left out, as without an article (the model and the spam/furniture rules still judge).
      if (sameLanguage(language, info.language)) similarity = cosine(commentVector(modelText, stems), info.vector);
      else crossLanguage = info.language;
    }

    // Scores by label number in a per-moderator scratch row: a keyed store per label per step
    // into the verdict's object cost more than the arithmetic.
    const raw = scoreScratch;
    const topical = similarity === null ? 0 : Math.min(1, similarity / ON_TOPIC_SIMILARITY);
    for (let l = 0; l < LABELS.length; l++) {
      const bits = evidence[l]!;
      let score: number;
      if (combiners) {
        // One calibrated probability from the model's log-odds and the rule and topic signals.
        score = combineAt(combiners, l, signalsOfEvidence(LABELS[l]!, featureScratch.logOdds[l]!, bits, similarity, signalScratch));
      } else {
        // Rules only: the rule's severity stands for its probability; for off-topic, an article
        // the comment shares words with lowers a furniture/spam hit's weight.
        score = l === OFF_TOPIC ? ruleScore(bits) * (1 - 0.3 * topical) : ruleScore(bits);
      }
      // A high-severity rule hit is precise on its own (a listed slur, "you absolute retard"): the
      // model may raise its score but not talk it down because the rest of a long comment is calm.
      if (bits & EVIDENCE.HIGH) score = Math.max(score, HIGH_SEVERITY_FLOOR);
      raw[l] = score;
    }
    // Counter-speech: a slur that is only named to condemn it never makes the comment a slur.
    const mentionedSlur = (evidence[SLUR]! & EVIDENCE.MENTIONED) !== 0;
    if (mentionedSlur && (evidence[SLUR]! & USED) === 0) raw[SLUR] = Math.min(raw[SLUR]!, MENTION_CAP);
    // The same for an insult that is only quoted or reported ("saying 'X are vermin' is hateful").
    const insult = evidence[INSULT]!;
    if (insult & EVIDENCE.MENTIONED && (insult & (USED | EVIDENCE.AIMED_PROFANITY)) === 0) raw[INSULT] = Math.min(raw[INSULT]!, MENTION_CAP);

    for (let l = 0; l < LABELS.length; l++) raw[l] = round(raw[l]!);
    const scores: Scores = { slur: raw[0]!, insult: raw[1]!, partisan_epithet: raw[2]!, off_topic: raw[3]! };
    // Labels and their reasons in one pass, both in LABELS order.
    const labels: Label[] = [];
    const reasons: string[] = [];
    for (let l = 0; l < LABELS.length; l++) {
      if (!(raw[l]! >= thresholdRow[l]!)) continue;
      const label = LABELS[l]!;
      labels.push(label);
      const ruleText = describeMatches(matches, label);
      const top = model && scan ? topFeatures(model, l, scan, opts.explain) : [];
      const modelText = top.length > 0 ? `model: ${top.join(', ')}` : '';
      reasons.push(`${label} ${fixed2(raw[l]!)}${ruleText ? ` — rules: ${ruleText}` : ''}${modelText ? ` — ${modelText}` : ''}`);
    }
    if (similarity !== null && labels.includes('off_topic')) reasons.push(`similarity to the article ${similarity.toFixed(3)}`);
    if (crossLanguage !== null) reasons.push(`topic not compared with the article: comment in "${language}", article in "${crossLanguage}"`);
    if (hasArticle && article.length > opts.maxArticleLength) {
      reasons.push(`topic: only the article's first ${opts.maxArticleLength} of ${article.length} characters were read (maxArticleLength)`);
    }

    let action: Action = 'allow';
    // The labels at or over their reject limit, read by index from raw and rejectRow (the same
    // numbers as scores and rejectAt): a load keyed by a label string of four goes megamorphic.
    // Built as a string, not an array: most comments reject on nothing and allocate nothing here.
    let rejecting = '';
    for (let l = 0; l < LABELS.length; l++) if (raw[l]! >= rejectRow[l]!) rejecting += `${rejecting === '' ? '' : ', '}${LABELS[l]} >= ${rejectRow[l]}`;
    if (rejecting !== '') {
      action = 'reject';
      reasons.push(`reject: ${rejecting}`);
    } else if (labels.length > 0) {
      action = 'review';
    } else if (mentionedSlur) {
      action = 'review';
      reasons.push('review: a slur is mentioned (counter-speech or quotation)');
    } else {
      // Uncertain: a score at or over reviewAt without a label.
      let over = '';
      for (let l = 0; l < LABELS.length; l++) if (raw[l]! >= opts.reviewAt) over += `${over === '' ? '' : ', '}${LABELS[l]} ${fixed2(raw[l]!)}`;
      if (over !== '') {
        action = 'review';
        reasons.push(`review: uncertain (${over})`);
      }
    }
    if (truncated) {
      if (action === 'allow') action = 'review';
      reasons.push(`${action}: ${text.length} characters, longer than maxLength ${opts.maxLength}; only the first ${opts.maxLength} were analysed`);
    }
    if (languages && language !== 'und' && !languages.has(language) && action === 'allow') {
      action = 'review';
      reasons.push(`review: language "${language}" is not among the moderated languages`);
    }
    return { labels, scores, action, matches, language, reasons };
  }

  return Object.freeze({ moderate });
}
