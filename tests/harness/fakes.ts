import type { Fixture } from '../../src/schemas/fixture.js';
import type { Label, Match, Scores, Verdict } from '../../src/types.js';

/** Scores of 0 for every label unless given: the fake classifier is deliberately dumb and explicit. */
export function scores(partial: Partial<Scores> = {}): Scores {
  return { slur: 0, insult: 0, partisan_epithet: 0, off_topic: 0, ...partial };
}

/** A match on the `nth` occurrence of `word` in `text`, offsets computed rather than typed by hand. */
export function matchOn(
  text: string,
  word: string,
  ruleId: string,
  label: Match['label'],
  options: { nth?: number; mentioned?: boolean } = {},
): Match {
  let start = -1;
  for (let i = 0; i <= (options.nth ?? 0); i += 1) {
    start = text.indexOf(word, start + 1);
    if (start < 0) throw new Error(`test setup: "${word}" not in "${text}"`);
  }
  const match: Match = { ruleId, label, severity: 'medium', start, end: start + word.length, text: word, term: word.toLowerCase() };
  if (options.mentioned === true) match.mentioned = true;
  return match;
}

export interface Case {
  id: string;
  text: string;
  gold: Label[];
  predicted: Label[];
  scores?: Partial<Scores>;
  matches?: Match[];
  article?: string;
}

export function fixturesOf(cases: readonly Case[]): Fixture[] {
  return cases.map((c) => {
    const fixture: Fixture = { id: c.id, text: c.text, labels: c.gold, source: 'written' };
    if (c.article !== undefined) fixture.article = c.article;
    return fixture;
  });
}

/** classify() that answers from the table by text, and fails loudly on anything it was not told about. */
export function fakeClassify(cases: readonly Case[]): (text: string, article?: string) => Verdict {
  const byText = new Map(cases.map((c) => [c.text, c]));
  return (text) => {
    const c = byText.get(text);
    if (c === undefined) throw new Error(`fake classify: unexpected text ${JSON.stringify(text)}`);
    return {
      labels: c.predicted,
      scores: scores(c.scores),
      action: c.predicted.length > 0 ? 'review' : 'allow',
      matches: c.matches ?? [],
      language: 'eng',
      reasons: [],
    };
  };
}

const t2 = 'damn stupid policy';
const t6 = 'Dimocrats and Demonrats, idiots';

/**
 * Seven comments whose metrics are worked out by hand in metrics.test.ts:
 * insult tp 2 (c1,c6) fp 1 (c2) fn 1 (c3); partisan tp 2; off_topic fn 1; slur has no support.
 */
export const SMALL: readonly Case[] = [
  {
    id: 'c1',
    text: 'you damn idiot',
    gold: ['insult'],
    predicted: ['insult'],
    scores: { insult: 0.9 },
    matches: [matchOn('you damn idiot', 'idiot', 'insult.basic', 'insult'), matchOn('you damn idiot', 'damn', 'profanity.list', 'profanity')],
  },
  {
    id: 'c2',
    text: t2,
    gold: [],
    predicted: ['insult'],
    scores: { insult: 0.6 },
    matches: [matchOn(t2, 'stupid', 'insult.basic', 'insult'), matchOn(t2, 'damn', 'profanity.list', 'profanity')],
  },
  {
    id: 'c3',
    text: 'Demonrats lie, morons',
    gold: ['partisan_epithet', 'insult'],
    predicted: ['partisan_epithet'],
    scores: { partisan_epithet: 0.95, insult: 0.3 },
    matches: [matchOn('Demonrats lie, morons', 'Demonrats', 'epithet.affix', 'partisan_epithet')],
  },
  { id: 'c4', text: 'First!', gold: ['off_topic'], predicted: [], scores: { off_topic: 0.4 } },
  { id: 'c5', text: 'Good article, thanks', gold: [], predicted: [], scores: { insult: 0.05, off_topic: 0.1 } },
  {
    id: 'c6',
    text: t6,
    gold: ['insult', 'partisan_epithet'],
    predicted: ['partisan_epithet', 'insult'],
    scores: { insult: 0.8, partisan_epithet: 0.9 },
    matches: [
      matchOn(t6, 'Dimocrats', 'epithet.affix', 'partisan_epithet'),
      matchOn(t6, 'Demonrats', 'epithet.affix', 'partisan_epithet'),
      matchOn(t6, 'idiots', 'insult.basic', 'insult'),
    ],
  },
  {
    id: 'c7',
    text: 'calling people retards says more about you',
    gold: [],
    predicted: [],
    scores: { slur: 0.3 },
    matches: [matchOn('calling people retards says more about you', 'retards', 'slur.ableist', 'slur', { mentioned: true })],
  },
];
