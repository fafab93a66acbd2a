import { describe, expect, it } from 'vitest';
import { thrownDecorumError } from '../support/errors.js';
import { readFileSync } from 'node:fs';
import { createModerator, parseModel, serializeModel, trainModel } from '../../src/index.js';
import { readFixtures, parseFixtures } from '../../src/node/fixtures.js';
import { fitLogistic } from '../../src/model/logistic.js';

const root = new URL('../../', import.meta.url);
const trainRows = readFixtures(new URL('corpus/fixtures/train.jsonl', root).pathname);
const testRows = readFixtures(new URL('corpus/fixtures/test.jsonl', root).pathname);

const thrown = thrownDecorumError;

describe('training', () => {
  it('the bundled model is exactly what corpus/fixtures/train.jsonl trains (deterministic)', () => {
    const bundled = readFileSync(new URL('model/decorum-model.json', root), 'utf8');
    expect(serializeModel(trainModel(trainRows))).toBe(bundled);
  });

  it('never trains on the test split: no test text is in the training file', () => {
    const train = new Set(trainRows.map((r) => r.text.trim().toLowerCase()));
    expect(testRows.filter((r) => train.has(r.text.trim().toLowerCase()))).toEqual([]);
  });

  it('the fixtures meet the corpus bar: 150+ positives per label, 300+ clean', () => {
    const all = [...trainRows, ...testRows];
    for (const l of ['slur', 'insult', 'partisan_epithet', 'off_topic'] as const) expect(all.filter((r) => r.labels.includes(l)).length).toBeGreaterThanOrEqual(150);
    expect(all.filter((r) => r.labels.length === 0).length).toBeGreaterThanOrEqual(300);
  });

  it('a retrained model changes verdicts: trainModel on site data is used by createModerator', () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, text: `zorblax number ${i} strikes again`, labels: ['insult' as const], source: 'written' })),
      ...Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, text: `the summit number ${i} went well`, labels: [], source: 'written' })),
    ];
    const m = createModerator({ model: trainModel(rows) });
    expect(m.moderate('zorblax strikes').scores.insult).toBeGreaterThan(0.5);
    expect(m.moderate('the summit went well').scores.insult).toBeLessThan(0.5);
  });

  it('checks its options as createModerator does: INVALID_OPTION naming the option', () => {
    const rows = trainRows.slice(0, 4);
    for (const [options, option] of [
      [{ alpha: 0 }, 'alpha'],
      [{ alpha: Number.NaN }, 'alpha'],
      [{ minDf: 0.5 }, 'minDf'],
      // One fold is no held-out score: it was raised to two without a word.
      [{ folds: 1 }, 'folds'],
      [{ profanity: 'no' }, 'profanity'],
      [{ rules: 'rules/' }, 'rules'],
      [{ aplha: 0.5 }, 'aplha'],
    ] as const) {
      const err = thrown(() => trainModel(rows, options as never));
      expect(err.code, JSON.stringify(options)).toBe('INVALID_OPTION');
      expect(err.details.option).toBe(option);
      expect(err.message).toContain(option);
    }
    expect(thrown(() => trainModel(rows, null as never)).code).toBe('INVALID_OPTION');
  });

  it('takes rule packs as createModerator does: objects, or { pack, file }; a bad one is RULE_PACK naming it', () => {
    const pack = {
      pack: 'site',
      version: 1,
      description: 'site words',
      rules: [{ id: 'site.insult.zorblax', label: 'insult', severity: 'medium', description: 'd', terms: ['zorblax'], examples: { match: ['you zorblax'], noMatch: ['hello'] } }],
    };
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, text: `you zorblax ${i}`, labels: ['insult' as const], source: 'written' })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `n${i}`, text: `the summit ${i}`, labels: [], source: 'written' })),
    ];
    expect(trainModel(rows, { rules: [pack] }).features).toContain('r:site.insult.zorblax');
    expect(trainModel(rows, { rules: [{ pack, file: 'site.json' }] }).features).toContain('r:site.insult.zorblax');
    const err = thrown(() => trainModel(rows, { rules: [{ ...pack, version: 2 }] }));
    expect(err.code).toBe('RULE_PACK');
    expect(err.message).toContain('options.rules[0]');
  });

  it('reads packs as createModerator does: `rules` adds to the shipped packs unless bundledRules is false', () => {
    const pack = {
      pack: 'site',
      version: 1,
      description: 'site words',
      rules: [
        { id: 'site.insult.zorblax', label: 'insult', severity: 'medium', description: 'd', terms: ['zorblax'], examples: { match: ['you zorblax'], noMatch: ['hello'] } },
        // A shipped rule's id: this rule replaces the shipped one.
        { id: 'insult.name.idiot', label: 'insult', severity: 'low', description: 'd', terms: ['blorp'], examples: { match: ['you blorp'], noMatch: ['hello'] } },
      ],
    };
    const rows = [
      ...['you zorblax', 'you idiot', 'you blorp', 'you stupid moron'].flatMap((t, k) => [0, 1, 2].map((i) => ({ id: `p${k}-${i}`, text: `${t} ${i}`, labels: ['insult' as const], source: 'written' }))),
      ...Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, text: `the summit talks ${i}`, labels: [], source: 'written' })),
    ];
    const moderated = (options: { rules?: object[]; bundledRules?: boolean }) => {
      // The rule ids a moderator with the same options reports on the rows: the packs trained on must be these.
      const m = createModerator({ ...options, model: null });
      return new Set(rows.flatMap((r) => m.moderate(r.text).matches.map((x) => `r:${x.ruleId}`)));
    };
    for (const options of [{ rules: [pack] }, { rules: [pack], bundledRules: false }, {}]) {
      const ruleFeatures = new Set(trainModel(rows, options).features.filter((f) => f.startsWith('r:')));
      expect(ruleFeatures).toEqual(moderated(options));
    }
    const both = trainModel(rows, { rules: [pack] }).features;
    expect(both).toEqual(expect.arrayContaining(['r:site.insult.zorblax', 'r:insult.adjective.stupid', 'r:insult.name.idiot']));
  });

  it('writeModel given something that is not a model names itself and the file', async () => {
    const { writeModel } = await import('../../src/node/modelFile.js');
    const err = thrown(() => writeModel('/tmp/never-written.json', { foo: 1 } as never));
    expect(err.code).toBe('MODEL_FORMAT');
    expect(err.message).toMatch(/^writeModel\(\/tmp\/never-written\.json\): format is undefined/);
  });

  it('parseModel reads the text serializeModel wrote, as well as that text parsed', () => {
    const model = parseModel(JSON.parse(readFileSync(new URL('model/decorum-model.json', root), 'utf8')) as unknown, 'bundled');
    expect(parseModel(serializeModel(model), 'saved.json')).toEqual(model);
    const err = thrown(() => parseModel('{"format": "decorum-naive-bayes", ', 'cut.json'));
    expect(err.code).toBe('MODEL_FORMAT');
    expect(err.message).toMatch(/^cut\.json: not valid JSON/);
  });

  it('a hole in a sparse fixture array is a FIXTURE error naming it, not a crash in the trainer', () => {
    const rows: unknown[] = [...trainRows.slice(0, 3)];
    rows[5] = trainRows[3];
    const err = thrown(() => trainModel(rows as never));
    expect(err.code).toBe('FIXTURE');
    expect(err.message).toMatch(/fixture #3/);
  });

  it('the combiner logistic fit finds sensible slopes and stays finite on separable data', () => {
    const xs = [-5, -4, -3, -2, 2, 3, 4, 5];
    const ys = [false, false, false, false, true, true, true, true];
    const { weights, bias } = fitLogistic(xs.map((x) => [x]), ys);
    expect(Number.isFinite(weights[0]!) && Number.isFinite(bias)).toBe(true);
    expect(weights[0]!).toBeGreaterThan(0);
  });
});

