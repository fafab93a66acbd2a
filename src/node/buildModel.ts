/**
 * Build step: trains the bundled model from corpus/fixtures/train.jsonl (never test.jsonl) and
 * writes model/decorum-model.json, which the library build then bundles. Run by
 * `npm run build:model`; deterministic, so a rebuild from the same fixtures changes no byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serializeModel, trainModel } from '../trainModel.js';
import { readFixtures } from './fixtures.js';

const root = process.argv[2] ?? process.cwd();
const input = resolve(root, 'corpus/fixtures/train.jsonl');
const output = resolve(root, 'model/decorum-model.json');
const started = Date.now();
const fixtures = readFixtures(input);
const model = trainModel(fixtures);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, serializeModel(model));
process.stderr.write(`decorum: trained on ${fixtures.length} fixtures, ${model.features.length} features, in ${Date.now() - started} ms → ${output}\n`);
