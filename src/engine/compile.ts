import { shippedPackParsed } from '../bundled/rules.js';
import { SHIPPED_PATTERN_READS } from '../bundled/shippedPatternReads.js';
import { DecorumError } from '../errors.js';
import { normalize } from '../normalize/normalize.js';
import { knownKeys, locate, suggestion } from '../schemas/packFields.js';
import { closest } from '../text/closest.js';
import { rulePackSchemas, type Boundary, type RulePack } from '../schemas/rulePack.js';
import { Automaton } from './automaton.js';
import { compileFuzzy } from './fuzzy.js';
import { compileRespell } from './respell.js';
import { wordMemo } from './wordScan.js';
import { maskKey, type AffixStem, type CompiledPattern, type CompiledRule, type CompiledRules, type Entry } from './compiled.js';
import { compileGate, readPattern, type GateInfo } from './prefilter.js';
import { compilePattern, requiredLiteral } from './safePattern.js';
import { wordFilter } from './wordFilter.js';

/** A pack and where it came from, so errors can name the file. */
export interface SourcedPack {
  pack: unknown;
  file: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * The packs of an options list (createModerator's or trainModel's `rules`), each as it came:
 * a `{ pack, file }` pair from `decorum/node`'s loader, or a pack object named by its place
 * in the list (`options.rules[2]`), which is what an error about it then names.
 */
export function sourcedPacks(list: readonly unknown[], where: string): SourcedPack[] {
  return list.map((p, i) => (isObject(p) && typeof p.file === 'string' && isObject(p.pack) ? { pack: p.pack, file: p.file } : { pack: p, file: `${where}[${i}]` }));
}

/**
 * The rule ids packs not yet validated name, read from whatever was given: a pack that is not
 * an object (null, a string) names none, and compiling it throws RULE_PACK naming its file.
 */
export function ruleIdsOf(packs: readonly SourcedPack[]): Set<string> {
  const ids = new Set<string>();
  for (const { pack } of packs) {
    const rules = isObject(pack) ? pack.rules : undefined;
    if (Array.isArray(rules)) for (const r of rules as unknown[]) if (isObject(r) && typeof r.id === 'string') ids.add(r.id);
  }
  return ids;
}

/** Terms and phrases go through the same normalisation as comments, so both sides agree. */
export function normalizeTerm(term: string): string {
  return normalize(term).text.trim();
}

/**
 * Validates a pack with zod. An invalid pack fails with an error naming the file, the rule id
 * and the field, because the person fixing it is editing JSON by hand.
 */
export function parsePack(pack: unknown, file: string): RulePack {
  // The shipped packs were validated by the test suite (see shippedPackParsed).
  const shipped = shippedPackParsed(pack);
  if (shipped !== undefined) return shipped;
  const parsed = rulePackSchemas().RulePackSchema.safeParse(pack);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const { ruleId, field: at } = locate(pack, issue.path);
  const owner = ruleId !== undefined ? `rule "${ruleId}"` : 'the pack';
  if (issue.code === 'unrecognized_keys') {
    // A typo (`termz`): named with the closest field, as `decorum rules lint` names it.
    const key = issue.keys[0]!;
    const field = at === '' ? key : `${at}.${key}`;
    throw new DecorumError('RULE_PACK', `${file}: ${owner}: unknown field "${field}"${suggestion(key, knownKeys(issue.path))}`, { file, ...(ruleId !== undefined ? { ruleId } : {}), field });
  }
  const field = at || '(root)';
  const where = ruleId !== undefined ? `rule "${ruleId}", field "${field}"` : `field "${field}"`;
  throw new DecorumError('RULE_PACK', `${file}: ${where}: ${issue.message}`, { file, ...(ruleId !== undefined ? { ruleId } : {}), field });
}

class Builder {
  /**
   * normalizeTerm per distinct raw string, for this compile only: the same allow phrases, stems
   * and near words recur across rules, and bad-words' list is read twice (once to skip terms the
   * packs hold, once to add the rest); about a quarter of the calls repeat one before, and the
   * leet spellings among them take normalize()'s slow path.
   */
  private readonly normalized = new Map<string, string>();
  readonly rules: CompiledRule[] = [];
  readonly entries: Entry[] = [];
  private readonly allowIndex = new Map<string, number>();
  private readonly termIndex = new Map<string, number>();
  readonly globalAllow: number[] = [];
  readonly ruleAllow = new Map<number, number[]>();
  readonly stems = new Map<string, AffixStem[]>();
  readonly patterns: CompiledPattern[] = [];
  /** Per pattern, sets of strings its every match holds one of from each, and its reach (undefined: none known). */
  readonly gates: Array<GateInfo | undefined> = [];
  readonly targets = new Set<string>();
  readonly names = new Set<string>();
  readonly ids = new Map<string, string>();

