/**
 * Model files are data people commit and ship: reading one and writing it back must change no
 * byte, and training is deterministic, so the same fixtures give a byte-identical file.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModel, serializeModel, trainModel, type Fixture, type Label, type ModelFile } from '../../src/index.js';
import { BUNDLED_MODEL } from '../../src/bundled/model.js';
import { parseFixtures } from '../../src/node/fixtures.js';
import { hostileString, runs } from './arbitraries.js';

const TRAIN = new URL('../../corpus/fixtures/train.jsonl', import.meta.url);
const fixtures = parseFixtures(readFileSync(TRAIN, 'utf8'), 'corpus/fixtures/train.jsonl');

/** serialize → JSON.parse → parseModel → serialize. */
const roundTrip = (m: ModelFile): string => serializeModel(parseModel(JSON.parse(serializeModel(m))));

/** A random sample of the real fixtures (kept in file order), plus a few made-up rows of hostile text. */
const sample = fc
  .tuple(
    fc.subarray(fixtures, { minLength: 1, maxLength: 160 }),
    fc.array(
      fc.record({
        text: hostileString(60),
        labels: fc.subarray<Label>(['slur', 'insult', 'partisan_epithet', 'off_topic']),
      }),
      { maxLength: 6 },
    ),
  )
  .map(([real, made]) => [...real, ...made.map((m, i): Fixture => ({ id: `made-${i}`, text: m.text, labels: m.labels, source: 'written' }))]);

describe('model files', () => {
  it('the bundled model round-trips byte for byte', () => {
    const bundled = parseModel(BUNDLED_MODEL, 'bundled model');
    const bytes = serializeModel(bundled);
    expect(roundTrip(bundled)).toBe(bytes);
    // And what ships on disk is exactly what serializeModel writes.
    expect(readFileSync(new URL('../../model/decorum-model.json', import.meta.url), 'utf8')).toBe(bytes);
  });

  it('a model trained on a random sample of fixtures round-trips byte for byte', () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const model = trainModel(rows);
        expect(roundTrip(model)).toBe(serializeModel(model));
      }),
      runs(25),
    );
  });

  it('training twice on the same fixtures gives byte-identical files', () => {
    fc.assert(
      fc.property(sample, (rows) => {
        expect(serializeModel(trainModel(rows))).toBe(serializeModel(trainModel(rows)));
      }),
      runs(15),
    );
  });

  it('training on the full training set twice gives byte-identical files', () => {
    expect(serializeModel(trainModel(fixtures))).toBe(serializeModel(trainModel(fixtures)));
  });
});
