/**
 * Off-topic rules that name a subject (`requires: "unrelated-article"`) count only under an
 * article on another subject (LABELS.md: "another subject entirely (sports, recipes, a lost cat)"
 * is off-topic; "a comment that touches the article's subject" is not), and never without an
 * article. Moderation and training judge them the same way.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { SUBJECT_AUTOMATA, compileRules, parsePack } from '../../src/engine/compile.js';
import { findMatches } from '../../src/engine/match.js';
import { normalize } from '../../src/normalize/normalize.js';
import { createModerator } from '../../src/moderate.js';
import { trainModel } from '../../src/trainModel.js';

const root = join(import.meta.dirname, '..', '..');
/** The article of the first seed page: Putin on US–Russia relations. */
const RUSSIA = readFileSync(join(root, 'corpus/pages/000_c77d67156aba59e4.txt'), 'utf8').slice(0, 3000);
const PETS = 'Shelter Waives Adoption Fees for Older Cats\n\nThe county animal shelter will waive adoption fees for cats over seven this month. A kitten costs $80 to adopt; older cats are now free.';
const SPORTS = 'Celtics Beat Knicks in Overtime\n\nThe Celtics came back from 14 points down to beat the Knicks 112-108 in overtime, and lead the NBA playoffs series 2-1.';

const moderator = createModerator();
const subjectRules = (text: string, article?: string) =>
  moderator.moderate(text, article === undefined ? undefined : { article }).matches.filter((m) => m.ruleId.startsWith('offtopic.subject.')).map((m) => m.ruleId);

describe('a subject is off-topic under an article on another subject', () => {
  it.each([
    ['My cat knocked my coffee over this morning.', 'offtopic.subject.pets'],
    ['The Celtics bench was awful in the fourth quarter.', 'offtopic.subject.sports'],
    ['Two teaspoons of cinnamon is plenty for a banana bread.', 'offtopic.subject.food'],
    ['Did anyone else get Beyonce concert tickets?', 'offtopic.subject.entertainment'],
  ])('%j under the Russia article', (text, rule) => {
    const verdict = moderator.moderate(text, { article: RUSSIA });
    expect(subjectRules(text, RUSSIA)).toContain(rule);
    expect(verdict.labels).toContain('off_topic');
    expect(verdict.reasons.join('\n')).toContain(rule);
  });
});

describe('the same subject is not off-topic under an article about it, or with no article', () => {
  it.each([
    ['My cat knocked my coffee over this morning.', PETS],
    ['The Celtics bench was awful in the fourth quarter.', SPORTS],
  ])('%j', (text, article) => {
    expect(subjectRules(text, RUSSIA).length).toBeGreaterThan(0);
    expect(subjectRules(text, article)).toEqual([]);
    expect(subjectRules(text)).toEqual([]);
  });

  it("a comment that names the article's people or places is about the article, whatever word it borrows", () => {
    for (const text of ['Russia hosted the football World Cup in 2018 and relations were fine then.', 'Trump treats diplomacy like a Netflix reality show.', 'Putin plays hockey with his oligarchs.']) {
      expect(subjectRules(text, RUSSIA)).toEqual([]);
      expect(moderator.moderate(text, { article: RUSSIA }).labels).not.toContain('off_topic');
      // Under an article that names none of them, the borrowed word is a subject again.
      expect(subjectRules(text, PETS)).not.toEqual([]);
    }
  });

  it("an article's names are the words it capitalises inside a sentence, not its headline's, its days or an English word once", () => {
    const article = 'Council Meets On Tuesday About Parks\n\nOn Tuesday the Riverton council met. Its chair, Okonkwo, spoke for an hour. Sky News covered it.';
    // "Tuesday" (a day), "Meets" (headline), "News" (an English word, capitalised once) name no one.
    for (const text of ['Our cat meets the vet on Tuesday.', 'Good news, my cat is home.']) expect(subjectRules(text, article)).toEqual(['offtopic.subject.pets']);
    expect(subjectRules('Okonkwo and my cat have the same haircut.', article)).toEqual([]);
  });

  it('words politics borrows from sport are no subject', () => {
    expect(subjectRules('Sanctions are a political football in Congress.', RUSSIA)).toEqual([]);
    expect(moderator.moderate('Sanctions are a political football in Congress.', { article: RUSSIA }).labels).toEqual([]);
  });
});

describe('training judges the subject rules as moderation does', () => {
  const features = (article: string) =>
    trainModel([
      { id: '1', text: 'My cat knocked my coffee over this morning.', labels: ['off_topic'], article },
      { id: '2', text: 'The talks in Vienna went nowhere.', labels: [], article },
    ]).features;

  it('a subject the article names itself is no rule feature; under another article it is', () => {
    expect(features(RUSSIA)).toContain('r:offtopic.subject.pets');
    expect(features(PETS)).not.toContain('r:offtopic.subject.pets');
  });
});