  norm(raw: string): string {
    let norm = this.normalized.get(raw);
    if (norm === undefined) {
      norm = normalizeTerm(raw);
      this.normalized.set(raw, norm);
    }
    return norm;
  }

  allow(phrase: string): number {
    const norm = this.norm(phrase);
    let index = this.allowIndex.get(norm);
    if (index === undefined) {
      index = this.entries.length;
      this.entries.push({ kind: 'allow', phrase: norm });
      this.allowIndex.set(norm, index);
    }
    return index;
  }

  term(rule: number, raw: string, boundary: Boundary, allow: readonly string[], near: readonly string[] = []): void {
    const term = this.norm(raw);
    if (term.length === 0) return;
    // The same term in two rules is kept once per rule; within a rule, once.
    const key = `${rule}\u0000${term}`;
    if (this.termIndex.has(key)) return;
    this.termIndex.set(key, this.entries.length);
    this.entries.push({ kind: 'term', rule, term, boundary, allow: allow.map((a) => this.allow(a)), ...(near.length > 0 ? { near: this.nearWords(near) } : {}) });
  }

  addPack(pack: RulePack, file: string, disabled: ReadonlySet<string>, vetted: ReadonlySet<string>): void {
    for (const phrase of pack.allow) this.globalAllow.push(this.allow(phrase));
    for (const t of pack.targets) this.targets.add(this.norm(t));
    for (const n of pack.names) this.names.add(this.norm(n));
    for (const rule of pack.rules) {
      if (disabled.has(rule.id)) continue;
      const seen = this.ids.get(rule.id);
      if (seen !== undefined) {
        // A custom rule with a shipped rule's id replaces it before packs get here (assemblePacks):
        // two rules of one id here are two of the caller's, or a pack's own repeat.
        const fix = seen === file ? 'rule ids must be unique within a pack: rename one' : 'rule ids must be unique across your packs: rename or remove one';
        throw new DecorumError('RULE_PACK', `${file}: rule "${rule.id}" is defined twice (also in ${seen}); ${fix}`, {
          file,
          ruleId: rule.id,
          field: 'id',
        });
      }
      this.ids.set(rule.id, file);
      const index = this.rules.length;
      this.rules.push({
        id: rule.id,
        label: rule.label,
        severity: rule.severity,
        description: rule.description,
        pack: pack.pack,
        requiresTarget: rule.requires === 'target',
        ...(rule.requires === 'unrelated-article' ? { requiresUnrelated: true } : {}),
        ...(rule.articleTerms ? { articleTerms: rule.articleTerms.map((t) => this.norm(t)) } : {}),
        glued: rule.label === 'slur' && rule.glued,
        ...(rule.allowNear ? { near: this.nearWords(rule.allowNear) } : {}),
        ...(rule.polarity === 'negated' ? { negatedOnly: true } : {}),
      });
      if (rule.allow) this.ruleAllow.set(index, rule.allow.map((a) => this.allow(a)));
      for (const t of rule.terms ?? []) {
        if (typeof t === 'string') this.term(index, t, rule.boundary, []);
        else this.term(index, t.term, t.boundary ?? rule.boundary, t.allow ?? [], t.allowNear ?? []);
      }
      if (rule.affixes) {
        const suffixes = new Set(rule.affixes.suffixes.map((s) => this.affixForm(s)));
        const allow = new Set((rule.affixes.allow ?? []).map((s) => this.affixForm(s)));
        for (const stem of rule.affixes.stems) {
          const key = this.affixForm(stem);
          const list = this.stems.get(key) ?? [];
          list.push({ rule: index, suffixes, allow });
          this.stems.set(key, list);
        }
      }
      for (const source of rule.patterns ?? []) {
        const regex = compilePattern(source, { file, ruleId: rule.id }, vetted.has(source));
        const { gate, maxText } = SHIPPED_PATTERN_READS?.get(source) ?? readPattern(source);
        const literal = gate === undefined ? requiredLiteral(source) : undefined;
        this.gates.push(gate);
        this.patterns.push({
          rule: index,
          regex,
          gated: gate !== undefined,
          ...(literal !== undefined ? { literal } : {}),
          ...(maxText < Infinity ? { maxText } : {}),
        });
      }
    }
  }

  nearWords(list: readonly string[]): ReadonlySet<string> {
    return new Set(list.map((w) => nearForm(this.norm(w))));
  }

