import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import { findMatches } from '../../src/engine/match.js';
import { createModerator } from '../../src/moderate.js';
import { normalize } from '../../src/normalize/normalize.js';

const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
const matches = (text: string) => analyzer.analyze(text).matches;
/** Labels of the matches that are used, not merely mentioned; profanity counts as insult evidence. */
const used = (text: string) => [...new Set(matches(text).filter((m) => !m.mentioned && m.label !== 'profanity').map((m) => m.label))].sort();
const insult = (text: string) => used(text).includes('insult');
const moderator = createModerator();

describe('group derogation is an insult', () => {
  it.each([
    // the speaker's hatred or disgust, aimed at a group
    'Honestly, I despise immigrants and always will.',
    'We really can\'t stand disabled people in this street.',
    'I hate every single one of those Muslims.',
    'I am disgusted by lesbians holding hands in public.',
    'I have nothing but contempt for refugees.',
    'Gay men make me sick.',
    'Trans people honestly disgust me.',
    // dehumanising comparisons
    'Refugees are rats.',
    'Women are nothing but trash.',
    'Muslims are a cancer on this town.',
    'Black people are lesser beings.',
    'Migrants are vermin.',
    'Vermin like them should stay out.',
    // derogatory attributes, also past the three-word window through grammatical glue
    'Trans people are repulsive.',
    'Only women can be so ignorant about money.',
    'Typical of an immigrant to be this lazy.',
    'Dirty foreigners everywhere you look.',
    // denied worth and death wishes
    'Gay people are not human.',
    'Immigrants do not deserve to live here or anywhere.',
    'Disabled lives don\'t matter.',
    'Muslims should all be exterminated.',
    'Death to all the trans people.',
    // profanity aimed at a group
    'Fuck all the refugees.',
    'Lesbians can go fuck themselves.',
    'Jews aren\'t worth shit.',
    // rhetorical questions and opinions
    'Aren\'t immigrants just parasites?',
    'Why are gay people so disgusting?',
    'In my opinion, women are inferior.',
    // second person
    'I hate you.',
  ])('%j', (text) => {
    expect(insult(text)).toBe(true);
  });
});

describe('statements about groups that are not abuse stay clean', () => {
  it.each([
    'I hate this policy.',
    'I hate Mondays.',
    'I can\'t stand the heat in July.',
    'Women are brilliant scientists.',
    'Immigrants built this city.',
    'Muslims pray five times a day.',
    'Refugees are people like you and me.',
    'Gay couples adopted more children this year.',
    'Disabled people deserve better access to transport.',
    'I hate it when people park across my drive.',
    'I hate the way politicians dodge questions.',
    'The senator hates immigrants, his own staff say.',
    'Women hate being ignored, like everyone does.',
    'Hate crimes against Muslims rose again.',
    'People throw trash in the canal every weekend.',
    'Refugees are treated like animals in those camps.',
    'The rats in the metro are huge.',
    'Conditions for migrants are disgraceful.',
    'The way they treat immigrants makes me sick.',
    'Banning Muslims is disgusting.',
    'People should die with dignity, campaigners say.',
    'Senators vowed to kill the bill.',
    'We did fuck all at the office today.',
    'What the fuck happened to the bus timetable?',
  ])('%j', (text) => {
    expect(used(text)).toEqual([]);
  });
});

describe('an insult word is aimed within its clause, at a subject that agrees with its verb', () => {
  it.each([
    // another clause, opened after a comma: said of the thing, not of the person in the next one
    'The policy is stupid, but he is fine.',
    'The idea is foolish, but the people proposing it mean well.',
    'The argument is idiotic, and he knows it.',
    // a plural before a singular verb is not its subject: the act is disgusting
    'Calling disabled people names is disgusting.',
  ])('%j is no insult', (text) => {
    expect(insult(text)).toBe(false);
  });

  it.each([
    // the subject of a plural copula, past a phrase the ±3-word window does not cross
    'Voters supporting this bill are stupid.',
    'The senators pushing this bill are stupid, plain and simple.',
    'People who wrote this bill are stupid.',
    'The people behind this policy are stupid.',
  ])('%j is said of the subject of "are"', (text) => {
    expect(insult(text)).toBe(true);
  });

  it.each([
    // the subject is a thing: the phrase after it names people
    'Sanctions against Russia are stupid.',
    'Sanctions against the people of Crimea are stupid.',
    'People are saying the sanctions are stupid.',
    'The talks between the diplomats were pointless.',
  ])('%j is no insult', (text) => {
    expect(insult(text)).toBe(false);
  });

  it.each([
    'He is stupid, but the policy is fine.',
    // a comma alone joins one phrase
    'Stupid, ignorant people run this place.',
    'You are stupid, and so are your friends.',
  ])('%j is', (text) => {
    expect(insult(text)).toBe(true);
  });
});

