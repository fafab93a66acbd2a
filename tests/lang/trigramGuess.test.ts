import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { franc } from 'franc';
import { expressions } from 'franc/expressions.js';
import { CANDIDATE_LANGUAGES } from '../../src/lang/detect.js';
import { createLanguageGuesser } from '../../src/lang/trigramGuess.js';
import { TRICKY_CHARS, hostileString, runs } from '../property/arbitraries.js';
import { fixtureTexts } from '../support/corpus.js';

const MIN = 20;

/** Written for these tests: one sentence per candidate language, and mixtures. */
const SENTENCES = [
  'El presidente dijo que las relaciones con Rusia no van a mejorar este año.',
  'Le président a dit que les relations avec la Russie ne vont pas s’améliorer cette année.',
  'Der Präsident sagte, dass sich die Beziehungen zu Russland dieses Jahr nicht verbessern werden.',
  'Il presidente ha detto che i rapporti con la Russia non miglioreranno quest’anno.',
  'O presidente disse que as relações com a Rússia não vão melhorar este ano.',
  'De president zei dat de betrekkingen met Rusland dit jaar niet zullen verbeteren.',
  'Президент сказал, что отношения с Россией в этом году не улучшатся.',
  'Президент сказав, що відносини з Росією цього року не покращаться.',
  'Prezydent powiedział, że stosunki z Rosją w tym roku się nie poprawią.',
  'Başkan, Rusya ile ilişkilerin bu yıl düzelmeyeceğini söyledi.',
  'قال الرئيس إن العلاقات مع روسيا لن تتحسن هذا العام.',
  '总统说今年与俄罗斯的关系不会改善。',
  '大統領は、今年ロシアとの関係は改善しないと述べた。',
  '대통령은 올해 러시아와의 관계가 개선되지 않을 것이라고 말했다.',
  'राष्ट्रपति ने कहा कि इस साल रूस के साथ संबंध नहीं सुधरेंगे।',
  'Presidenten sa att relationerna med Ryssland inte kommer att förbättras i år.',
  'Președintele a spus că relațiile cu Rusia nu se vor îmbunătăți anul acesta.',
  'The president said relations with Russia will not improve this year, and that is that.',
  'Ο πρόεδρος είπε ότι οι σχέσεις με τη Ρωσία δεν θα βελτιωθούν φέτος.',
  'הנשיא אמר שהיחסים עם רוסיה לא ישתפרו השנה.',
  'ประธานาธิบดีกล่าวว่าความสัมพันธ์กับรัสเซียจะไม่ดีขึ้นในปีนี้',
  'Президент said que las relations 😀 не улучшатся 🇺🇸 dieses Jahr!!! 1234 ...',
  'İSTANBUL İÇİN İYİ BİR GÜN, İNANIN BANA ARKADAŞLAR',
  '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
  '12345678901234567890 !!! ??? ... $$$ ### @@@',
  '\u0130'.repeat(2100),
  'a'.repeat(3000),
];

const CANDIDATE_LISTS: ReadonlyArray<readonly string[]> = [CANDIDATE_LANGUAGES, ['spa', 'por'], ['rus'], ['cmn', 'jpn'], ['eng'], []];

describe('createLanguageGuesser: franc(text, { only, minLength }) without its per-call cost', () => {
  const pairs = CANDIDATE_LISTS.map((only) => ({ only, guess: createLanguageGuesser(only, MIN), franc: (t: string) => franc(t, { only: [...only], minLength: MIN }) }));

  it('gives franc’s answer on every fixture comment, whole and cut to 400 units, for each candidate list', () => {
    const texts = [...fixtureTexts, ...SENTENCES];
    for (const { only, guess, franc: reference } of pairs) {
      for (const t of texts) for (const s of [t, t.slice(0, 400)]) expect(guess(s), `${JSON.stringify(s.slice(0, 60))} with only=[${only}]`).toBe(reference(s));
    }
  });

  it('tells the sentences’ languages apart as franc does (the test texts are not all one language)', () => {
    const { guess } = pairs[0]!;
    const answers = new Set(SENTENCES.map(guess));
    expect(answers.size).toBeGreaterThanOrEqual(12);
    expect(guess(SENTENCES[0]!)).toBe('spa');
    expect(guess(SENTENCES[6]!)).toBe('rus');
    expect(guess(SENTENCES[13]!)).toBe('kor');
  });

  it('gives franc’s answer on generated text: mixed scripts, emoji, lone surrogates, symbols, U+0130', () => {
    const pieces = [...SENTENCES.flatMap((s) => s.split(/(?<=\s)/u)), ...TRICKY_CHARS, ' ', '  ', '\n', '9', '!', 'İ', '\ud83c\ude00', '\ud801\udf80', '\ud840\udc00'];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join('')),
      hostileString(120),
      fc.string({ unit: 'grapheme', minLength: 15, maxLength: 200 }),
    );
    for (const { only, guess, franc: reference } of pairs) {
      fc.assert(
        fc.property(text, (t) => {
          expect(guess(t), `only=[${only}]`).toBe(reference(t));
        }),
        runs(only === CANDIDATE_LANGUAGES ? 3000 : 500),
      );
    }
  });

  it('reads franc’s script expressions as the guesser assumes: single units outside the surrogates, or pairs led by a high surrogate', () => {
    // The guesser counts a script's matches unit by unit and leaves only texts with a high
    // surrogate that may lead a pair to the expressions: that is exact only for this shape.
    for (const [script, re] of Object.entries(expressions)) {
      const alternatives: string[] = [];
      let depth = 0;
      let current = '';
      for (let i = 0; i < re.source.length; i++) {
        const c = re.source[i]!;
        if (c === '\\') {
          current += re.source.slice(i, i + 6);
          i += 5;
          continue;
        }
        if (c === '[') depth++;
        if (c === ']') depth--;
        if (c === '|' && depth === 0) {
          alternatives.push(current);
          current = '';
          continue;
        }
        current += c;
      }
      alternatives.push(current);
      for (const a of alternatives) {
        const singleClass = /^\[[^\]]*\]$/.test(a) && !/\\uD[89A-F]/i.test(a);
        const pairLedByHigh = /^(\\uD[89AB][0-9A-F]{2}|\[\\uD[89AB])/i.test(a);
        expect(singleClass || pairLedByHigh, `${script}: ${a.slice(0, 40)}`).toBe(true);
      }
    }
    // In ASCII only the Latin expression matches, and only the letters (the all-ASCII fast path).
    for (let u = 0; u < 0x80; u++) {
      const ch = String.fromCharCode(u);
      for (const [script, re] of Object.entries(expressions)) {
        const letter = /[A-Za-z]/.test(ch);
        expect(new RegExp(re.source).test(ch), `${script} on U+${u.toString(16)}`).toBe(script === 'Latin' && letter);
      }
    }
  });

  it('reads only the first 2,048 units, as franc does', () => {
    const { guess } = pairs[0]!;
    // Spanish for 2,048 units, then Russian: franc never sees the Russian, nor may the guesser.
    const spanish = SENTENCES[0]!.repeat(40).slice(0, 2048);
    const text = spanish + SENTENCES[6]!.repeat(100);
    expect(guess(text)).toBe('spa');
    expect(guess(text)).toBe(franc(text, { only: [...CANDIDATE_LANGUAGES], minLength: MIN }));
    expect(guess(SENTENCES[6]!.repeat(100) + spanish)).toBe('rus');
  });
});
