import words from '../../model/english-words.json';
import { DecorumError } from '../errors.js';
import { WORDS_FORMAT, WORDS_VERSION, decodeWords } from './format.js';

let cached: ReadonlySet<string> | undefined;

/**
 * The bundled English word list (model/english-words.json, built by `npm run build:model`),
 * parsed on first use: comments without a glued candidate never pay for it. The set is
 * immutable once built, so sharing it between moderators is safe.
 */
export function englishWords(): ReadonlySet<string> {
  if (cached) return cached;
  if (words.format !== WORDS_FORMAT || words.version !== WORDS_VERSION) {
    throw new DecorumError('MODEL_FORMAT', `model/english-words.json: expected ${WORDS_FORMAT} version ${WORDS_VERSION}, found ${String(words.format)} version ${String(words.version)}; rebuild with npm run build:model`);
  }
  cached = new Set(decodeWords(words.words));
  return cached;
}
