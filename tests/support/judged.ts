import { createModerator } from '../../src/moderate.js';

const moderator = createModerator();

/**
 * A verdict's labels, and for each match but profanity (in order) whether it was judged a
 * mention: what the use-or-mention tests compare.
 */
export function judged(text: string): { labels: string[]; mentioned: boolean[] } {
  const v = moderator.moderate(text);
  return { labels: v.labels, mentioned: v.matches.filter((x) => x.label !== 'profanity').map((x) => x.mentioned === true) };
}
