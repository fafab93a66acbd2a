import { describe, expect, it } from 'vitest';
import { pack, rule } from '../support/packs.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyze.js';
import { BUNDLED_PACKS } from '../../src/bundled/rules.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { lintRulePacks, type LintFinding } from '../../src/engine/lint.js';

const lint = (packs: unknown[], profanity: string[] = []) =>
  lintRulePacks(
    packs.map((p, i) => ({ pack: p, file: `pack${i}.json` })),
    { profanity },
  );
const ofKind = (findings: LintFinding[], kind: LintFinding['kind']) => findings.filter((f) => f.kind === kind);
const uselessPhrases = (findings: LintFinding[]) => ofKind(findings, 'useless-allow').map((f) => /allow "([^"]+)"/.exec(f.message)?.[1]);

/** A partisan rule that forms words from stems and suffixes, as partisan.json does. */
const formation = rule({
  id: 'test.blends',
  label: 'partisan_epithet',
  terms: undefined,
  affixes: { stems: ['trump', 'lib'], suffixes: ['tard', 'tards', 'ets'] },
  examples: { match: ['the libtards again'] },
});

describe('"protects nothing" means the matcher finds nothing the phrase would cancel', () => {
  it('a pack-level allow entry that protects a word formed from a stem is useful', () => {
    const findings = lint([pack([formation], { allow: ['trumpets', 'trumpeter'] })]);
    // "trumpets" = "trump" + "ets" would be a blend; "trumpeter" is formed from nothing.
    expect(uselessPhrases(findings)).toEqual(['trumpeter']);
    const [finding] = ofKind(findings, 'useless-allow');
    expect(finding).toMatchObject({ file: 'pack0.json', field: 'allow[1]' });
    expect(finding?.ruleId).toBeUndefined();
  });

  it('and the engine honours it: the allow phrase cancels the word-formation hit', () => {
    const withAllow = createAnalyzer([{ pack: pack([formation], { allow: ['trumpets'] }), file: 'a.json' }]);
    const without = createAnalyzer([{ pack: pack([formation]), file: 'b.json' }]);
    expect(without.analyze('the trumpets played').matches.map((m) => m.text)).toEqual(['trumpets']);
    expect(withAllow.analyze('the trumpets played').matches).toEqual([]);
    expect(withAllow.analyze('the trumptards again').matches.map((m) => m.ruleId)).toEqual(['test.blends']);
  });

  it('an allow entry that protects a pattern match is useful, and cancels it', () => {
    const hacks = rule({ id: 'test.hack', terms: undefined, patterns: ['\\bpaid hacks?\\b'], examples: { match: ['a paid hack'] } });
    const findings = lint([pack([hacks], { allow: ['paid hacks anonymous', 'hackathon'] })]);
    expect(uselessPhrases(findings)).toEqual(['hackathon']);
    const analyzer = createAnalyzer([{ pack: pack([hacks], { allow: ['paid hacks anonymous'] }), file: 'a.json' }]);
    expect(analyzer.analyze('Paid Hacks Anonymous played last night').matches).toEqual([]);
    expect(analyzer.analyze('another paid hack').matches.map((m) => m.ruleId)).toEqual(['test.hack']);
  });

  it('word boundaries count: an entry around a whole-word term that cannot match inside it protects nothing', () => {
    const findings = lint([pack([rule({ terms: ['cunt', { term: 'retard', boundary: 'prefix' }] })], { allow: ['scunthorpe', 'retardant'] })]);
    expect(uselessPhrases(findings)).toEqual(['scunthorpe']);
    expect(ofKind(findings, 'useless-allow')[0]?.message).toBe('allow "scunthorpe" protects nothing: no term, word formation or pattern of any rule matches inside it');
  });

  it('profanity hits count when the profanity list is given, as the moderator compiles it', () => {
    const packs = [pack([rule()], { allow: ['dick cheney'] })];
    expect(uselessPhrases(lint(packs))).toEqual(['dick cheney']);
    expect(uselessPhrases(lint(packs, ['dick']))).toEqual([]);
  });

  it('spelling tricks in the allow phrase are normalised like a comment', () => {
    expect(uselessPhrases(lint([pack([rule()], { allow: ['N1TW1T Society'] })]))).toEqual([]);
  });

  it("a rule's allow must hold a hit of that rule, not of another", () => {
    const other = rule({ id: 'test.other', terms: ['dolt'], examples: { match: ['you dolt'] } });
    const findings = lint([pack([rule({ allow: ['nitwit society', 'dolt society'] }), other])]);
    const useless = ofKind(findings, 'useless-allow');
    expect(useless).toHaveLength(1);
    expect(useless[0]).toMatchObject({ ruleId: 'test.rule', field: 'allow[1]' });
    expect(useless[0]?.message).toContain('rule allow "dolt society" protects nothing');
    expect(useless[0]?.message).toContain('it only holds test.other "dolt", of other rules');
  });

  it("a rule's allow protects its patterns and word formation too", () => {
    const findings = lint([pack([{ ...formation, allow: ['trumpets', 'the trumptard museum'] }])]);
    expect(ofKind(findings, 'useless-allow')).toEqual([]);
  });

  it("a term's allow must contain a match of that very term", () => {
    const findings = lint([pack([rule({ terms: [{ term: 'retard', allow: ['retardant', 'fire retardant gel'] }, { term: 'nitwit', allow: ['the nitwit festival', 'half-wit'] }] })])]);
    expect(uselessPhrases(findings)).toEqual(['retardant', 'fire retardant gel', 'half-wit']);
    expect(ofKind(findings, 'useless-allow').map((f) => f.field)).toEqual(['terms[0].allow[0]', 'terms[0].allow[1]', 'terms[1].allow[1]']);
  });

  it("an affix allow must be a word the rule's stems and suffixes form", () => {
    const findings = lint([pack([{ ...formation, affixes: { stems: ['trump'], suffixes: ['ets', 'tard'], allow: ['trumpets', 'trumpeter'] } }])]);
    expect(ofKind(findings, 'useless-allow')).toEqual([
      expect.objectContaining({ field: 'affixes.allow[1]', message: 'affix allow "trumpeter" protects nothing: it is not a word this rule\'s stems and suffixes form' }),
    ]);
  });
});

