import { describe, expect, it } from 'vitest';
import { defaultModeratorOptions, moderatorOptionsSchema } from '../../src/schemas/options.js';

describe('default moderator options, without the schema', () => {
  it('are what the schema makes of no options', () => {
    expect(defaultModeratorOptions()).toStrictEqual(moderatorOptionsSchema().parse({}));
    expect(Object.keys(defaultModeratorOptions())).toEqual(Object.keys(moderatorOptionsSchema().parse({})));
  });

  it('are fresh objects at every call, as the schema\'s defaults are', () => {
    const a = defaultModeratorOptions();
    const b = defaultModeratorOptions();
    for (const k of ['rules', 'disable', 'thresholds', 'rejectAt'] as const) expect(a[k]).not.toBe(b[k]);
  });
});
