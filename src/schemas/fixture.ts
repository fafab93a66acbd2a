import { z } from 'zod';
import { lazily } from './lazy.js';

/** The schemas of fixture and comment rows, built on first use (see lazy.ts). */
function buildFixtureSchemas() {
  const LabelSchema = z.enum(['slur', 'insult', 'partisan_epithet', 'off_topic']);

  /** One labelled comment: a line of a user's fixtures file, or of corpus/fixtures/*.jsonl. */
  const FixtureSchema = z.strictObject({
    id: z.string().min(1),
    text: z.string(),
    labels: z.array(LabelSchema),
    /** The article the comment sits under; off_topic is judged against it. */
    article: z.string().optional(),
    /**
     * Where the comment came from, free text; decorum reads nothing from it. A user's fixtures need
     * none; decorum's own corpus gives each row `seed:<file>` or `written` (tests/corpus/fixtures.test.ts).
     */
    source: z.string().min(1).optional(),
  });

  /** A row `decorum classify` reads from JSONL: only `text` is required. */
  const CommentRowSchema = z.looseObject({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string(),
    article: z.string().optional(),
  });
  return { LabelSchema, FixtureSchema, CommentRowSchema };
}

export const fixtureSchemas = lazily(buildFixtureSchemas);
type Schemas = ReturnType<typeof buildFixtureSchemas>;
export type Fixture = z.infer<Schemas['FixtureSchema']>;
export type CommentRow = z.infer<Schemas['CommentRowSchema']>;
