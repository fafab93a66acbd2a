/**
 * Scoring for bench/accuracy: how each external dataset's labels map to decorum's labels
 * (per /work/shared/datasets/README.md, "Mapping to decorum's labels") and how a verdict is
 * judged against that mapping. Pure functions only — no file or dataset access, no decorum
 * import — so tests/bench/accuracy-script.test.ts can check the mapping on hand-made rows.
 *
 * An expectation is { accept, considered }:
 *   - accept non-empty: correct when the verdict carries at least one label in `accept`;
 *   - accept empty ("none"): correct when the verdict carries no label in `considered`.
 * `off_topic` is never considered: every set here is scored without an article.
 */

/** The labels that make a HateCheck case "flagged" (hate ~ slur or group-directed insult). */
export const HARM_LABELS = Object.freeze(['slur', 'insult']);
/** The labels that make a comment "flagged" for OLID, Davidson and the peer comparisons. */
export const ABUSE_LABELS = Object.freeze(['slur', 'insult', 'partisan_epithet']);

// ---------------------------------------------------------------------------------------
// HateCheck

/** Non-hateful functionalities that get no label in our scheme (README mapping). */
const HATECHECK_NONE = new Set([
  'slur_homonym_nh',
  'profanity_nh',
  'negate_neg_nh',
  'ident_neutral_nh',
  'ident_pos_nh',
  'counter_quote_nh',
  'counter_ref_nh',
  'target_obj_nh',
]);

/** Functionalities whose HateCheck gold decorum's taxonomy does not share; reported apart. */
export const HATECHECK_APART = Object.freeze({
  threat_dir_h: 'threat (decorum has no threat label yet)',
  threat_norm_h: 'threat (decorum has no threat label yet)',
  slur_reclaimed_nh: 'reclaimed slur (contested for any word-list filter)',
  target_indiv_nh: 'ours: insult (HateCheck: non-hateful)',
  target_group_nh: 'ours: insult (HateCheck: non-hateful)',
});

export const SLUR_FOCUS = '[SLUR_S]';

/**
 * The expectation for one HateCheck row: { functionality, section, mapped, accept, considered }.
 * section: 'shared' (in the overall comparison), 'threat', 'reclaimed', 'ours_insult'.
 * mapped: 'slur' | 'flagged' | 'none' | 'insult' — a short name for the report.
 * Throws on a functionality the README does not map, so a new one cannot slip through.
 */
export function hatecheckExpectation(row) {
  const labels = row?.labels ?? {};
  const f = labels.functionality;
  if (typeof f !== 'string') throw new Error(`hatecheck row ${row?.id}: no labels.functionality`);
  const none = { accept: [], considered: [...HARM_LABELS] };
  if (f === 'slur_h' || (/^spell_.+_h$/.test(f) && labels.focus_lemma === SLUR_FOCUS)) {
    return { functionality: f, section: 'shared', mapped: 'slur', accept: ['slur'], considered: [...HARM_LABELS] };
  }
  if (/^(derog_.+|ref_subs_.+|negate_pos|phrase_.+|profanity|spell_.+)_h$/.test(f)) {
    return { functionality: f, section: 'shared', mapped: 'flagged', accept: [...HARM_LABELS], considered: [...HARM_LABELS] };
  }
  if (/^threat_.+_h$/.test(f)) {
    return { functionality: f, section: 'threat', mapped: 'flagged', accept: [...HARM_LABELS], considered: [...HARM_LABELS] };
  }
  if (f === 'target_indiv_nh' || f === 'target_group_nh') {
    return { functionality: f, section: 'ours_insult', mapped: 'insult', accept: ['insult'], considered: [...HARM_LABELS] };
  }
  if (f === 'slur_reclaimed_nh') return { functionality: f, section: 'reclaimed', mapped: 'none', ...none };
  if (HATECHECK_NONE.has(f)) return { functionality: f, section: 'shared', mapped: 'none', ...none };
  throw new Error(`hatecheck row ${row?.id}: functionality "${f}" is not in the README mapping`);
}

