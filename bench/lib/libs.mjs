/**
 * The libraries under test, each reduced to `check(text) → truthy when flagged`. Setup
 * (building matchers, loading lists, decorum's createModerator) happens once, outside timing.
 *
 * decorum does strictly more work per call than the others: it runs the full moderate()
 * (normalisation, rules with spans and context, naive Bayes on all four labels, language
 * detection, reasons). The peers answer one yes/no question. That is the comparison a user
 * choosing between them faces, so it is the one timed.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT } from './corpus.mjs';

export const LIBRARIES = ['decorum', 'obscenity', 'bad-words', '@2toad/profanity', 'allprofanity'];

/** What each library's timed call is, for the report. */
export const CALLS = {
  decorum: 'createModerator().moderate(text) — all labels, spans, scores, language, reasons',
  obscenity: 'new RegExpMatcher({...englishDataset.build(), ...englishRecommendedTransformers}).hasMatch(text)',
  'bad-words': 'new Filter().isProfane(text)',
  '@2toad/profanity': 'profanity.exists(text)',
  allprofanity: 'new AllProfanity({ silent: true }).check(text) (default config: result cache off)',
};

/** Loads and sets up one library; returns { name, check }. */
export async function load(name) {
  switch (name) {
    case 'decorum': {
      const { createModerator } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
      // renew(): the same library with a new moderator, whose per-word memos start empty;
      // withOptions(o): one built with createModerator(o) (the scaling section raises maxLength).
      const make = (options) => {
        const mod = createModerator(options);
        return { name, check: (t) => mod.moderate(t).action !== 'allow', moderate: (t, context) => mod.moderate(t, context), renew: () => make(options), withOptions: make };
      };
      return make(undefined);
    }
    case 'obscenity': {
      const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
      const m = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
      return { name, check: (t) => m.hasMatch(t) };
    }
    case 'bad-words': {
      const { Filter } = await import('bad-words');
      const f = new Filter();
      return { name, check: (t) => f.isProfane(t) };
    }
    case '@2toad/profanity': {
      const { profanity } = await import('@2toad/profanity');
      return { name, check: (t) => profanity.exists(t) };
    }
    case 'allprofanity': {
      const { AllProfanity } = await import('allprofanity');
      const f = new AllProfanity({ silent: true });
      return { name, check: (t) => f.check(t) };
    }
    default:
      throw new Error(`unknown library ${name}`);
  }
}

/** The same setup as a one-liner for `node -e`, for cold-start timing (run with cwd = repo root). */
export const COLD_START = {
  decorum: `import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)}).then(m=>m.createModerator().moderate('hello'))`,
  obscenity: `import('obscenity').then(m=>new m.RegExpMatcher({...m.englishDataset.build(),...m.englishRecommendedTransformers}).hasMatch('hello'))`,
  'bad-words': `import('bad-words').then(m=>new m.Filter().isProfane('hello'))`,
  '@2toad/profanity': `import('@2toad/profanity').then(m=>m.profanity.exists('hello'))`,
  allprofanity: `import('allprofanity').then(m=>new m.AllProfanity({silent:true}).check('hello'))`,
  'node (empty)': `0`,
};
