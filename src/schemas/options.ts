import { z } from 'zod';
import { lazily } from './lazy.js';

function buildModeratorOptionsSchema() {
  const score = z.number().min(0).max(1);
  const perLabel = z.strictObject({
    slur: score.optional(),
    insult: score.optional(),
    partisan_epithet: score.optional(),
    off_topic: score.optional(),
  });

  /** Options of createModerator(). Every default is documented in the README's API section. */
  return z.strictObject({
    /** Extra rule packs (objects as in rules/*.json, or `{ pack, file }` from `decorum/node`'s loader). A rule with a bundled rule's id replaces it. */
    rules: z.array(z.unknown()).default([]),
    /** Use the shipped packs in rules/. Default true. */
    bundledRules: z.boolean().default(true),
    /** Rule ids to switch off. Default none. */
    disable: z.array(z.string()).default([]),
    /** A model file (from `decorum train`/`trainModel`), or null for rules only. Default: the bundled model. */
    model: z.unknown().optional(),
    /** Feed bad-words' list in as profanity evidence. Default true. */
    profanity: z.boolean().default(true),
    /** A label is assigned when its score reaches this. Default 0.5 for each label. */
    thresholds: perLabel.default({}),
    /** `reject` when a label's score reaches this. Default { slur: 0.5, insult: 0.9 }; other labels never reject unless set. Scores never reach 1, so 1 means never. */
    rejectAt: perLabel.default({}),
    /** `review` when any score reaches this without a label being assigned. Default 0.35. */
    reviewAt: score.default(0.35),
    /** ISO 639-3 codes the site moderates; comments in other languages go to review. Default: any language. */
    languages: z.array(z.string().regex(/^[a-z]{3}$/, 'ISO 639-3 code such as "eng"')).optional(),
    /** Characters analysed per comment; a longer comment is analysed up to here and sent to review. Default 20,000. */
    maxLength: z.number().int().positive().default(20_000),
    /** Characters of the article read for off-topic (its words and language); the rest is not compared, and the verdict says so. Default 100,000. */
    maxArticleLength: z.number().int().positive().default(100_000),
    /** How many of the model's strongest features each reason names. Default 3. */
    explain: z.number().int().min(0).max(20).default(3),
  });
}

/** The schema of createModerator()'s options, built on first use (see lazy.ts). */
export const moderatorOptionsSchema = lazily(buildModeratorOptionsSchema);

export type ModeratorOptions = z.input<ReturnType<typeof buildModeratorOptionsSchema>>;
export type ResolvedModeratorOptions = z.output<ReturnType<typeof buildModeratorOptionsSchema>>;

/**
 * What moderatorOptionsSchema().parse({}) gives (tests/schemas/options.test.ts holds the two
 * equal), fresh objects each call, without building the schema: createModerator() with no
 * options is the common case and the one every cold start measures.
 */
export function defaultModeratorOptions(): ResolvedModeratorOptions {
  return { rules: [], bundledRules: true, disable: [], profanity: true, thresholds: {}, rejectAt: {}, reviewAt: 0.35, maxLength: 20_000, maxArticleLength: 100_000, explain: 3 };
}

function buildTrainModelOptionsSchema() {
  /** Options of trainModel(). Defaults (README's API section) are applied by the trainer, not here. */
  return z.strictObject({
    /** Extra rule packs whose matches become features, as createModerator's `rules` (objects as in rules/*.json, or `{ pack, file }`). Default none. */
    rules: z.array(z.unknown()).optional(),
    /** Use the shipped packs in rules/, as createModerator's `bundledRules`. Default true. */
    bundledRules: z.boolean().optional(),
    /** Feed bad-words' list in as profanity evidence, as createModerator does by default. Default true. */
    profanity: z.boolean().optional(),
    /** Laplace smoothing. Default 0.5. */
    alpha: z.number().positive().optional(),
    /** Features seen in fewer documents are dropped (rule features are always kept). Default 2. */
    minDf: z.number().int().min(1).optional(),
    /** Folds for the held-out scores calibration is fitted on. Default 5. */
    folds: z.number().int().min(2).optional(),
  });
}

/** The schema of trainModel()'s options, built on first use (see lazy.ts). */
export const trainModelOptionsSchema = lazily(buildTrainModelOptionsSchema);

/** Options of decorum/node's readRulePack() and loadRulePacks(). */
export const readRulePackOptionsSchema = lazily(() =>
  z.strictObject({
    /** Validate against the schema (default true); false only checks that the file is JSON. */
    validate: z.boolean().optional(),
  }),
);
