import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

describe('the README options table', () => {
  it('names every option of the schema, and no other', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('| option | default | meaning |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    const documented = rows.map((r) => /^\| `(\w+)` \|/.exec(r)?.[1]);
    expect(documented).toEqual(Object.keys(moderatorOptionsSchema().shape));
  });
});
