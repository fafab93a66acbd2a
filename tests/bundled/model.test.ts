import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL, bundledModelParsed } from '../../src/bundled/model.js';
import { parseModel } from '../../src/model/format.js';

describe('bundled model, read without zod', () => {
  it('is valid, and reads as parseModel reads it', () => {
    const zod = parseModel(BUNDLED_MODEL, 'bundled model');
    const fast = bundledModelParsed();
    expect(fast).toStrictEqual(zod);
    expect(Object.keys(fast)).toEqual(Object.keys(zod));
    expect(Object.keys(fast.labels)).toEqual(Object.keys(zod.labels));
  });

  it('shares with the import what the schema shares, and nothing it copies', () => {
    const zod = parseModel(BUNDLED_MODEL, 'bundled model');
    const a = bundledModelParsed();
    const b = bundledModelParsed();
    expect(a.features).toBe(zod.features);
    expect(a.df).toBe(zod.df);
    expect(a.labels.slur.counts).toBe(zod.labels.slur.counts);
    expect(a).not.toBe(b);
    expect(a.labels).not.toBe(b.labels);
    expect(a.labels.insult).not.toBe(b.labels.insult);
    expect(a.labels.insult.combiner).not.toBe(b.labels.insult.combiner);
    expect(a.labels.insult.combiner.weights).not.toBe(b.labels.insult.combiner.weights);
    expect(a.labels.insult.combiner.names).not.toBe(b.labels.insult.combiner.names);
  });
});
