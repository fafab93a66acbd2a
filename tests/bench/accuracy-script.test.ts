/**
 * The mapping behind bench/accuracy (external dataset labels → decorum labels), checked on
 * hand-made fake rows and fake verdicts — no dataset rows, no decorum build needed — so a
 * change to score.mjs cannot silently change what the accuracy report measures.
 */
import { describe, expect, it } from 'vitest';
import {
  HATECHECK_GROUPS,
  binaryPRF,
  davidsonExpectation,
  hatecheckExpectation,
  meets,
  olidExpectation,
  peerCorrect,
  peerExpected,
  perClassPRF,
  prf,
  scoreHatecheckRow,
  sharedFunctionalities,
} from '../../bench/accuracy/score.mjs';

const hc = (functionality: string, gold: 'hateful' | 'non-hateful', focus_lemma: string | null = null) => ({
  id: `fake:${functionality}`,
  text: 'placeholder',
  labels: { functionality, label_gold: gold, focus_lemma },
});
const verdict = (labels: string[], action = labels.length > 0 ? 'reject' : 'allow', matches: Array<{ label: string; mentioned?: boolean }> = []) => ({
  labels,
  action,
  matches,
});

describe('HateCheck mapping', () => {
  it('an obfuscated slur (spell_*_h with focus [SLUR_S]) needs the slur label', () => {
    const row = hc('spell_leet_h', 'hateful', '[SLUR_S]');
    expect(hatecheckExpectation(row).mapped).toBe('slur');
    expect(scoreHatecheckRow(row, verdict(['slur'])).correct).toBe(true);
    expect(scoreHatecheckRow(row, verdict(['insult'])).correct).toBe(false);
    expect(scoreHatecheckRow(row, verdict([])).correct).toBe(false);
    // Against HateCheck's own gold an insult label still counts as flagged.
    expect(scoreHatecheckRow(row, verdict(['insult'])).correctGold).toBe(true);
  });

  it('slur_h needs slur; other spell_*_h rows need slur or insult', () => {
    expect(scoreHatecheckRow(hc('slur_h', 'hateful', 'whatever'), verdict(['insult'])).correct).toBe(false);
    const leet = hc('spell_leet_h', 'hateful', 'stupid');
    expect(hatecheckExpectation(leet).mapped).toBe('flagged');
    expect(scoreHatecheckRow(leet, verdict(['insult'])).correct).toBe(true);
    expect(scoreHatecheckRow(leet, verdict(['slur'])).correct).toBe(true);
    expect(scoreHatecheckRow(leet, verdict(['partisan_epithet'])).correct).toBe(false);
    expect(scoreHatecheckRow(leet, verdict(['off_topic'])).correct).toBe(false);
  });

  it('derog, ref_subs, negate_pos, phrase and profanity_h are flagged by slur or insult', () => {
    for (const f of ['derog_neg_emote_h', 'derog_impl_h', 'ref_subs_clause_h', 'negate_pos_h', 'phrase_question_h', 'profanity_h']) {
      const exp = hatecheckExpectation(hc(f, 'hateful'));
      expect(exp, f).toMatchObject({ section: 'shared', mapped: 'flagged' });
      expect(meets(exp, ['insult']), f).toBe(true);
      expect(meets(exp, []), f).toBe(false);
    }
  });

  it('non-hateful functionalities are correct without slur/insult; a review for a mentioned slur is fine', () => {
    const row = hc('counter_quote_nh', 'non-hateful');
    const mentioned = scoreHatecheckRow(row, verdict([], 'review', [{ label: 'slur', mentioned: true }]));
    expect(mentioned).toMatchObject({ correct: true, action: 'review', mentionedSlur: true });
    expect(scoreHatecheckRow(row, verdict(['slur'])).correct).toBe(false);
    expect(scoreHatecheckRow(row, verdict(['insult'])).correct).toBe(false);
    // Labels outside slur/insult do not make a HateCheck case "flagged".
    expect(scoreHatecheckRow(hc('ident_pos_nh', 'non-hateful'), verdict(['off_topic'], 'review')).correct).toBe(true);
  });

  it('target_indiv_nh / target_group_nh are insult in our scheme, threats and reclaimed slurs are apart', () => {
    const indiv = hc('target_indiv_nh', 'non-hateful');
    expect(hatecheckExpectation(indiv)).toMatchObject({ section: 'ours_insult', mapped: 'insult' });
    expect(scoreHatecheckRow(indiv, verdict(['insult']))).toMatchObject({ correct: true, correctGold: false });
    expect(scoreHatecheckRow(indiv, verdict([]))).toMatchObject({ correct: false, correctGold: true });
    expect(hatecheckExpectation(hc('threat_dir_h', 'hateful')).section).toBe('threat');
    expect(hatecheckExpectation(hc('slur_reclaimed_nh', 'non-hateful'))).toMatchObject({ section: 'reclaimed', mapped: 'none' });
  });

  it('the shared set leaves out exactly threats, reclaimed slurs and target_indiv/group', () => {
    const all = ['slur_h', 'threat_dir_h', 'threat_norm_h', 'slur_reclaimed_nh', 'target_indiv_nh', 'target_group_nh', 'target_obj_nh', 'counter_ref_nh'];
    expect(sharedFunctionalities(all)).toEqual(['counter_ref_nh', 'slur_h', 'target_obj_nh']);
  });

  it('an unknown functionality is an error, not a silent default', () => {
    expect(() => hatecheckExpectation(hc('brand_new_h', 'hateful'))).toThrow(/not in the README mapping/);
  });

  it('summary groups select the right rows', () => {
    const group = (name: string) => HATECHECK_GROUPS.find((g) => g.name === name)!;
    expect(group('obfuscated slurs').test(hc('spell_space_add_h', 'hateful', '[SLUR_S]'))).toBe(true);
    expect(group('obfuscated slurs').test(hc('spell_space_add_h', 'hateful', 'hate'))).toBe(false);
    expect(group('obfuscated slurs').test(hc('slur_h', 'hateful'))).toBe(true);
    expect(group('counter-speech').test(hc('counter_ref_nh', 'non-hateful'))).toBe(true);
    expect(group('identity neutral/positive').test(hc('ident_neutral_nh', 'non-hateful'))).toBe(true);
    expect(group('homonyms').goal).toBe(0.95);
  });
});

