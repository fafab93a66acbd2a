import { z } from 'zod';

export const LabelSchema = z.enum(['slur', 'insult', 'partisan_epithet', 'off_topic']);

/** One labelled comment, one per line of corpus/fixtures/*.jsonl. */
export const FixtureSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string(),
  labels: z.array(LabelSchema),
  /** The article the comment sits under; off_topic is judged against it. */
  article: z.string().optional(),
  /** `seed:<file>` for rows drawn from corpus/pages, `written` for examples written for the project. */
  source: z.string().regex(/^(seed:[^\s]+|written)$/, 'must be "seed:<file>" or "written"'),
});
export type Fixture = z.infer<typeof FixtureSchema>;

/** A row `decorum classify` reads from JSONL: only `text` is required. */
export const CommentRowSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  article: z.string().optional(),
});
export type CommentRow = z.infer<typeof CommentRowSchema>;
