/**
 * Off-topic rules that name a subject (`requires: "unrelated-article"`) count only under an
 * article on another subject (LABELS.md: "another subject entirely (sports, recipes, a lost cat)"
 * is off-topic; "a comment that touches the article's subject" is not), and never without an
 * article. Moderation and training judge them the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../src/engine/compile.js';
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
