/**
 * moderate() takes whatever a comment box sends. Whatever the string, it must return a
 * well-formed verdict and never throw: a throw here is a 500 on a news site's comment form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABELS, createModerator, type Verdict } from '../../src/index.js';
import { hostileString, runs } from './arbitraries.js';

const moderator = createModerator();
const ACTIONS = new Set(['allow', 'review', 'reject']);

/** Everything the Verdict type promises, checked at run time. */
function expectWellFormed(v: Verdict, text: string): void {
  expect(ACTIONS.has(v.action)).toBe(true);
  for (const l of LABELS) {
    const s = v.scores[l];
    expect(Number.isFinite(s), `score ${l} = ${s}`).toBe(true);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
  }
  for (const l of v.labels) expect(LABELS).toContain(l);
  expect(typeof v.language).toBe('string');
  expect(Array.isArray(v.reasons)).toBe(true);
  for (const m of v.matches) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
  }
}

describe('moderate() never throws', () => {
  it('on arbitrary strings: any code unit (lone surrogates, controls), any code point, graphemes, evasion pieces', () => {
    fc.assert(
      fc.property(hostileString(120), (text) => {
        expectWellFormed(moderator.moderate(text), text);
      }),
      runs(1500),
    );
  });

  it('with an arbitrary article alongside', () => {
    fc.assert(
      fc.property(hostileString(60), hostileString(200), (text, article) => {
        expectWellFormed(moderator.moderate(text, { article }), text);
      }),
      runs(400),
    );
  });

  it('with an arbitrary article cut at maxArticleLength (wherever the cut falls, a surrogate pair included)', () => {
    const cutting = createModerator({ maxArticleLength: 16 });
    fc.assert(
      fc.property(hostileString(40), hostileString(60), (text, article) => {
        const v = cutting.moderate(text, { article });
        expectWellFormed(v, text);
        expect(v.reasons.some((r) => r.includes('maxArticleLength'))).toBe(article.trim() !== '' && article.length > 16);
      }),
      runs(400),
    );
  });

  it('on strings with lone surrogates and zero-width characters injected at random positions', () => {
    const injected = fc
      .tuple(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('\ud800', '\udfff', '\ud83d', '\u200b', '\u200d', '\ufeff', '\u2060', '\u00ad')), { maxLength: 12 }),
      )
      .map(([base, inserts]) => {
        let s = base;
        for (const [at, ch] of inserts) {
          const i = s.length === 0 ? 0 : at % (s.length + 1);
          s = s.slice(0, i) + ch + s.slice(i);
        }
        return s;
      });
    fc.assert(
      fc.property(injected, (text) => {
        expectWellFormed(moderator.moderate(text), text);
      }),
      runs(800),
    );
  });

  it('on one 1 MB string mixing everything (single case, outside fast-check)', () => {
    const pieces = ['You are an ', 'i\u200bd\u200bi\u200bo\u200bt', ' \ud800 ', 'r e t a r d', '\u0000\u0007', 'ｉｄｉｏｔ', ' D-RATs ', 'ííííí', '$$$', '😀', '\udfff', ' the word "libtard" is a slur. ', '*'.repeat(40), 'a'.repeat(300), ' '];
    let text = '';
    for (let i = 0; text.length < 1 << 20; i++) text += pieces[(i * 7) % pieces.length];
    text = text.slice(0, 1 << 20);
    const v = moderator.moderate(text);
    expectWellFormed(v, text);
    expect(v.matches.length).toBeGreaterThan(0);
  });
});

describe('moderate() is deterministic', () => {
  const second = createModerator();

  it('the same text gives the same verdict, whatever was moderated in between (caches hold no state that leaks)', () => {
    fc.assert(
      fc.property(hostileString(80), fc.array(hostileString(80), { maxLength: 5 }), (text, between) => {
        const first = moderator.moderate(text);
        for (const other of between) moderator.moderate(other, { article: other });
        expect(moderator.moderate(text)).toEqual(first);
        expect(second.moderate(text)).toEqual(first);
      }),
      runs(400),
    );
  });
});