describe('denials are not abuse', () => {
  it.each([
    'I don\'t hate immigrants.',
    'Women are not disgusting.',
    'I never said that gay people are scum.',
    'Nobody thinks refugees are vermin.',
    'Not all immigrants are criminals.',
    'No woman is stupid for asking.',
    'I don\'t think Muslims are terrorists.',
  ])('%j', (text) => {
    expect(insult(text)).toBe(false);
  });

  it('a negation in another clause or verb does not deny the insult', () => {
    expect(insult('If you don\'t read the bill you\'re a moron.')).toBe(true);
    expect(insult('I\'m not racist, but immigrants are vermin.')).toBe(true);
    expect(insult('Don\'t be an idiot.')).toBe(true);
    expect(insult('Don\'t listen to these stupid people.')).toBe(true);
  });
});

describe('name-calling aimed at the speaker is not an insult', () => {
  it.each([
    'I was a total shithead back in college.',
    'I\'m such an idiot, I missed the deadline.',
    'Call me a moron, but I like the plan.',
    'I felt like a complete fool at the meeting.',
    'We got to fuck off home early on Friday.',
  ])('%j', (text) => {
    expect(insult(text)).toBe(false);
  });

  it('name-calling aimed at someone else still is', () => {
    expect(insult('You are a total shithead.')).toBe(true);
    expect(insult('Fuck off, you liar.')).toBe(true);
  });
});

describe('counter-speech: quoted and reported abuse is a mention', () => {
  it.each([
    'He sent messages like "women are vermin" to every female councillor.',
    'The tweet said "immigrants are rats" and got thousands of likes.',
    'Calling refugees cockroaches is how it starts.',
    'Saying \'gay people are disgusting\' is hateful.',
    'People who say Muslims are parasites have never met one.',
    'When the mayor said disabled people are useless, the room went silent.',
    'They called us vermin all through school.',
  ])('%j', (text) => {
    const insults = matches(text).filter((m) => m.label === 'insult');
    expect(insults.length).toBeGreaterThan(0);
    expect(insults.every((m) => m.mentioned)).toBe(true);
  });

  it.each(['They called me a retard at school.', 'She was called a f@ggot on the bus.', 'He wrote that this was "a tranny thing", which is vile.'])(
    'a slur in reported speech is a mention: %j',
    (text) => {
      const slurs = matches(text).filter((m) => m.label === 'slur');
      expect(slurs.length).toBeGreaterThan(0);
      expect(slurs.every((m) => m.mentioned)).toBe(true);
    },
  );

  it('the speaker\'s own "I call them X" is a use, not a mention', () => {
    expect(insult('I call them vermin because that is what they are.')).toBe(true);
  });

  it('counter-speech is never rejected and not labelled insult', () => {
    for (const text of ['Calling immigrants vermin is disgusting.', 'Saying "women are scum" is hateful.', 'Nobody here thinks gay people are freaks.']) {
      const v = moderator.moderate(text);
      expect(v.action).not.toBe('reject');
      expect(v.labels).not.toContain('insult');
    }
  });

  it('group derogation itself is labelled insult by the moderator', () => {
    for (const text of ['Immigrants are rats.', 'I despise trans people.', 'Women should all die.']) {
      expect(moderator.moderate(text).labels).toContain('insult');
    }
  });
});

describe('glued and scrambled spellings', () => {
  it('catches slurs and insults glued to the next or previous word', () => {
    expect(used('So manysluts in this thread.')).toContain('slur');
    expect(used('Those femalevermin again.')).toContain('insult');
    expect(used('Women are justpathetic.')).toContain('insult');
    expect(used('I hatewomen.')).toContain('insult');
    expect(used('Womenare disgusting.')).toContain('insult');
  });

  it('a target with two letters swapped still counts', () => {
    expect(insult('I hate imimgrants.')).toBe(true);
  });

  it('innocent words that hold a glued term stay clean', () => {
    expect(used('The Slutsky equation is on the exam.')).toEqual([]);
    expect(used('A sympathetic judge heard the case.')).toEqual([]);
  });
});

describe('homonyms', () => {
  it.each([
    'The breeder said the bitch had a litter of five.',
    'Our spaniel bitch is pregnant again.',
    'Volunteers reinforced the dyke before the flood.',
    'Faggots for tea, with peas and gravy.',
    'Coon Rapids opened a new library.',
  ])('%j stays clean', (text) => {
    expect(used(text)).toEqual([]);
  });
});

describe('the group rules link only through grammatical glue', () => {
  it('a custom rule with the insult.group prefix needs a linked target', () => {
    const rules = compileRules([
      {
        pack: {
          pack: 'test',
          version: 1,
          description: 'test pack',
          targets: ['cats'],
          rules: [
            {
              id: 'insult.group.test',
              label: 'insult',
              severity: 'medium',
              description: 'a test rule',
              requires: 'target',
              terms: ['goblins'],
              examples: { match: ['cats are goblins'] },
            },
          ],
        },
        file: 'test.json',
      },
    ]);
    const found = (text: string) => findMatches(normalize(text), rules).length > 0;
    expect(found('cats are really goblins')).toBe(true);
    expect(found('cats chase goblins')).toBe(false);
    expect(found('cats, goblins and dogs')).toBe(false);
  });
});