  affixForm(s: string): string {
    return affixLetters(this.norm(s));
  }
}

/**
 * The form `allowNear` words are compared in, on both sides (pack and comment): a trailing "s"
 * dropped, so singular and plural alike match ("dog" covers "dogs").
 */
export function nearForm(word: string): string {
  return word.replace(/s$/, '');
}

/** Word → the stems forming it with one of their suffixes, ordered by stem length, then list order. */
function affixWords(stems: ReadonlyMap<string, readonly AffixStem[]>): Map<string, AffixStem[]> {
  const forms = new Map<string, Array<{ cut: number; order: number; stem: AffixStem }>>();
  for (const [key, list] of stems) {
    if (key.length === 0) continue;
    list.forEach((stem, order) => {
      for (const suffix of stem.suffixes) {
        const word = key + suffix;
        const found = forms.get(word);
        if (found) found.push({ cut: key.length, order, stem });
        else forms.set(word, [{ cut: key.length, order, stem }]);
      }
    });
  }
  const out = new Map<string, AffixStem[]>();
  for (const [word, list] of forms) out.set(word, list.sort((x, y) => x.cut - y.cut || x.order - y.order).map((f) => f.stem));
  return out;
}

/**
 * The runs of letters a–z of `s`, in order: `s.split(/[^a-z]+/).filter(Boolean)` without a
 * regex split per entry, which was ~9 % of createModerator's CPU (cold start) over ~2,500 entries.
 */
export function letterRuns(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < n; i++) {
      const d = s.charCodeAt(i);
      if (d < 97 || d > 122) break;
    }
    out.push(s.slice(start, i));
  }
  return out;
}

/** Affixes are compared on letters only, so "lib-tards" and "libtards" form the same word. */
export function affixForm(s: string): string {
  return affixLetters(normalizeTerm(s));
}

