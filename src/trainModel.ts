import { createAnalyzer } from './analyze.js';
import { badWordsList } from './bundled/profanity.js';
import { assemblePacks } from './bundled/assemble.js';
import type { SourcedPack } from './engine/compile.js';
import { trainModelOptionsSchema } from './schemas/options.js';
import { parseOptions } from './schemas/parseOptions.js';
import { DecorumError } from './errors.js';
import { serializeModel, type ModelFile } from './model/format.js';
import { train, type TrainOptions } from './model/train.js';
import { fixtureSchemas, type Fixture } from './schemas/fixture.js';
import { detectLanguage, sameLanguage } from './lang/detect.js';
import { normalize } from './normalize/normalize.js';
import { featuresOf } from './model/features.js';
import { judgeSubjects, type ArticleHolder } from './topic/subjects.js';

export interface TrainModelOptions extends TrainOptions {
  /**
   * Extra rule packs whose matches become features, as createModerator's `rules`: pack objects as
   * in rules/*.json, or `{ pack, file }` from `decorum/node`'s loader; a rule with a shipped rule's
   * id replaces it. Train with the options you moderate with. Default none.
   */
  rules?: ReadonlyArray<SourcedPack | object>;
  /** Use the shipped packs in rules/, as createModerator's `bundledRules`. Default true. */
  bundledRules?: boolean;
  /** Feed bad-words' list as profanity evidence, as createModerator does by default. Default true. */
  profanity?: boolean;
}

/**
 * Trains a model on labelled comments, for `createModerator({ model })`. The rule engine runs
 * over each comment first, so rule hits are features and the model learns how far to trust
 * them. Deterministic: the same fixtures give the same model.
 */
export function trainModel(fixtures: readonly Fixture[], options: TrainModelOptions = {}): ModelFile {
  if (!Array.isArray(fixtures)) throw new DecorumError('INVALID_INPUT', 'trainModel(fixtures): fixtures must be an array of { id, text, labels, article?, source? }');
  const opts = parseOptions(trainModelOptionsSchema(), options, 'trainModel');
  const { FixtureSchema } = fixtureSchemas();
  // By index, not forEach: a hole in a sparse array is a missing fixture, not one to skip.
  for (let i = 0; i < fixtures.length; i++) {
    const parsed = FixtureSchema.safeParse(fixtures[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DecorumError('FIXTURE', `trainModel: fixture #${i}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`, { line: i + 1, field: issue.path.join('.') });
    }
  }
  if (fixtures.length === 0) throw new DecorumError('FIXTURE', 'trainModel: no fixtures to train on');
  const packs = assemblePacks(opts.rules ?? [], opts.bundledRules !== false);
  const analyzer = createAnalyzer(packs, { profanity: opts.profanity === false ? [] : badWordsList() });
  // Fixtures under one article share it: normalise it and detect its language once.
  const articles = new Map<string, ArticleHolder & { text: string; language: string }>();
  const articleOf = (a: string) => {
    let n = articles.get(a);
    if (n === undefined) {
      const text = normalize(a).text;
      articles.set(a, (n = { read: a, text, language: detectLanguage(a, text) }));
    }
    return n;
  };
  const examples = fixtures.map((f) => {
    const analysis = analyzer.analyze(f.text);
    const { modelText, norm } = analysis;
    let { matches, features } = analysis;
    // The subject rules' matches as moderate() keeps them (topic/subjects.ts), and the features from those.
    const kept = judgeSubjects(analyzer, matches, modelText, f.article !== undefined && f.article.trim() !== '' ? f.article : null, articleOf);
    if (kept !== matches) {
      matches = kept;
      features = featuresOf(modelText, kept);
    }
    // As in moderate(): a comment in another language than its article is not compared with it.
    const article = f.article !== undefined ? articleOf(f.article) : undefined;
    const compared = article !== undefined && sameLanguage(detectLanguage(f.text, norm.text), article.language);
    return { features, labels: f.labels, matches, text: modelText, ...(compared ? { article: article.text } : {}) };
  });
  return train(examples, opts);
}

export { serializeModel };
