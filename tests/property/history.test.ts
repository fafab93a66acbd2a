/**
 * A moderator keeps bounded memos of per-word work (the word scan's memo, the model's token
 * rows, the English markers, respellings), and createModerator promises that a verdict never
 * depends on earlier calls: one moderator serves any number of callers, in any order. These
 * memos start over when full, and caches keyed by a memo's entry numbers must then never be read
 * for another word. Here two moderators read the same comments in opposite orders, one of them
 * with floods of new words in between that make every memo start over several times; each
 * comment must get the same verdict from both, to the last character of its reasons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator, type Moderator } from '../../src/index.js';
import { WORD_MEMO_LIMIT } from '../../src/engine/wordScan.js';
import { SEED, hostileString } from './arbitraries.js';

/** Words the engine reacts to, and pieces that make new words of them. */
const PIECES = ['you', 'idiot', 'retard', 'D-RATs', 'the', 'f*ck', 'libtards', 'said', '"', 'is a slur', 'r e t a r d', 'Theretard', 'demented clown', 'bejing biden', 'sleezebag', "TDS'ers", 'stupid, ignorant', 'Upvote Downvote'];
const wordSoup = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: fc.constantFrom('a', 'e', 'r', 't', 'd', 'i', '*', '1', '-', "'"), minLength: 1, maxLength: 9 })), { maxLength: 30 })
  .map((w) => w.join(' '));

/** Comments of new made-up words, each under maxLength (20,000), `count` words in all from number `from` on. */
function flood(from: number, count: number): string[] {
  const out: string[] = [];
  let words: string[] = [];
  for (let k = from; k < from + count; k++) {
    words.push(`q${k.toString(36)}z`);
    if (words.length === 2500) {
      out.push(words.join(' '));
      words = [];
    }
  }
  if (words.length > 0) out.push(words.join(' '));
  return out;
}

const verdictOf = (m: Moderator, text: string): string => JSON.stringify(m.moderate(text));

describe('a verdict does not depend on earlier calls', () => {
  it('two moderators, opposite orders, memos started over between comments: the same verdicts', () => {
    const inputs = fc.sample(fc.oneof(hostileString(160), wordSoup), { seed: SEED, numRuns: 1200 });
    const forward = createModerator();
    const expected = inputs.map((text) => verdictOf(forward, text));

    const backward = createModerator();
    // Every 100 comments, more new words than the word memo holds: it starts over each time, and
    // the model's token table (50,000 tokens) every few times.
    const floodWords = WORD_MEMO_LIMIT + 5000;
    let next = 0;
    const differing: string[] = [];
    for (let k = inputs.length - 1; k >= 0; k--) {
      if (k % 100 === 0) {
        for (const text of flood(next, floodWords)) backward.moderate(text);
        next += floodWords;
      }
      if (verdictOf(backward, inputs[k]!) !== expected[k]) differing.push(JSON.stringify(inputs[k]));
    }
    expect(next).toBeGreaterThan(WORD_MEMO_LIMIT * 5);
    expect(differing).toEqual([]);
  });
});
