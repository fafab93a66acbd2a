import { describe, expect, it } from 'vitest';
import { thrownDecorumError } from './support/errors.js';
import { readFileSync } from 'node:fs';
import { createModerator, extractPage, LABELS, type Verdict } from '../src/index.js';
import { sameLanguage } from '../src/lang/detect.js';
import { fixed2, round } from '../src/moderate.js';
import fc from 'fast-check';

const moderator = createModerator();

const thrown = thrownDecorumError;

const seed = (file: string) => extractPage(readFileSync(new URL(`../corpus/pages/${file}`, import.meta.url), 'utf8'), file);

describe('moderate()', () => {
  it('returns labels, a score per label, an action, spans and the language', () => {
    const v = moderator.moderate('You are a brainless sleezebag and a demented clown.');
    expect(Object.keys(v.scores).sort()).toEqual([...LABELS].sort());
    for (const l of LABELS) expect(v.scores[l]).toBeGreaterThanOrEqual(0);
    for (const l of LABELS) expect(v.scores[l]).toBeLessThanOrEqual(1);
    expect(v.labels).toContain('insult');
    expect(['review', 'reject']).toContain(v.action);
    expect(v.language).toBe('eng');
    expect(v.matches.map((m) => m.text)).toEqual(expect.arrayContaining(['sleezebag', 'clown']));
    expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('allows clean comments on the article', () => {
    const page = seed('000_c77d67156aba59e4.txt');
    const v = moderator.moderate('Putin and Trump should keep talking about the missile deployments in Poland.', { article: page.article });
    expect(v.labels).toEqual([]);
    expect(v.action).toBe('allow');
  });

  it('rejects slurs and reviews counter-speech that names one', () => {
    expect(moderator.moderate('you are a retard').action).toBe('reject');
    const counter = moderator.moderate('calling people retards says more about you than them');
    expect(counter.labels).not.toContain('slur');
    expect(counter.action).toBe('review');
    expect(counter.matches.some((m) => m.label === 'slur' && m.mentioned)).toBe(true);
  });

  it('labels the seed comments as LABELS.md reads them', () => {
    const byAuthor = new Map<string | null, Verdict>();
    for (const file of ['000_c77d67156aba59e4.txt', '004_eb92b6f7c7bc55da.txt']) {
      const page = seed(file);
      for (const c of page.comments) byAuthor.set(c.author, moderator.moderate(c.text, { article: page.article }));
    }
    expect(byAuthor.get('william jackson')?.labels).toEqual(expect.arrayContaining(['insult', 'partisan_epithet']));
    expect(byAuthor.get(null)?.labels).toContain('partisan_epithet');
    expect(byAuthor.get('sherril henderson')?.labels).toContain('slur');
    expect(byAuthor.get('David')?.labels).toEqual(expect.arrayContaining(['slur', 'insult']));
    expect(byAuthor.get('PithyKat')?.labels).toEqual(expect.arrayContaining(['insult', 'partisan_epithet']));
    expect(byAuthor.get('War Eagle')?.action).toBe('allow');
  });

  it('judges off-topic against the article', () => {
    const page = seed('004_eb92b6f7c7bc55da.txt');
    const spam = moderator.moderate('I make $92 an hour working from home on my laptop, click here to find out how', { article: page.article });
    expect(spam.labels).toContain('off_topic');
    const onTopic = moderator.moderate('Navalny should be released and the summit should have said so.', { article: page.article });
    expect(onTopic.labels).not.toContain('off_topic');
  });

  it('a comment in another language about the article is not off-topic', () => {
    const page = seed('004_eb92b6f7c7bc55da.txt');
    const v = moderator.moderate('Putin y Biden hablaron de Navalny y de Ucrania en la cumbre de Ginebra.', { article: page.article });
    expect(v.language).toBe('spa');
    expect(v.labels).not.toContain('off_topic');
  });

  it('does not compare words across languages: a comment in another language scores as if there were no article', () => {
    const page = seed('004_eb92b6f7c7bc55da.txt');
    // Names no article word ("the talks"), so TF-IDF against the English article would read it as unrelated.
    const text = 'Ojalá que estas conversaciones sirvan para algo, pero lo dudo mucho.';
    const withArticle = moderator.moderate(text, { article: page.article });
    expect(withArticle.scores.off_topic).toBe(moderator.moderate(text).scores.off_topic);
    expect(withArticle.reasons).toContain('topic not compared with the article: comment in "spa", article in "eng"');
    // The same comment in the article's language is compared (and the reason is absent).
    const english = moderator.moderate('I hope these talks achieve something, but I doubt it very much.', { article: page.article });
    expect(english.reasons.some((r) => r.startsWith('topic not compared'))).toBe(false);
  });

  it('routes languages outside `languages` to review', () => {
    const m = createModerator({ languages: ['eng'] });
    const v = m.moderate('Putin y Biden hablaron de Navalny y de Ucrania en la cumbre de Ginebra.');
    expect(v.action).toBe('review');
  });

  it('thresholds and the reject policy are options', () => {
    const strict = createModerator({ thresholds: { insult: 0.01 }, rejectAt: { insult: 0.01 } });
    expect(strict.moderate('You are a clown').action).toBe('reject');
    const lenient = createModerator({ rejectAt: { slur: 1, insult: 1 } });
    expect(lenient.moderate('you are a retard').action).toBe('review');
  });

  it('rules only, without the model', () => {
    const rulesOnly = createModerator({ model: null });
    const v = rulesOnly.moderate('Typical Demonrats');
    expect(v.labels).toEqual(['partisan_epithet']);
    expect(rulesOnly.moderate('What a lovely day for a summit').labels).toEqual([]);
  });
});

describe('long comments', () => {
  const calm = 'The summit in Geneva covered arms control, cyberattacks and the return of ambassadors to their posts. ';

  it('a slur in a long, calm comment is still a slur', () => {
    const v = moderator.moderate(calm.repeat(8) + 'Only a retard would believe this.');
    expect(v.labels).toContain('slur');
    expect(v.action).toBe('reject');
  });

  it('a reason quotes the first ten matches of its label and counts the rest; verdict.matches keeps them all', () => {
    const names = ['idiot', 'moron', 'clown', 'imbecile', 'cretin', 'fool', 'buffoon', 'dimwit', 'nitwit', 'halfwit', 'dunce', 'numbskull'];
    const text = names.map((n) => `You ${n}.`).join(' ');
    const v = moderator.moderate(text);
    const insults = v.matches.filter((m) => m.label === 'insult' && !m.mentioned);
    expect(insults.length).toBeGreaterThan(10);
    const reason = v.reasons.find((r) => r.startsWith('insult '))!;
    const quoted = insults.slice(0, 10).map((m) => `${m.ruleId} "${m.text}"`).join(', ');
    expect(reason).toContain(`rules: ${quoted} and ${insults.length - 10} more`);
    expect(reason).not.toContain(`"${insults[10]!.text}"`);

    const few = moderator.moderate('You idiot. You moron.');
    expect(few.reasons.find((r) => r.startsWith('insult '))).toMatch(/rules: [^ ]+ "idiot", [^ ]+ "moron"( —|$)/);
  });

  it('text beyond maxLength is not analysed, and the comment goes to review saying so', () => {
    const m = createModerator({ maxLength: 200 });
    const v = m.moderate(calm.repeat(5) + ' you retard');
    expect(v.matches).toEqual([]);
    expect(v.action).toBe('review');
    expect(v.reasons.join(' ')).toMatch(/maxLength 200/);
    expect(moderator.moderate(calm.repeat(5) + ' you retard').labels).toContain('slur');
  });

  it('an article beyond maxArticleLength is read up to there, and the verdict says so', () => {
    const head = seed('000_c77d67156aba59e4.txt').article;
    const tail = ' The city council approved the new budget for the fire department on Tuesday.'.repeat(20);
    const comment = 'The fire department budget was long overdue, and the council knew it.';
    const m = createModerator({ maxArticleLength: head.length });
    const cut = m.moderate(comment, { article: head + tail });
    const headOnly = m.moderate(comment, { article: head });
    expect(cut.scores).toEqual(headOnly.scores);
    expect(cut.reasons).toContain(`topic: only the article's first ${head.length} of ${head.length + tail.length} characters were read (maxArticleLength)`);
    expect(headOnly.reasons.join(' ')).not.toMatch(/maxArticleLength/);
    // Read whole (the default limit), the tail is what the comment is about: the cut is what raised the score.
    expect(moderator.moderate(comment, { article: head + tail }).scores.off_topic).toBeLessThan(cut.scores.off_topic);
  });

  it('the language, too, comes from the analysed part only', () => {
    const m = createModerator({ maxLength: 200 });
    const german = ' Die Regierung hat gestern über die neuen Sanktionen gegen Russland beraten, und die Opposition war nicht einverstanden.';
    // Nothing but spaces up to maxLength: no letters analysed, so the language is undetermined
    // however much German follows; the same German inside the limit is German.
    expect(m.moderate(' '.repeat(200) + german.repeat(3)).language).toBe('und');
    expect(m.moderate(german.slice(0, 150)).language).toBe('deu');
  });
});

describe('bad input', () => {
  it.each([[42], [null], [undefined], [{ text: 'x' }]])('moderate(%j) throws INVALID_INPUT', (value) => {
    const err = thrown(() => moderator.moderate(value as unknown as string));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/text must be a string/);
  });

  it('a non-string article is INVALID_INPUT', () => {
    expect(thrown(() => moderator.moderate('hello', { article: 5 as unknown as string })).code).toBe('INVALID_INPUT');
  });

  it('an unknown or wrong option is INVALID_OPTION naming it', () => {
    const unknown = thrown(() => createModerator({ treshold: 0.5 } as never));
    expect(unknown.code).toBe('INVALID_OPTION');
    expect(unknown.message).toMatch(/treshold/);
    const wrong = thrown(() => createModerator({ thresholds: { insult: 2 } }));
    expect(wrong.code).toBe('INVALID_OPTION');
    expect(wrong.details.option).toBe('thresholds.insult');
    const limit = thrown(() => createModerator({ maxArticleLength: 0 }));
    expect(limit.code).toBe('INVALID_OPTION');
    expect(limit.details.option).toBe('maxArticleLength');
  });

  it('a misspelled option is named where it sits, with the option meant', () => {
    const nested = thrown(() => createModerator({ thresholds: { insults: 0.5 } } as never));
    expect(nested.details.option).toBe('thresholds.insults');
    expect(nested.message).toBe('createModerator: unknown option "thresholds.insults"; did you mean "thresholds.insult"?');
    expect(thrown(() => createModerator({ maxLenght: 10 } as never)).message).toMatch(/unknown option "maxLenght"; did you mean "maxLength"\?$/);
  });

  it('disabling a rule that no pack has is INVALID_OPTION naming it and the rule meant, not a no-op', () => {
    const err = thrown(() => createModerator({ disable: ['insult.name.idiott'] }));
    expect(err.code).toBe('INVALID_OPTION');
    expect(err.details.option).toBe('disable');
    expect(err.message).toBe('disable: no rule "insult.name.idiott" in the rule packs; did you mean "insult.name.idiot"?');
    // bad-words' rule is a rule like the others: it can be disabled, by its id.
    const m = createModerator({ model: null, disable: ['profanity.bad-words'] });
    expect(createModerator({ model: null }).moderate('shit, you are wrong').matches.map((x) => x.ruleId)).toContain('profanity.bad-words');
    expect(m.moderate('shit, you are wrong').matches.map((x) => x.ruleId)).not.toContain('profanity.bad-words');
  });

  // Found by fuzzing createModerator's options: the scan for overridden rule ids read `.rules` of
  // whatever stood in options.rules, and null or undefined there was a TypeError.
  it.each([
    [null, 'options.rules[0]'],
    [undefined, 'options.rules[0]'],
    // Not a { pack, file } pair (its pack is no object), so read as a pack whose name is null.
    [{ pack: null, file: 'site-pack.json' }, 'options.rules[0]: field "pack"'],
  ])('options.rules holding %j is RULE_PACK naming the entry, not a crash', (entry, where) => {
    const err = thrown(() => createModerator({ rules: [entry] }));
    expect(err.code).toBe('RULE_PACK');
    expect(err.message).toContain(where);
  });

  it('an empty comment is allowed, not an error', () => {
    const v = moderator.moderate('');
    expect(v.action).toBe('allow');
    expect(v.language).toBe('und');
  });
});

describe('custom packs', () => {
  const custom = {
    pack: 'site',
    version: 1,
    description: 'site-specific words',
    rules: [
      {
        id: 'site.insult.gremlin',
        label: 'insult',
        severity: 'medium',
        description: 'our community calls trolls gremlins',
        terms: ['gremlin'],
        examples: { match: ['you gremlin'], noMatch: ['the car is a Gremlin model'] },
      },
    ],
  };

  it('adds rules beside the bundled ones', () => {
    const m = createModerator({ rules: [custom], model: null });
    expect(m.moderate('shut it, gremlin').matches.map((x) => x.ruleId)).toContain('site.insult.gremlin');
  });

  it('disables bundled rules by id', () => {
    const base = createModerator({ model: null }).moderate('what an idiot');
    const ruleId = base.matches[0]?.ruleId;
    expect(ruleId).toBeDefined();
    const m = createModerator({ model: null, disable: [ruleId!] });
    expect(m.moderate('what an idiot').matches.map((x) => x.ruleId)).not.toContain(ruleId);
  });

  it('a misspelled field of a custom rule is RULE_PACK naming the rule, the field and the field meant', () => {
    const typo = { ...custom, rules: [{ ...custom.rules[0]!, termz: ['x'] }] };
    const err = thrown(() => createModerator({ rules: [typo] }));
    expect(err.code).toBe('RULE_PACK');
    expect(err.message).toBe('options.rules[0]: rule "site.insult.gremlin": unknown field "termz"; did you mean "terms"?');
    expect(err.details).toMatchObject({ ruleId: 'site.insult.gremlin', field: 'termz' });
  });

  it('two custom rules of one id are RULE_PACK saying to rename one', () => {
    const twice = { ...custom, rules: [custom.rules[0]!, { ...custom.rules[0]!, terms: ['goblin'] }] };
    expect(thrown(() => createModerator({ rules: [twice] })).message).toMatch(/rule "site\.insult\.gremlin" is defined twice \(also in options\.rules\[0\]\); rule ids must be unique within a pack: rename one$/);
    expect(thrown(() => createModerator({ rules: [custom, custom] })).message).toMatch(/defined twice \(also in options\.rules\[0\]\); rule ids must be unique across your packs: rename or remove one$/);
  });

  it('overrides a bundled rule that has the same id', () => {
    const base = createModerator({ model: null }).moderate('what an idiot');
    const ruleId = base.matches[0]!.ruleId;
    const override = { ...custom, rules: [{ ...custom.rules[0]!, id: ruleId, terms: ['gremlin'] }] };
    const m = createModerator({ model: null, rules: [override] });
    expect(m.moderate('what an idiot').matches.map((x) => x.ruleId)).not.toContain(ruleId);
    expect(m.moderate('you gremlin').matches.map((x) => x.ruleId)).toContain(ruleId);
  });
});

describe('sameLanguage', () => {
  it('compares only within one language, and when either side is undetermined', () => {
    expect(sameLanguage('eng', 'eng')).toBe(true);
    expect(sameLanguage('spa', 'eng')).toBe(false);
    expect(sameLanguage('und', 'eng')).toBe(true);
    expect(sameLanguage('deu', 'und')).toBe(true);
  });
});

describe('fixed2 (scores quoted in reasons from a table)', () => {
  it('is toFixed(2) for every score round() gives and for any other number', () => {
    for (let k = 0; k <= 1000; k++) for (const x of [k / 1000, round(k / 1000), round(k / 1000 + 4e-4), round(k / 1000 - 4e-4)]) expect(fixed2(x)).toBe(x.toFixed(2));
    for (const x of [0.0005, 0.0015, 0.125, 0.9995, 1, 1.5, -0.001, -0, 0.12345, 1e-9, 999.5]) expect(fixed2(x)).toBe(x.toFixed(2));
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -2, max: 2 }), (x) => {
        expect(fixed2(x)).toBe(x.toFixed(2));
        expect(fixed2(round(x))).toBe(round(x).toFixed(2));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('reject and uncertain-review reasons (read by label index, not by label key)', () => {
  // moderate() builds these lines from its score row and its reject row by index; they must say
  // what the label-keyed form says, from the verdict's own scores and the options.
  const rejectAt = { slur: 0.55, insult: 0.65, partisan_epithet: 0.45, off_topic: 0.35 };
  const reviewAt = 0.01;
  // Thresholds no score reaches: a comment under its reject limits is then uncertain when a score is over reviewAt.
  const m = createModerator({ rejectAt, reviewAt, thresholds: { slur: 0.999, insult: 0.999, partisan_epithet: 0.999, off_topic: 0.999 } });
  const texts = [
    'You are a brainless sleezebag and a demented clown.',
    'What an idiot, go back to school you moron.',
    'The libtards are ruining this country, lock them all up.',
    'Nice recipe, but what does it have to do with the missile deployments?',
    'Putin and Trump should keep talking about the missile deployments in Poland.',
    'I think the council made a reasonable decision on the bus lanes.',
    ...seed('000_c77d67156aba59e4.txt').comments.map((c) => c.text),
  ];
  it('name the labels over their limits, with the limit or the score, in label order', () => {
    let rejects = 0;
    let uncertain = 0;
    for (const text of texts) {
      const v = m.moderate(text);
      const reject = v.reasons.find((r) => r.startsWith('reject: '));
      if (v.action === 'reject') {
        rejects++;
        const over = LABELS.filter((l) => v.scores[l] >= rejectAt[l]);
        expect(reject).toBe(`reject: ${over.map((l) => `${l} >= ${rejectAt[l]}`).join(', ')}`);
      } else expect(reject).toBeUndefined();
      const review = v.reasons.find((r) => r.startsWith('review: uncertain'));
      if (review !== undefined) {
        uncertain++;
        const over = LABELS.filter((l) => v.scores[l] >= reviewAt);
        expect(review).toBe(`review: uncertain (${over.map((l) => `${l} ${fixed2(v.scores[l])}`).join(', ')})`);
      }
    }
    expect(rejects).toBeGreaterThan(0);
    expect(uncertain).toBeGreaterThan(0);
  });
});