describe('"unrelated-article" in a rule pack', () => {
  const pack = (label: string) => ({
    pack: 'site',
    version: 1,
    description: 'test',
    rules: [{ id: 'site.subject.garden', label, severity: 'medium', description: 'gardening', requires: 'unrelated-article', terms: ['tomato plants'], examples: { match: ['my tomato plants'] } }],
  });

  it('is for off_topic rules only, and says so where it sits', () => {
    expect(() => parsePack(pack('insult'), 'site.json')).toThrow(/site\.subject\.garden.*requires.*off_topic/s);
    expect(parsePack(pack('off_topic'), 'site.json').rules[0]!.requires).toBe('unrelated-article');
  });

  it("makes a user's own subject rule judge the article", () => {
    const site = createModerator({ rules: [pack('off_topic')] });
    const ids = (article: string) => site.moderate('My tomato plants finally fruited!', { article }).matches.map((m) => m.ruleId);
    expect(ids(RUSSIA)).toContain('site.subject.garden');
    expect(ids('Gardening Club Shares Tips\n\nMembers compared tomato plants and pepper seedlings.')).not.toContain('site.subject.garden');
  });
});

/** A story on a public affair that names neither Russia nor any politician: a wildfire and a governor's order. */
const WILDFIRE =
  'Wildfire Forces Thousands to Evacuate\n\nA fast-moving wildfire north of Santa Rosa forced 5,000 residents from their homes on Monday. The governor declared a state of emergency for the county.';

describe('politics is a subject of its own, under an article on no public affair', () => {
  it.each(['Putin will never give back Crimea.', 'Biden and Congress have failed us again.'])('%j', (text) => {
    for (const article of [SPORTS, PETS]) {
      expect(new Set(subjectRules(text, article))).toEqual(new Set(['offtopic.subject.politics']));
      expect(moderator.moderate(text, { article }).labels).toContain('off_topic');
    }
    // Under the Russia story it is the subject; with no article nothing is off-topic by subject.
    expect(subjectRules(text, RUSSIA)).toEqual([]);
    expect(subjectRules(text)).toEqual([]);
  });

  it("an article that names an office, a government or an election leaves room for it (articleTerms), though the rule's own terms are not there", () => {
    expect(WILDFIRE).not.toMatch(/putin|biden|congress/i);
    expect(subjectRules('Putin will never give back Crimea.', WILDFIRE)).toEqual([]);
    expect(subjectRules('Biden and Congress have failed us again.', WILDFIRE)).toEqual([]);
    // A public affair in another language: the comment's words are not compared with it, and its subject still counts.
    for (const article of ['Streit in Berlin\n\nDie Regierung will das Gesetz noch vor der Sommerpause durch den Bundestag bringen.', 'Новый закон\n\nПравительство внесло законопроект в Госдуму.']) {
      expect(subjectRules('Putin will never give back Crimea.', article)).toEqual([]);
    }
    // An articleTerm is a word of the comment like any other: "governor" is never off-topic.
    expect(subjectRules('The governor should have acted sooner.', SPORTS)).toEqual([]);
  });

  it("a comment that names a thing of the article's subject by the article's own word is about the article", () => {
    // SPORTS says "playoffs"; the comment's politics is about the series.
    for (const fresh of [false, true]) {
      // A moderator that has read the article already skips the sports rule in the comment.
      const m = createModerator();
      if (fresh) m.moderate('The Celtics bench was awful.', { article: SPORTS });
      const verdict = m.moderate('Trump would have won these playoffs for them.', { article: SPORTS });
      expect(verdict.matches.map((x) => x.ruleId)).not.toContain('offtopic.subject.politics');
      expect(verdict.labels).not.toContain('off_topic');
    }
    // A sports word the article does not use is no sign: politics past it still counts.
    expect(SPORTS).not.toMatch(/basketball/i);
    expect(new Set(subjectRules('Biden and Congress matter more than basketball.', SPORTS))).toEqual(new Set(['offtopic.subject.politics']));
    // Under the pets story the same playoffs are another subject, and so is the politics.
    expect(new Set(subjectRules('Trump would have won these playoffs for them.', PETS))).toEqual(new Set(['offtopic.subject.politics', 'offtopic.subject.sports']));
  });

  it('words with an everyday sense stay clean', () => {
    expect(subjectRules('He played his trump card in the ninth.', SPORTS)).toEqual([]);
    expect(subjectRules('I put Russian dressing on everything.', PETS)).toEqual([]);
  });
});

