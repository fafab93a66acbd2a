import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

/** Every fixture comment (train and test splits): real-looking inputs for checking a fast path against its reference. */
export const fixtureTexts: readonly string[] = ['train', 'test'].flatMap((f) =>
  readFileSync(new URL(`corpus/fixtures/${f}.jsonl`, root), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text),
);