describe('unknown fields are findings, not crashes', () => {
  const typo = pack(
    [
      rule({ id: 'test.typo', termz: ['dolt'], terms: [{ term: 'nitwit', boundry: 'any' }, 'nitwit'], examples: { match: ['you nitwit'], nomatch: [] } }),
    ],
    { alow: ['x'] },
  );

  it('names the file, the rule and the field, and suggests the intended one', () => {
    const findings = ofKind(lint([typo]), 'unknown-field');
    expect(findings.map(({ file, ruleId, field }) => ({ file, ruleId, field }))).toEqual([
      { file: 'pack0.json', ruleId: undefined, field: 'alow' },
      { file: 'pack0.json', ruleId: 'test.typo', field: 'termz' },
      { file: 'pack0.json', ruleId: 'test.typo', field: 'examples.nomatch' },
      { file: 'pack0.json', ruleId: 'test.typo', field: 'terms[0].boundry' },
    ]);
    expect(findings[0]?.message).toContain('did you mean "allow"?');
    expect(findings[1]?.message).toBe('unknown field "termz" in rule "test.typo": the schema rejects the pack until it is renamed or removed; did you mean "terms"?');
    expect(findings[2]?.message).toContain('did you mean "noMatch"?');
    expect(findings[3]?.message).toContain('did you mean "boundary"?');
  });

  it('lints the rest of the pack as if the unknown fields were not there', () => {
    // The duplicate "nitwit" is only found if linting carried on past the typos.
    expect(ofKind(lint([typo]), 'duplicate-term')).toHaveLength(1);
  });

  it('any other schema problem makes the pack invalid, one finding per problem', () => {
    const findings = lint([pack([rule({ severity: 'extreme', examples: { match: [] } })])]);
    expect(ofKind(findings, 'invalid').map((f) => [f.ruleId, f.field])).toEqual([
      ['test.rule', 'severity'],
      ['test.rule', 'examples.match'],
    ]);
  });

  it('an unknown field next to an invalid value reports both', () => {
    const findings = lint([pack([rule({ sevrity: 'low', label: 'rude' })])]);
    expect(findings.map((f) => [f.kind, f.field])).toEqual([
      ['unknown-field', 'sevrity'],
      ['invalid', 'label'],
    ]);
  });
});

describe('duplicate terms', () => {
  it('within one rule, written the same or the same after normalisation', () => {
    const findings = ofKind(lint([pack([rule({ terms: ['nitwit', 'dolt', 'nitwit', 'DOLT'] })])]), 'duplicate-term');
    expect(findings.map((f) => [f.field, f.message])).toEqual([
      ['terms[2]', 'term "nitwit" is listed twice in this rule (also at terms[0])'],
      ['terms[3]', 'terms "dolt" and "DOLT" are the same after normalisation ("dolt") (also at terms[1])'],
    ]);
  });

  it('across rules of the same label, but not across labels', () => {
    const findings = lint([
      pack([rule({ id: 'a.one' }), rule({ id: 'a.two', terms: ['dolt', 'nitwit'] }), rule({ id: 'b.epithet', label: 'partisan_epithet', terms: ['nitwit'] })]),
    ]);
    expect(ofKind(findings, 'duplicate-term')).toEqual([
      { file: 'pack0.json', ruleId: 'a.two', field: 'terms[1]', kind: 'duplicate-term', message: 'term "nitwit" is also in rule a.one (terms[0]), of the same label insult' },
    ]);
  });

  it('across packs', () => {
    const findings = lint([pack([rule({ id: 'a.one' })]), pack([rule({ id: 'b.one' })])]);
    expect(ofKind(findings, 'duplicate-term')).toEqual([expect.objectContaining({ file: 'pack1.json', ruleId: 'b.one' })]);
  });
});

