import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS, shippedPackParsed } from '../../src/bundled/rules.js';
import { parsePack } from '../../src/engine/compile.js';
import { rulePackSchemas } from '../../src/schemas/rulePack.js';

const { RulePackSchema } = rulePackSchemas();

type Pack = { pack: string; description: string; allow?: string[]; rules: Array<{ id: string; terms?: unknown[] }> };

describe('shipped packs, read without zod', () => {
  it('are valid, and read as RulePackSchema.parse reads them', () => {
    for (const { pack, file } of BUNDLED_PACKS) {
      const zod = RulePackSchema.safeParse(pack);
      expect(zod.error?.issues, file).toBeUndefined();
      expect(shippedPackParsed(pack), file).toStrictEqual(zod.data);
      expect(parsePack(pack, file)).toStrictEqual(zod.data);
    }
  });

  it('read as zod reads them when some rules are dropped (an override), and in any order of rules', () => {
    for (const { pack } of BUNDLED_PACKS) {
      const p = pack as Pack;
      for (const keep of [() => false, (_: unknown, i: number) => i % 2 === 0, (_: unknown, i: number) => i % 3 !== 1]) {
        const copy = { ...p, rules: p.rules.filter(keep) };
        expect(shippedPackParsed(copy)).toStrictEqual(RulePackSchema.parse(copy));
      }
      const reversed = { ...p, rules: [...p.rules].reverse() };
      expect(shippedPackParsed(reversed)).toStrictEqual(RulePackSchema.parse(reversed));
    }
  });

  it('go to zod, with its errors, once anything in them is not the shipped value', () => {
    const insults = BUNDLED_PACKS.find(({ file }) => file === 'rules/insults.json')!.pack as Pack;
    const slurs = BUNDLED_PACKS.find(({ file }) => file === 'rules/slurs.json')!.pack as Pack;
    const changed: unknown[] = [
      structuredClone(insults),
      { ...insults, extra: 1 },
      { ...insults, allow: [...(insults.allow ?? [])] },
      { ...insults, description: '' },
      { ...insults, rules: [...insults.rules, slurs.rules[0]] },
      { ...insults, rules: [{ ...insults.rules[0]! }] },
      { ...insults, rules: [{ ...insults.rules[0]!, terms: [] }] },
      { ...insults, rules: 'x' },
      { ...insults, pack: 'slurs' },
      (({ description: _, ...rest }) => rest)(insults),
      null,
      'insults',
    ];
    for (const pack of changed) expect(shippedPackParsed(pack)).toBeUndefined();
    expect(() => parsePack({ ...insults, description: '' }, 'x.json')).toThrow(/x\.json: field "description"/);
    expect(() => parsePack({ ...insults, rules: [{ ...insults.rules[0]!, terms: [''] }] }, 'x.json')).toThrow(/x\.json: rule "[^"]+", field "terms\[0\]"/);
  });
});