describe('OLID and Davidson mapping', () => {
  const olid = (a: string, b: string | null, c: string | null) => ({ id: 'fake', labels: { subtask_a: a, subtask_b: b, subtask_c: c } });

  it('OLID: NOT and OFF/UNT are none, OFF/TIN/* is flagged by insult, partisan or slur', () => {
    expect(meets(olidExpectation(olid('NOT', null, null)), [])).toBe(true);
    expect(meets(olidExpectation(olid('OFF', 'UNT', null)), ['insult'])).toBe(false);
    expect(meets(olidExpectation(olid('OFF', 'UNT', null)), ['off_topic'])).toBe(true);
    for (const c of ['IND', 'OTH', 'GRP']) {
      const exp = olidExpectation(olid('OFF', 'TIN', c));
      expect(exp.cls).toBe(`OFF/TIN/${c}`);
      expect(meets(exp, ['partisan_epithet'])).toBe(true);
      expect(meets(exp, [])).toBe(false);
    }
    expect(olidExpectation(olid('OFF', 'TIN', 'IND')).strict).toEqual(['insult']);
  });

  it('Davidson: neither → none, offensive → insult, hate → slur or insult', () => {
    const dv = (class_name: string) => ({ id: 'fake', labels: { class_name } });
    expect(meets(davidsonExpectation(dv('neither')), ['slur'])).toBe(false);
    expect(meets(davidsonExpectation(dv('offensive_language')), ['insult'])).toBe(true);
    expect(meets(davidsonExpectation(dv('offensive_language')), ['slur'])).toBe(false);
    expect(meets(davidsonExpectation(dv('hate_speech')), ['slur'])).toBe(true);
    expect(() => davidsonExpectation(dv('spam'))).toThrow();
  });
});

describe('peer comparison', () => {
  it('proposed_ours null (bare expletive) counts as clean', () => {
    expect(peerExpected({ proposed_ours: null })).toBe('clean');
    expect(peerExpected({ proposed_ours: 'insult' })).toBe('insult');
  });

  it('a flag agrees with a label, no flag with clean; decorum specific mode needs the label', () => {
    expect(peerCorrect('clean', false)).toBe(true);
    expect(peerCorrect('clean', true)).toBe(false);
    expect(peerCorrect('insult', true)).toBe(true);
    expect(peerCorrect('insult', ['slur'], 'any')).toBe(true);
    expect(peerCorrect('insult', ['slur'], 'specific')).toBe(false);
    expect(peerCorrect('clean', ['off_topic'])).toBe(true);
  });
});

describe('metrics', () => {
  it('prf and binaryPRF', () => {
    expect(prf(3, 1, 2)).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(prf(3, 1, 2).f1).toBeCloseTo(2 / 3);
    expect(prf(0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
    const b = binaryPRF([
      { positive: true, flagged: true },
      { positive: true, flagged: false },
      { positive: false, flagged: true },
      { positive: false, flagged: false },
    ]);
    expect(b).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 1, accuracy: 0.5, fpr: 0.5 });
  });

  it('perClassPRF scores each mapped class one-vs-rest', () => {
    const none = { accept: [], considered: ['slur', 'insult', 'partisan_epithet'] };
    const insult = { accept: ['insult'], considered: ['slur', 'insult', 'partisan_epithet'] };
    const items = [
      { cls: 'neither', labels: [] },
      { cls: 'neither', labels: ['insult'] },
      { cls: 'offensive', labels: ['insult'] },
      { cls: 'offensive', labels: [] },
    ];
    const [n, o] = perClassPRF(items, [
      { name: 'none', members: ['neither'], expectation: none },
      { name: 'insult', members: ['offensive'], expectation: insult },
    ]);
    expect(n).toMatchObject({ n: 2, tp: 1, fp: 1, fn: 1 });
    expect(o).toMatchObject({ n: 2, tp: 1, fp: 1, fn: 1 });
  });
});
