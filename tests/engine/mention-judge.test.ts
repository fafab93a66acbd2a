import { describe, expect, it } from 'vitest';
import { isMention, mentionJudge } from '../../src/engine/context.js';

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
});
