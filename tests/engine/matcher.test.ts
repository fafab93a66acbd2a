import { describe, expect, it } from 'vitest';
import { pack, rule } from '../support/packs.js';
import { thrownDecorumError } from '../support/errors.js';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { compileRules } from '../../src/engine/compile.js';
import { patternProblem, requiredLiteral } from '../../src/engine/safePattern.js';

const analyzer = createAnalyzer(BUNDLED_PACKS, { profanity: badWordsList() });
// As moderation analyses a comment with no article: subject rules ("Trump", "the bullpen") skipped.
const matches = (text: string) => analyzer.analyze(text, analyzer.rules.subjectRuleNumbers).matches;
const labelsOf = (text: string) => [...new Set(matches(text).filter((m) => !m.mentioned).map((m) => m.label))].sort();

const thrown = thrownDecorumError;


describe('the seed comments', () => {
  it.each([
    ['I thought so—–stupid, ignorant D-RATs.', ['insult', 'partisan_epithet']],
    ['The TDS’ers in congress are harming our country', ['partisan_epithet']],
    ['we would send a absolute retard to represent the US', ['slur']],
    ['Theretard tha was cheated into the White House', ['slur']],
    ['We send a knowing demented clown to represent us', ['insult']],
    ['bejing biden undermined everywhere Trump triumphed', ['partisan_epithet']],
    ['they know howto play the brainless sleezebag.', ['insult']],
    ["possibly pave the way for obama-lama-ding-dang's return?", ['partisan_epithet']],
  ])('%j → %j', (text, expected) => {
    expect(labelsOf(text)).toEqual(expected);
  });
});