function affixLetters(normalized: string): string {
  return normalized.replace(/[-'\s]/g, '');
}

export interface CompileOptions {
  /** Rule ids to leave out. */
  disable?: readonly string[];
  /** Extra single-word terms treated as profanity evidence (bad-words' list). */
  profanity?: readonly string[];
  /**
   * Pattern sources whose backtracking was already checked (the shipped packs': the test suite
   * holds every one to patternProblem). Their full backtracking analysis is skipped at load,
   * where it would cost every moderator ~25 ms of cold start; the lexical checks still run.
   */
  vetted?: ReadonlySet<string>;
}

/** The rule bad-words' list compiles to (switched off with `profanity: false`, or by disabling it). */
const PROFANITY_RULE = 'profanity.bad-words';

/** Compiles validated packs into one immutable matcher. Called once per moderator. */
export function compileRules(packs: readonly SourcedPack[], options: CompileOptions = {}): CompiledRules {
  const b = new Builder();
  const disabled = new Set(options.disable ?? []);
  const vetted = options.vetted ?? new Set<string>();
  const parsed = packs.map(({ pack, file }) => ({ pack: parsePack(pack, file), file }));
  // A disabled id that no rule has is a typo or a rule since renamed: said, not ignored.
  const ids = new Set(parsed.flatMap(({ pack }) => pack.rules.map((r) => r.id)));
  if (options.profanity && options.profanity.length > 0) ids.add(PROFANITY_RULE);
  for (const id of disabled) {
    if (!ids.has(id)) {
      const near = closest(id, ids);
      throw new DecorumError('INVALID_OPTION', `disable: no rule "${id}" in the rule packs${near !== undefined ? `; did you mean "${near}"?` : ''}`, { option: 'disable' });
    }
  }
  for (const { pack, file } of parsed) b.addPack(pack, file, disabled, vetted);

  if (options.profanity && options.profanity.length > 0 && !disabled.has(PROFANITY_RULE)) {
    // Profanity is evidence, not a label: a term our own packs already hold stays with them.
    const known = new Set<string>();
    for (const e of b.entries) if (e.kind === 'term') known.add(e.term);
    const rule = b.rules.length;
    b.rules.push({
      id: PROFANITY_RULE,
      label: 'profanity',
      severity: 'low',
      description: "bad-words' word list: profanity, an insult only when aimed at someone",
      pack: 'bad-words',
      requiresTarget: true,
      glued: false,
    });
    for (const word of options.profanity) {
      const term = b.norm(word);
      if (term.length >= 3 && !known.has(term) && !term.includes(' ')) b.term(rule, word, 'word', []);
    }
  }

  const maskable = new Map<number, number[]>();
  b.entries.forEach((e, i) => {
    if (e.kind !== 'term' || /[^a-z]/.test(e.term)) return;
    const key = maskKey(e.term.length, e.term.charCodeAt(0));
    const list = maskable.get(key) ?? [];
    list.push(i);
    maskable.set(key, list);
  });
  let maxStem = 0;
  let maxSuffix = 0;
  for (const [stem, list] of b.stems) {
    maxStem = Math.max(maxStem, stem.length);
    for (const s of list) for (const suffix of s.suffixes) maxSuffix = Math.max(maxSuffix, suffix.length);
  }

  // Words the insult rules are made of, and every word the packs know (never respelled; the words
  // the affixes form join them below).
  const known = new Set<string>([...b.targets, ...b.names]);
  const insultWords = new Set<string>([...b.targets].filter((t) => t.length >= 5));
  b.entries.forEach((e) => {
    const ws = letterRuns(e.kind === 'term' ? e.term : e.phrase);
    for (const w of ws) known.add(w);
    // Single-word terms, and the words of four letters or more of phrases ("disgusted" in
    // "disgusted by", "sick" in "make me sick": a slip there, "make me sikc", hid the phrase).
    if (e.kind === 'term' && b.rules[e.rule]!.label === 'insult') for (const w of ws) if (ws.length === 1 || w.length >= 4) insultWords.add(w);
  });
  for (const p of b.patterns) {
    if (b.rules[p.rule]!.label !== 'insult') continue;
    for (const w of p.regex.source.replace(/\\[a-z]/g, ' ').split(/[^a-z]+/)) if (w.length >= 4) insultWords.add(w);
  }

  const forms = affixWords(b.stems);
  // A word a rule forms is meant as written: "demorats" is the epithet, not "democrats" misspelled
  // (a target one letter away, which the respelling would otherwise read it as).
  for (const w of forms.keys()) known.add(w);
  const gate = compileGate(b.gates);
  const subjectRuleNumbers = new Set(b.rules.flatMap((r, i) => (r.requiresUnrelated === true ? [i] : [])));
  const automata = subjectAutomata(b.entries, gate.strings, subjectRuleNumbers);
  return {
    rules: b.rules,
    entries: b.entries,
    automaton: automata(subjectRuleNumbers),
    automatonFor: automata,
    globalAllow: b.globalAllow,
    ruleAllow: b.ruleAllow,
    stems: b.stems,
    affixWords: forms,
    affixFilter: wordFilter(forms.keys()),
    maxStem,
    maxSuffix,
    patterns: b.patterns,
    patternGate: gate,
    maskable,
    targets: b.targets,
    subjectRules: new Set(b.rules.filter((r) => r.requiresUnrelated === true).map((r) => r.id)),
    subjectRuleNumbers,
    names: b.names,
    fuzzy: compileFuzzy(b.entries, b.rules, b.targets),
    respell: compileRespell(insultWords, known),
    known,
    wordMemo: wordMemo(),
  };
}

/**
 * How many automata one rule set keeps beyond the two every moderator may use (no subject terms,
 * all of them). Each set of subject rules an article is on asks for its own, and a site's own
 * packs may hold many subject rules: past this many sets, a comment is searched for every subject
 * term and findMatches drops the skipped rules' hits (the same matches, a little more work).
 */
export const SUBJECT_AUTOMATA = 8;

/**
 * CompiledRules.automatonFor: one automaton per set of subject rules searched for, each over
 * every entry (an entry left out keeps its number, so hits read the same entries) and the gate's
 * strings. A set given again (an article's, or the one of every subject rule) is found by identity.
 */
function subjectAutomata(entries: readonly Entry[], gateStrings: readonly string[], subjects: ReadonlySet<number>): (skip: ReadonlySet<number> | undefined) => Automaton {
  const byKey = new Map<string, Automaton>();
  const bySet = new WeakMap<ReadonlySet<number>, Automaton>();
  const build = (skip: ReadonlySet<number> | undefined): Automaton => {
    const key = [...subjects].filter((r) => skip === undefined || !skip.has(r)).join(',');
    let automaton = byKey.get(key);
    if (automaton === undefined) {
      // The two every moderator may use, and SUBJECT_AUTOMATA more; then the one with every term.
      if (skip !== undefined && key !== '' && byKey.size >= SUBJECT_AUTOMATA + 2) return (all ??= build(undefined));
      const strings = entries.map((e) => (e.kind === 'allow' ? e.phrase : skip !== undefined && skip.has(e.rule) && subjects.has(e.rule) ? undefined : e.term));
      byKey.set(key, (automaton = new Automaton([...strings, ...gateStrings])));
    }
    return automaton;
  };
  let all: Automaton | undefined;
  return (skip) => {
    if (skip === undefined) return (all ??= build(undefined));
    let automaton = bySet.get(skip);
    if (automaton === undefined) bySet.set(skip, (automaton = build(skip)));
    return automaton;
  };
}