describe('model file', () => {
  const bundled = JSON.parse(readFileSync(new URL('model/decorum-model.json', root), 'utf8')) as Record<string, unknown>;

  it('round-trips byte for byte', () => {
    const text = serializeModel(parseModel(bundled));
    expect(serializeModel(parseModel(JSON.parse(text)))).toBe(text);
  });

  it('a wrong version fails with MODEL_FORMAT naming both versions', () => {
    const err = thrown(() => createModerator({ model: { ...bundled, version: 99 } }));
    expect(err.code).toBe('MODEL_FORMAT');
    expect(err.message).toMatch(/99/);
    expect(err.message).toMatch(/version 1/);
  });

  it('a corrupt model fails with MODEL_FORMAT naming the field', () => {
    const err = thrown(() => createModerator({ model: { ...bundled, df: [1, 2, 3] } }));
    expect(err.code).toBe('MODEL_FORMAT');
    expect(thrown(() => createModerator({ model: 'nonsense' })).code).toBe('MODEL_FORMAT');
  });

  it('a bad entry in a count or feature array is named by field and index', () => {
    const file = parseModel(bundled);
    const counts = [...file.labels.insult.counts];
    counts[7] = -1;
    const err = thrown(() => createModerator({ model: { ...file, labels: { ...file.labels, insult: { ...file.labels.insult, counts } } } }));
    expect(err.code).toBe('MODEL_FORMAT');
    expect(err.details).toMatchObject({ field: 'labels.insult.counts.7' });
    expect(err.message).toContain('got -1');
    const features: unknown[] = [...file.features];
    features[2] = 42;
    expect(thrown(() => createModerator({ model: { ...file, features } })).details).toMatchObject({ field: 'features.2' });
    expect(thrown(() => createModerator({ model: { ...bundled, df: 'many' } })).details).toMatchObject({ field: 'df' });
  });
});

describe('fixture files', () => {
  it('a line that is not JSON names the file and line', () => {
    const err = thrown(() => parseFixtures('{"id":"a","text":"x","labels":[],"source":"written"}\n{oops\n', 'site.jsonl'));
    expect(err.code).toBe('FIXTURE');
    expect(err.message).toContain('site.jsonl:2');
    expect(err.details).toMatchObject({ file: 'site.jsonl', line: 2 });
  });

  it('an unknown label names the file, line and field', () => {
    const err = thrown(() => parseFixtures('\n{"id":"a","text":"x","labels":["rude"],"source":"written"}\n', 'site.jsonl'));
    expect(err.message).toContain('site.jsonl:2');
    expect(err.details.field).toBe('labels.0');
  });
});