describe('spans', () => {
  it('point into the original text, whatever normalisation found', () => {
    for (const text of ['you r.e.t.a.r.d', 'what an IDIOOOOT', 'Theretard again', 'r\u200be\u200btard', 'a ｒｅｔａｒｄ']) {
      const found = matches(text);
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('cover the glued slur only, not the word it is glued to', () => {
    const [m] = matches('Theretard tha was cheated').filter((x) => x.label === 'slur');
    expect(m?.text).toBe('retard');
  });
});

describe('innocent look-alikes', () => {
  it.each([
    'Scunthorpe United won on Saturday',
    'The flame retardant coating failed the test',
    'Dick Cheney and Dick Durbin both spoke',
    'We drove through Penistone and Sussex',
    'shiitake mushrooms and a cocktail',
    'an assassin tried to assassinate the envoy',
    'I am a Democrat and proud of it',
    'Republicans and Democrats agreed on the bill',
    'liberals and conservatives alike, the left and the right',
    'that is a stupid policy',
  ])('%j has no label', (text) => {
    expect(labelsOf(text)).toEqual([]);
  });
});

describe('evasion', () => {
  it.each([
    ['you r3tard', 'slur'],
    ['r e t a r d', 'slur'],
    ['f@ggot', 'slur'],
    ['D e m o n r a t s again', 'partisan_epithet'],
    ['Demonrats and Dimocrats', 'partisan_epithet'],
    ['f**k off, you idiot', 'insult'],
    ['what an IDIOOOOOT', 'insult'],
    ['idiоt', 'insult'],
  ])('%j → %s', (text, label) => {
    expect(labelsOf(text)).toContain(label);
  });
});

describe('word formation catches unseen coinages on both sides', () => {
  it('finds tard blends and rat forms that are not listed', () => {
    expect(labelsOf('Bidentards everywhere')).toContain('partisan_epithet');
    expect(labelsOf('the Demoncraps did it')).toContain('partisan_epithet');
  });
});

describe('mirrored sentences get equal verdicts', () => {
  const pairs: Array<[string, string]> = [
    ['Typical Demonrats, lying again', 'Typical Repugs, lying again'],
    ['The libtards will never learn', 'The Trumptards will never learn'],
    ['Killary should be in jail', 'Drumpf should be in jail'],
    ['I am a Democrat', 'I am a Republican'],
    ['Democrats voted for the bill', 'Republicans voted for the bill'],
    ['liberals are wrong about this', 'conservatives are wrong about this'],
  ];
  it.each(pairs)('%j ~ %j', (left, right) => {
    expect(labelsOf(left)).toEqual(labelsOf(right));
  });
});

describe('counter-speech and quotation', () => {
  it.each([
    'calling people retards says more about you',
    'the word "retard" is a slur',
    "Stop saying 'retarded', it hurts people",
  ])('%j is a mention, not a use', (text) => {
    const slurs = matches(text).filter((m) => m.label === 'slur');
    expect(slurs.length).toBeGreaterThan(0);
    expect(slurs.every((m) => m.mentioned)).toBe(true);
  });

  it('a plain use is not a mention', () => {
    expect(matches('you are a retard').some((m) => m.label === 'slur' && !m.mentioned)).toBe(true);
  });
});

describe('aimed adjectives and profanity', () => {
  it('counts "stupid" only when aimed at someone', () => {
    expect(labelsOf('you are stupid')).toContain('insult');
    expect(labelsOf('stupid people everywhere')).toContain('insult');
    expect(labelsOf('a stupid policy')).toEqual([]);
  });

  it('counts profanity only when aimed', () => {
    expect(matches('holy shit what a summit').filter((m) => m.label === 'profanity')).toEqual([]);
    expect(matches("Don't be an ash0le").some((m) => m.label === 'profanity' || m.label === 'insult')).toBe(true);
  });
});

describe('rule packs', () => {
  it('an invalid pack names the file, the rule id and the field', () => {
    const err = thrown(() => compileRules([{ pack: pack([rule({ severity: 'extreme' })]), file: 'rules/custom.json' }]));
    expect(err.code).toBe('RULE_PACK');
    expect(err.message).toContain('rules/custom.json');
    expect(err.message).toContain('test.rule');
    expect(err.message).toContain('severity');
    expect(err.details).toMatchObject({ file: 'rules/custom.json', ruleId: 'test.rule', field: 'severity' });
  });

  it('an unknown field is an error, not ignored', () => {
    const err = thrown(() => compileRules([{ pack: pack([rule({ severity: 'low', sevrity: 'low' })]), file: 'x.json' }]));
    expect(err.code).toBe('RULE_PACK');
    expect(err.message).toMatch(/sevrity/);
  });

  it('a rule without examples is refused', () => {
    const err = thrown(() => compileRules([{ pack: pack([rule({ examples: { match: [] } })]), file: 'x.json' }]));
    expect(err.details.field).toBe('examples.match');
  });

  it('a pattern that can backtrack catastrophically is refused with UNSAFE_PATTERN', () => {
    const err = thrown(() => compileRules([{ pack: pack([rule({ terms: undefined, patterns: ['(a+)+b'] })]), file: 'x.json' }]));
    expect(err.code).toBe('UNSAFE_PATTERN');
    expect(err.details).toMatchObject({ file: 'x.json', ruleId: 'test.rule' });
  });

  it.each(['a*', 'a+', 'a{2,}', '(a{1,3}){1,3}', '(a)\\1'])('patternProblem(%j) is not null', (p) => {
    expect(patternProblem(p)).not.toBeNull();
  });

  it.each(['https?://', '\\$ ?\\d{1,6}', '(?:an|per) (?:hour|day)', '[a-z]{0,20}tard'])('patternProblem(%j) is null', (p) => {
    expect(patternProblem(p)).toBeNull();
  });

  it('the same rule id twice is an error naming both files', () => {
    const err = thrown(() =>
      compileRules([
        { pack: pack([rule()]), file: 'a.json' },
        { pack: pack([rule()]), file: 'b.json' },
      ]),
    );
    expect(err.message).toContain('a.json');
    expect(err.message).toContain('b.json');
  });
});

describe('pattern prefilter', () => {
  it.each([
    ['https?://', 'http'],
    ['ab?c', 'a'],
    ['a{0,2}bc', 'bc'],
    ['\\$ ?\\d{1,3}', '$'],
    ['\\u00a9 ?\\d{4}', undefined],
    ['x|y', undefined],
    ['(a|b)cd(e)', 'cd'],
    // An astral character is one atom: "?" after it makes both of its halves optional.
    ['a?😀?', undefined],
    ['x😀?', 'x'],
    ['x😀', 'x😀'],
  ])('requiredLiteral(%j) = %j', (source, literal) => {
    expect(requiredLiteral(source)).toBe(literal);
  });

  it('every shipped pattern match contains its required literal', () => {
    for (const { pack } of BUNDLED_PACKS) {
      for (const r of (pack as { rules: Array<{ patterns?: string[]; examples: { match: string[] } }> }).rules) {
        for (const source of r.patterns ?? []) {
          const literal = requiredLiteral(source);
          if (literal === undefined) continue;
          const re = new RegExp(source, 'gu');
          for (const example of r.examples.match) {
            const text = analyzer.analyze(example).norm.text;
            for (const m of text.matchAll(re)) expect(m[0]).toContain(literal);
          }
        }
      }
    }
  });
});

describe('masks and mentions, edge cases', () => {
  it('a masked word after a one-letter word is still one word', () => {
    expect(matches('What a c**t').length).toBeGreaterThan(0);
  });

  it('an ambiguous mask takes its mildest reading', () => {
    expect(matches('you are s**t').some((m) => m.label === 'slur')).toBe(false);
  });

  it('"a word" elsewhere in the sentence does not make an epithet a mention', () => {
    const [m] = matches('Nobody believes a word the Rethuglicans say').filter((x) => x.label === 'partisan_epithet');
    expect(m).toBeDefined();
    expect(m!.mentioned).toBeUndefined();
  });

  it('"this is" does not aim profanity at anyone', () => {
    expect(matches('damn, this is shit').filter((m) => m.label === 'profanity')).toEqual([]);
  });
});
