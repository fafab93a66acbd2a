import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_MODEL } from '../../src/bundled/model.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { parseModel } from '../../src/model/format.js';
import { featureIndices, loadModel, scoreFeatures, scoreIndices } from '../../src/model/naiveBayes.js';
import { tokenize } from '../../src/text/tokens.js';
import { LABELS } from '../../src/types.js';

const root = new URL('../../', import.meta.url);
const texts = ['train', 'test'].flatMap((f) =>
  readFileSync(new URL(`corpus/fixtures/${f}.jsonl`, root), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text),
);
const TOKEN = /[\p{L}][\p{L}\p{N}']*/gu;
const regexTokens = (s: string): string[] =>
  [...s.matchAll(TOKEN)].map((m) => (m[0].endsWith("'") ? m[0].slice(0, -1) : m[0])).filter((t) => t.length <= 40);

describe('scoring from tokens', () => {
  const model = loadModel(parseModel(BUNDLED_MODEL, 'bundled model'));
  const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });

  it('tokenize: the ASCII scan gives the regex tokens', () => {
    for (const t of [...texts, "it's ''a'' 9x x9 b'' Ab'C don't' " + 'y'.repeat(41) + ' ' + 'z'.repeat(40)]) {
      const lower = t.toLowerCase();
      expect(tokenize(lower)).toEqual(regexTokens(lower));
      expect(tokenize(t)).toEqual(regexTokens(t));
    }
  });

  it('scoreIndices(featureIndices(...)) equals scoreFeatures(featuresOf(...)), bit for bit, top features included', () => {
    for (const text of texts) {
      const a = analyzer.analyze(text);
      const fast = scoreIndices(model, featureIndices(model, tokenize(a.modelText), a.matches), 5);
      const slow = scoreFeatures(model, a.features, 5);
      for (const l of LABELS) {
        expect(Object.is(fast[l].logOdds, slow[l].logOdds)).toBe(true);
        expect(fast[l].top).toEqual(slow[l].top);
      }
    }
  });
});
