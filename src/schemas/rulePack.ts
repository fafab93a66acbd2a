import { z } from 'zod';
import { lazily } from './lazy.js';

/** The schemas of a rule pack, built on first use (see lazy.ts). */
function buildRulePackSchemas() {
  /** Where a term may sit relative to word boundaries in the normalised text. */
  const BoundarySchema = z.enum([
    'word', // whole word only: "idiot" not in "idiotic"
    'prefix', // starts a word, may run on: "retard" in "retards", "retarded"
    'suffix', // ends a word, may start inside it: "tard" in "libtard"
    'any', // anywhere, even glued to other words: "retard" in "Theretard" (pair it with `allow`)
  ]);

  const phrase = z.string().trim().min(1, 'must not be empty');
  /** One word, no spaces: context words are compared word by word. */
  const word = phrase.regex(/^\S+$/, 'one word, no spaces');

  /** A term: a bare string uses the rule's boundary; the object form sets its own and names the words it must never fire inside. */
  const TermSchema = z.union([
    phrase,
    z.strictObject({
      term: phrase,
      boundary: BoundarySchema.optional(),
      /** Words or phrases containing the term that are innocent ("retardant" for "retard"). */
      allow: z.array(phrase).optional(),
      /** Words that, anywhere in the same sentence, show the term's innocent sense (see the rule's `allowNear`). */
      allowNear: z.array(word).optional(),
    }),
  ]);

  const SeveritySchema = z.enum(['low', 'medium', 'high']);

  const RuleLabelSchema = z.enum(['slur', 'insult', 'partisan_epithet', 'off_topic', 'profanity']);

  const RuleSchema = z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, "_", "-" and "." only'),
      label: RuleLabelSchema,
      severity: SeveritySchema,
      description: z.string().min(1),
      /** Default boundary for this rule's bare-string terms. */
      boundary: BoundarySchema.default('word'),
      /**
       * Slur rules only: whether a term may be read inside two words run together ("manyfags",
       * "fagbehaviour"; see src/lexicon/glue.ts). Default true; false where another pack owns the
       * run-together forms (the partisan pack's "-tard" blends).
       */
      glued: z.boolean().default(true),
      terms: z.array(TermSchema).optional(),
      /**
       * Word formation: a single word made of one of `stems` followed by one of `suffixes`
       * ("demon" + "rats", "trump" + "tards"), so unseen coinages are caught without listing them.
       */
      affixes: z
        .strictObject({
          stems: z.array(phrase).min(1),
          suffixes: z.array(phrase).min(1),
          allow: z.array(phrase).optional(),
        })
        .optional(),
      /**
       * Regular expressions over the normalised text (lower case, leet and confusables undone).
       * Only bounded repetition ({0,20}) is accepted, never * or +, so matching stays linear.
       */
      patterns: z.array(z.string().min(1)).optional(),
      /** Phrases in which any match of this rule is innocent. */
      allow: z.array(phrase).optional(),
      /**
       * Homonyms: words that, anywhere in the same sentence, show the innocent sense of a match
       * ("dogs", "puppies" for "bitch"; "cigarettes" for "fags"; "flooding" for "dykes"). A word
       * also counts with a plural "s" ("dog" covers "dogs"). Phrases next to the term belong in `allow`.
       */
      allowNear: z.array(word).optional(),
      /**
       * `target`: the match counts only when aimed at someone (a second-person pronoun, a
       * person noun from the pack's `targets`, a person from its `names`, or another label's match nearby). "stupid people" yes, "stupid policy" no.
       * `unrelated-article` (off_topic rules only): the rule names a subject ("bullpen", "recipe"),
       * and a match counts only under an article that matches none of the rule's terms itself: baseball
       * talk is off-topic under a story about Russia, not under a baseball report, and without an
       * article a subject is never off-topic.
       */
      requires: z.enum(['target', 'unrelated-article']).optional(),
      /**
       * With `requires: "unrelated-article"`: words or phrases that, in the article, show it is on
       * the rule's subject too, besides the rule's own terms. For a subject whose words any public
       * affair may draw in: politics names "Putin" and "Kremlin" in comments, but an article about
       * a governor's emergency order leaves room for them, and "governor" is no off-topic word.
       */
      articleTerms: z.array(phrase.refine((t) => /[\p{L}\p{N}]/u.test(t), 'must hold a letter or a digit: it is read as whole words')).min(1).optional(),
      /**
       * `negated`: the rule lists good qualities ("equal", "intelligent", "deserve to live") and
       * counts only when they are denied to a linked target in the same clause ("X are not our
       * equal", "no X can ever be valuable"); a denied denial ("nobody says X are not equal") and
       * the plain statement ("X are intelligent") do not count. Only for `insult.group.*` rules.
       */
      polarity: z.enum(['negated']).optional(),
      examples: z.strictObject({
        match: z.array(z.string().min(1)).min(1, 'give at least one text the rule must match'),
        noMatch: z.array(z.string().min(1)).default([]),
      }),
    })
    .refine((r) => (r.terms?.length ?? 0) > 0 || r.affixes !== undefined || (r.patterns?.length ?? 0) > 0, {
      message: 'a rule needs at least one of terms, affixes or patterns',
      path: ['terms'],
    })
    .refine((r) => r.requires !== 'unrelated-article' || r.label === 'off_topic', {
      message: '"unrelated-article" is for off_topic rules: it judges a subject against the article',
      path: ['requires'],
    })
    .refine((r) => r.articleTerms === undefined || r.requires === 'unrelated-article', {
      message: 'articleTerms is for rules with "requires": "unrelated-article": they judge a subject against the article',
      path: ['articleTerms'],
    });

  const RulePackSchema = z.strictObject({
    pack: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    version: z.literal(1),
    description: z.string().min(1),
    /** Phrases that are never flagged by any rule (names and places: "Dick Durbin", "Scunthorpe"). */
    allow: z.array(phrase).default([]),
    /** Person nouns that make a `requires: "target"` rule count ("people", "voters", "senator"). */
    targets: z.array(phrase).default([]),
    /**
     * People named in comments (politicians, officials) who make a `requires: "target"` rule count
     * when the match is said of them: right before the name ("lying Biden") or after it through a
     * copula ("Putin is stupid"). A name's possessive or a name that describes a thing is not aimed
     * at ("Trump's stupid tariffs", "the Putin regime is ignorant"). One word each.
     */
    names: z.array(word).default([]),
    rules: z.array(RuleSchema),
  });
  return { BoundarySchema, TermSchema, SeveritySchema, RuleLabelSchema, RuleSchema, RulePackSchema };
}

export const rulePackSchemas = lazily(buildRulePackSchemas);
type Schemas = ReturnType<typeof buildRulePackSchemas>;

export type Boundary = z.infer<Schemas['BoundarySchema']>;
export type Term = z.infer<Schemas['TermSchema']>;
export type Rule = z.infer<Schemas['RuleSchema']>;
export type RuleInput = z.input<Schemas['RuleSchema']>;
export type RulePack = z.infer<Schemas['RulePackSchema']>;
export type RulePackInput = z.input<Schemas['RulePackSchema']>;
