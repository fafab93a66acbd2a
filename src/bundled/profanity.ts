import { Filter } from 'bad-words';

/**
 * bad-words' word list (its own list plus badwords-list), read once. Only the list is used:
 * its matcher builds a regex per word per call, which is the cost decorum exists to avoid.
 */
let cached: readonly string[] | undefined;
export function badWordsList(): readonly string[] {
  cached ??= Object.freeze([...new Filter().list]);
  return cached;
}