/** True when `labels` meets the expectation (see the header comment). */
export function meets(expectation, labels) {
  const have = new Set(labels);
  if (expectation.accept.length > 0) return expectation.accept.some((l) => have.has(l));
  return !expectation.considered.some((l) => have.has(l));
}

/** Whether the verdict flags the text under HateCheck's binary view (any of slur/insult). */
export const harmFlagged = (labels) => labels.some((l) => HARM_LABELS.includes(l));
/** Whether the verdict flags the text as abuse (any of slur/insult/partisan_epithet). */
export const abuseFlagged = (labels) => labels.some((l) => ABUSE_LABELS.includes(l));

/**
 * Scores one HateCheck row against a decorum verdict ({ labels, action, matches }).
 * correct: under OUR mapping; correctGold: against HateCheck's own gold (flagged = slur or
 * insult for hateful, none of them for non-hateful) — the view the reference systems are
 * scored in, shown beside "ours" for target_*_nh and slur_reclaimed_nh.
 */
export function scoreHatecheckRow(row, verdict) {
  const exp = hatecheckExpectation(row);
  const flagged = harmFlagged(verdict.labels);
  const hateful = row.labels.label_gold === 'hateful';
  return {
    id: row.id,
    functionality: exp.functionality,
    section: exp.section,
    mapped: exp.mapped,
    correct: meets(exp, verdict.labels),
    correctGold: hateful ? flagged : !flagged,
    flagged,
    labels: [...verdict.labels],
    action: verdict.action,
    mentionedSlur: (verdict.matches ?? []).some((m) => m.label === 'slur' && m.mentioned),
  };
}

/** Reference systems' prediction correct against HateCheck gold. */
export const referenceCorrect = (prediction, gold) => prediction === gold;

/** The functionalities in the overall comparison: every one seen, minus HATECHECK_APART. */
export function sharedFunctionalities(functionalities) {
  return [...new Set(functionalities)].filter((f) => !(f in HATECHECK_APART)).sort();
}

/** Summary groups with their goals (fraction correct under our mapping). */
export const HATECHECK_GROUPS = Object.freeze([
  {
    name: 'obfuscated slurs',
    describe: `slur_h + spell_*_h with focus_lemma ${SLUR_FOCUS} (need \`slur\`)`,
    test: (row) => hatecheckExpectation(row).mapped === 'slur',
    goal: 0.95,
  },
  { name: 'homonyms', describe: 'slur_homonym_nh (no slur/insult)', test: (row) => row.labels.functionality === 'slur_homonym_nh', goal: 0.95 },
  {
    name: 'counter-speech',
    describe: 'counter_quote_nh + counter_ref_nh (no slur/insult; review for a mentioned slur is fine)',
    test: (row) => row.labels.functionality === 'counter_quote_nh' || row.labels.functionality === 'counter_ref_nh',
    goal: 0.8,
  },
  {
    name: 'identity neutral/positive',
    describe: 'ident_neutral_nh + ident_pos_nh (no slur/insult)',
    test: (row) => row.labels.functionality === 'ident_neutral_nh' || row.labels.functionality === 'ident_pos_nh',
    goal: 0.9,
  },
]);

// ---------------------------------------------------------------------------------------
// OLID and Davidson

/** OLID row → { cls, mapped, accept, considered }. */
export function olidExpectation(row) {
  const { subtask_a: a, subtask_b: b, subtask_c: c } = row?.labels ?? {};
  const none = { accept: [], considered: [...ABUSE_LABELS] };
  if (a === 'NOT') return { cls: 'NOT', mapped: 'none', ...none };
  if (a === 'OFF' && b === 'UNT') return { cls: 'OFF/UNT', mapped: 'none', ...none };
  if (a === 'OFF' && b === 'TIN' && (c === 'IND' || c === 'OTH' || c === 'GRP')) {
    // README: IND/OTH → insult, GRP → insult, partisan_epithet or slur; the task scores all
    // of OFF/TIN/* as "flagged" (any of the three), and the report adds the insult-only view.
    return { cls: `OFF/TIN/${c}`, mapped: 'flagged', accept: [...ABUSE_LABELS], considered: [...ABUSE_LABELS], strict: c === 'GRP' ? [...ABUSE_LABELS] : ['insult'] };
  }
  throw new Error(`olid row ${row?.id}: unexpected labels ${JSON.stringify(row?.labels)}`);
}

