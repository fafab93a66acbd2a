/** A minimal rule pack around `rules`, for tests of pack validation, compilation and lint. */
export const pack = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ pack: 'test', version: 1, description: 'test pack', rules, ...extra });

/** A valid insult rule; `over` replaces any field. */
export const rule = (over: Record<string, unknown> = {}) => ({
  id: 'test.rule',
  label: 'insult',
  severity: 'medium',
  description: 'a test rule',
  terms: ['nitwit'],
  examples: { match: ['you nitwit'] },
  ...over,
});