describe('terms are written in plain letters', () => {
  it.each([
    ['r3tard', 'normalises to "retard"'],
    ['f*ck', 'contains a mask character'],
    ['idi\u043et', 'normalises to "idiot"'], // Cyrillic о
    ['café-idiot', 'normalises to "cafe-idiot"'],
    ['i d i o t s', 'normalises to "idiots"'],
    ['idiooooot', 'normalises to "idiot"'],
  ])('%j is reported: %s', (term, why) => {
    const findings = ofKind(lint([pack([rule({ terms: [term] })])]), 'unnormalized-term');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'test.rule', field: 'terms[0]' });
    expect(findings[0]?.message).toContain(why);
  });

  it.each(['Drumpf', 'bottom feeder', 'low-life', "y'all", 'nitwit'])('%j is fine (case is folded, nothing else changes)', (term) => {
    expect(ofKind(lint([pack([rule({ terms: [term] })])]), 'unnormalized-term')).toEqual([]);
  });

  it('affix stems and suffixes too', () => {
    const findings = ofKind(lint([pack([{ ...formation, affixes: { stems: ['l1b'], suffixes: ['t@rd'] } }])]), 'unnormalized-term');
    expect(findings.map((f) => f.field)).toEqual(['affixes.stems[0]', 'affixes.suffixes[0]']);
  });
});

describe('the other checks still hold', () => {
  it('a term equal to an allow entry is shadowed', () => {
    const findings = lint([pack([rule({ terms: ['nitwit', 'dolt'], allow: ['dolt'] })], { allow: ['nitwit'] })]);
    expect(ofKind(findings, 'shadowed-term').map((f) => [f.ruleId, f.field])).toEqual([
      ['test.rule', 'terms[0]'],
      ['test.rule', 'terms[1]'],
    ]);
  });

  it('duplicate ids and unsafe patterns are reported, and the rest is still linted', () => {
    const findings = lint([pack([rule({ patterns: ['(a+)+b'] }), rule({ terms: ['nitwit', 'r3tard'] })], { allow: ['zzz'] })]);
    expect(findings.map((f) => f.kind).sort()).toEqual(['duplicate-id', 'duplicate-term', 'unnormalized-term', 'unsafe-pattern', 'useless-allow']);
  });

  it('a pattern that is not a regular expression is invalid, not a crash', () => {
    const findings = lint([pack([rule({ patterns: ['(unclosed'] })])]);
    expect(ofKind(findings, 'invalid')).toEqual([expect.objectContaining({ ruleId: 'test.rule', field: 'patterns' })]);
  });
});

describe('the shipped packs', () => {
  it('lint clean, with the profanity list the moderator uses', () => {
    const findings = lintRulePacks(BUNDLED_PACKS, { profanity: badWordsList() });
    expect(findings.map((f) => `${f.kind} ${f.file} ${f.ruleId ?? ''} ${f.field ?? ''}: ${f.message}`)).toEqual([]);
  });
});

describe('decorum rules lint (built CLI)', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: root, encoding: 'utf8' });

  it('exits 0 on the shipped packs', () => {
    const r = cli(['rules', 'lint']);
    expect(r.stdout).toMatch(/5 packs: 0 findings/);
    expect(r.status).toBe(0);
  });

  it('reports a custom pack with a misspelt field by file, rule and field, and exits 1 instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decorum-lint-'));
    mkdirSync(join(dir, 'packs'));
    const file = join(dir, 'packs', 'site.json');
    // A made-up word, so no shipped rule holds it too.
    writeFileSync(file, JSON.stringify(pack([rule({ id: 'site.zorbnik', termz: ['dolt'], terms: ['zorbnik', 'zorbnik'], examples: { match: ['you zorbnik'] } })], { pack: 'site' })));
    const r = cli(['rules', 'lint', '--rules', join(dir, 'packs')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`unknown-field     ${file} site.zorbnik termz: unknown field "termz" in rule "site.zorbnik"`);
    expect(r.stdout).toContain(`duplicate-term    ${file} site.zorbnik terms[1]: term "zorbnik" is listed twice in this rule`);
    const json = cli(['rules', 'lint', '--rules', file, '--json']);
    const findings = JSON.parse(json.stdout) as LintFinding[];
    expect(findings.filter((f) => f.file === file).map((f) => f.kind)).toEqual(['unknown-field', 'duplicate-term']);
  });
});