/** Davidson row → { cls, mapped, accept, considered }. */
export function davidsonExpectation(row) {
  const cls = row?.labels?.class_name;
  if (cls === 'neither') return { cls, mapped: 'none', accept: [], considered: [...ABUSE_LABELS] };
  if (cls === 'offensive_language') return { cls, mapped: 'insult', accept: ['insult'], considered: [...ABUSE_LABELS] };
  if (cls === 'hate_speech') return { cls, mapped: 'slur or insult', accept: ['slur', 'insult'], considered: [...ABUSE_LABELS] };
  throw new Error(`davidson row ${row?.id}: unexpected class ${JSON.stringify(cls)}`);
}

// ---------------------------------------------------------------------------------------
// Peers

/** peer_test_cases' proposed label; null ("bare expletive, clean unless directed") → clean. */
export function peerExpected(row) {
  const p = row?.proposed_ours;
  if (p === null || p === undefined) return 'clean';
  if (p === 'clean' || ABUSE_LABELS.includes(p) || p === 'off_topic') return p;
  throw new Error(`peer case ${row?.id}: unexpected proposed_ours ${JSON.stringify(p)}`);
}

/**
 * Whether a library's answer agrees with the expected label ('clean' or a label).
 * For a yes/no peer, `flagged` is its boolean. For decorum pass its labels; mode 'any'
 * counts any of slur/insult/partisan_epithet as flagged, mode 'specific' needs the expected
 * label itself (and for 'clean', none of the three).
 */
export function peerCorrect(expected, answer, mode = 'any') {
  const isLabels = Array.isArray(answer);
  const flagged = isLabels ? abuseFlagged(answer) : Boolean(answer);
  if (expected === 'clean') return !flagged;
  if (isLabels && mode === 'specific') return answer.includes(expected);
  return flagged;
}

// ---------------------------------------------------------------------------------------
// Metrics

export const ratio = (num, den) => (den === 0 ? null : num / den);

/** precision / recall / F1 from counts; null where undefined (no predictions / no positives). */
export function prf(tp, fp, fn) {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * tp, 2 * tp + fp + fn);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Per-mapped-class precision/recall/F1 for a dataset scored one-vs-rest: for class c,
 * positives are rows whose gold class is c and a prediction "for c" is a verdict that meets
 * c's expectation. items: [{ cls, expectation, labels }]; classes: [{ name, members, expectation }]
 * where members are the gold classes folded into this mapped class.
 */
export function perClassPRF(items, classes) {
  return classes.map(({ name, members, expectation }) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const it of items) {
      const gold = members.includes(it.cls);
      const pred = meets(expectation, it.labels);
      if (gold && pred) tp++;
      else if (!gold && pred) fp++;
      else if (gold && !pred) fn++;
    }
    return { class: name, members, n: items.filter((it) => members.includes(it.cls)).length, ...prf(tp, fp, fn) };
  });
}

/** Binary flagged-vs-none metrics: items [{ positive: bool, flagged: bool }]. */
export function binaryPRF(items) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { positive, flagged } of items) {
    if (positive && flagged) tp++;
    else if (!positive && flagged) fp++;
    else if (positive && !flagged) fn++;
    else tn++;
  }
  return { ...prf(tp, fp, fn), tn, accuracy: ratio(tp + tn, items.length), fpr: ratio(fp, fp + tn) };
}

/** "83.4" from 0.8341; "–" for null. */
export const pct = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : (100 * x).toFixed(digits));

