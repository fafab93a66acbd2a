import { describe, expect, it } from 'vitest';
import { isMention, mentionJudge } from '../../src/engine/context.js';
import { RangeHashes } from '../../src/text/rangeHash.js';

describe('mentionJudge', () => {
  const texts = [
    'calling people "retards" says more about you than them',
    'you idiot you idiot you idiot "you idiot" is not an argument, you idiot',
    "the word 'moron' is offensive. but you are a moron.",
    `${'you clown '.repeat(60)}and "clown" is a slur to some ${'you clown '.repeat(60)}`,
    'he keeps saying that immigrants are vermin\nand then "vermin" again',
  ];

  it('answers exactly as isMention at every span, also for repeated phrases', () => {
    for (const text of texts) {
      const judge = mentionJudge(text);
      for (let start = 0; start < text.length; start += 3) {
        for (const len of [3, 5, 7]) {
          const end = Math.min(text.length, start + len);
          expect(judge(start, end)).toBe(isMention(text, start, end));
        }
      }
    }
  });

  it('judges a neighbourhood whose hash collides with a remembered one, instead of reusing its answer', () => {
    // Two neighbourhoods that differ only in a 128-character Thue–Morse block and its complement
    // hash alike (tests/text/rangeHash.test.ts); the block's last character is the quote before
    // "idiot" in one and an x in the other, so isMention answers differently.
    const block = (zero: string, one: string) => Array.from({ length: 128 }, (_, i) => (bitCount(i) % 2 === 1 ? one : zero)).join('');
    const lead = 'the committee said that '.repeat(12);
    const tail = '" and then they all went home to think about it some more'.repeat(5);
    const first = `${lead}${block('x', '"')}idiot${tail}`;
    const text = `${first}${lead}${block('"', 'x')}idiot${tail}`;
    const one = lead.length + 128;
    const two = first.length + lead.length + 128;
    const reach = (start: number, end: number) => [Math.max(0, start - 248), Math.min(text.length, end + 210)] as const;
    const hashes = new RangeHashes(text);
    expect(hashes.of(...reach(one, one + 5))).toBe(hashes.of(...reach(two, two + 5)));
    expect(isMention(text, one, one + 5)).not.toBe(isMention(text, two, two + 5));

    const judge = mentionJudge(text);
    for (let k = 0; k < 8; k++) judge(k * 30, k * 30 + 5); // past the direct judgements
    expect(judge(one, one + 5)).toBe(isMention(text, one, one + 5));
    expect(judge(two, two + 5)).toBe(isMention(text, two, two + 5));
    expect(judge(one, one + 5)).toBe(isMention(text, one, one + 5));
  });
});

const bitCount = (i: number): number => (i === 0 ? 0 : (i & 1) + bitCount(i >>> 1));
