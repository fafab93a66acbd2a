import model from '../../model/decorum-model.json';

/** The model trained from corpus/fixtures/train.jsonl at build time (`npm run build:model`). */
export const BUNDLED_MODEL: unknown = model;
