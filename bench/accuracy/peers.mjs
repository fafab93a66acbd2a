/**
 * The peer libraries, each reduced to flagged(text) → boolean with its documented default
 * setup (see each package's README). Setup happens once.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PEERS = ['bad-words', 'obscenity', '@2toad/profanity', 'allprofanity'];

export const PEER_CALLS = {
  'bad-words': 'new Filter().isProfane(text)',
  obscenity: 'new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers }).hasMatch(text)',
  '@2toad/profanity': 'profanity.exists(text)',
  allprofanity: 'new AllProfanity({ silent: true }).check(text)',
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The installed version of a package, read from node_modules (null if unreadable). */
export function versionOf(name) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export async function loadPeer(name) {
  switch (name) {
    case 'bad-words': {
      const { Filter } = await import('bad-words');
      const f = new Filter();
      return (t) => f.isProfane(t);
    }
    case 'obscenity': {
      const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
      const m = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
      return (t) => m.hasMatch(t);
    }
    case '@2toad/profanity': {
      const { profanity } = await import('@2toad/profanity');
      return (t) => profanity.exists(t);
    }
    case 'allprofanity': {
      const { AllProfanity } = await import('allprofanity');
      const f = new AllProfanity({ silent: true });
      return (t) => f.check(t);
    }
    default:
      throw new Error(`unknown peer ${name}`);
  }
}