describe('subject rules skipped before they are judged', () => {
  // Each comment under each article, by a moderator that has read the article's subjects (a
  // subject comment came first) and by one that has not: the rule engine then skips the subject
  // rules the article is on, or searches for all of them and drops them afterwards.
  const comments = [
    'Putin will never give back Crimea.',
    'My cat knocked my coffee over this morning.',
    'Sanctions are a political football in Congress.',
    'The Celtics bench was awful, and Trump is a moron.',
    'Stupid Demonrats and their lying media.',
    'Great recipe, thanks!',
  ];
  it.each([
    ['the Russia story', RUSSIA],
    ['a game report', SPORTS],
    ['a pets story', PETS],
    ['the wildfire', WILDFIRE],
  ])('give the same verdicts under %s', (_, article) => {
    for (const text of comments) {
      const fresh = createModerator().moderate(text, { article });
      const primed = createModerator();
      primed.moderate('My cat and the Celtics and Putin.', { article });
      expect(primed.moderate(text, { article })).toEqual(fresh);
    }
  });

  it('give the same verdicts for any comment and article made of subject, article and abuse words', () => {
    const pool = [
      'putin', 'trump', 'kremlin', 'congress', 'yankees', 'bullpen', 'recipe', 'simmer', 'my cat', 'kitten', 'netflix',
      'governor', 'election', 'war', 'political football', 'recipe for disaster', 'trump card', 'stupid', 'idiot', 'retard',
      'democrats', 'demonrats', 'the', 'said', 'game', 'today', 'and', 'Russia', 'Moscow', 'Lakers', '.', ',',
    ];
    const words = (max: number) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: max }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(words(12), words(40), words(8), (text, article, first) => {
        const fresh = createModerator().moderate(text, { article });
        const primed = createModerator();
        // Whatever came first under the article: its subjects are read, or not, before `text`.
        primed.moderate(first, { article });
        expect(primed.moderate(text, { article })).toEqual(fresh);
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('keep a bounded number of automata, and the same matches past it', () => {
    const words = Array.from({ length: 12 }, (_, i) => `topicword${String.fromCharCode(97 + i)}`);
    const site = {
      pack: 'site',
      version: 1,
      description: 'twelve subjects',
      rules: words.map((w) => ({ id: `site.subject.${w}`, label: 'off_topic', severity: 'medium', description: w, requires: 'unrelated-article', terms: [w], examples: { match: [w] } })),
    };
    const rules = compileRules([{ pack: parsePack(site, 'site.json'), file: 'site.json' }]);
    const text = normalize(words.join(' and '));
    const every = findMatches(text, rules).map((m) => m.ruleId);
    const seen = new Set<unknown>();
    // 40 different sets of skipped subject rules, as 40 articles on different subjects would give.
    for (let n = 1; n <= 40; n++) {
      const skip = new Set([...rules.subjectRuleNumbers].filter((r, i) => (n >> i) % 2 === 1 || (n * 7 + i) % 5 === 0));
      seen.add(rules.automatonFor(skip));
      const kept = findMatches(text, rules, undefined, undefined, skip).map((m) => m.ruleId);
      expect(kept).toEqual(every.filter((id) => !skip.has(rules.rules.findIndex((r) => r.id === id))));
    }
    expect(seen.size).toBeLessThanOrEqual(SUBJECT_AUTOMATA + 2);
  });

  it('and with no article, as when they are judged', () => {
    for (const text of comments) {
      const verdict = moderator.moderate(text);
      expect(verdict.matches.some((m) => m.ruleId.startsWith('offtopic.subject.'))).toBe(false);
    }
  });

  it("an allowed subject phrase is a word like any other to the model: not blanked ('political football')", () => {
    const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
    expect(analyzer.analyze('Sanctions are a political football in Congress.').modelText).toContain('political football');
  });
});

describe('articleTerms in a rule pack', () => {
  const rule = (extra: object) => ({
    pack: 'site',
    version: 1,
    description: 'test',
    rules: [{ id: 'site.subject.garden', label: 'off_topic', severity: 'medium', description: 'gardening', terms: ['tomato plants'], examples: { match: ['my tomato plants'] }, ...extra }],
  });

  it('are for subject rules only, and the error says so', () => {
    expect(() => parsePack(rule({ articleTerms: ['garden'] }), 'site.json')).toThrow(/site\.subject\.garden.*articleTerms.*unrelated-article/s);
    expect(() => parsePack(rule({ requires: 'unrelated-article', articleTerms: [] }), 'site.json')).toThrow(/articleTerms/);
    expect(() => parsePack(rule({ requires: 'unrelated-article', articleTerms: ['garden', '!!!'] }), 'site.json')).toThrow(/articleTerms\[1\].*letter or a digit/s);
  });

  it('put an article on the subject when it holds one of them as a word', () => {
    const site = createModerator({ rules: [rule({ requires: 'unrelated-article', articleTerms: ['allotment'] })] });
    const ids = (article: string) => site.moderate('My tomato plants finally fruited!', { article }).matches.map((m) => m.ruleId);
    expect(ids('Council Sells Land\n\nThe council sold the land by the river to a developer.')).toContain('site.subject.garden');
    expect(ids('Council Sells Land\n\nThe council sold the allotment by the river to a developer.')).not.toContain('site.subject.garden');
    // A whole word: "allotments" is not "allotment".
    expect(ids('Council Sells Land\n\nThe council sold the allotments by the river.')).toContain('site.subject.garden');
  });
});
