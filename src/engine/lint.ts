import { affixForm, compileRules, normalizeTerm, type SourcedPack } from './compile.js';
import type { CompiledRules } from './compiled.js';
import { rawHits, type RawHit } from './match.js';
import { patternProblem } from './safePattern.js';
import { fieldOf, knownKeys, locate, suggestion, type Path } from '../schemas/packFields.js';
import { rulePackSchemas, type RulePack } from '../schemas/rulePack.js';

export type LintKind =
  | 'invalid'
  | 'unknown-field'
  | 'duplicate-id'
  | 'duplicate-term'
  | 'unnormalized-term'
  | 'shadowed-term'
  | 'useless-allow'
  | 'unsafe-pattern';

export interface LintFinding {
  file: string;
  ruleId?: string;
  /** Where in the pack or rule, as a path a reader can follow in the JSON: `terms[3]`, `affixes.allow[0]`. */
  field?: string;
  kind: LintKind;
  message: string;
}

export interface LintOptions {
  /**
   * Extra single-word profanity terms, as `createModerator` compiles them (bad-words' list by
   * default there). An allow phrase that only cancels a profanity hit still protects something.
   */
  profanity?: readonly string[];
}

function deleteAt(root: unknown, path: Path, key: string): void {
  let node: unknown = root;
  for (const step of path) node = (node as Record<PropertyKey, unknown> | null)?.[step as never];
  if (node !== null && typeof node === 'object') delete (node as Record<string, unknown>)[key];
}

/**
 * Validate one pack for the lint. Unknown fields (misspellings, mostly) are findings that name
 * the file, rule and field; the pack is then linted without them, so one typo does not hide the
 * rest of the report. Any other schema problem makes the pack `invalid`, one finding per problem.
 */
function validate(pack: unknown, file: string, findings: LintFinding[]): RulePack | undefined {
  const { RulePackSchema } = rulePackSchemas();
  const first = RulePackSchema.safeParse(pack);
  if (first.success) return first.data;
  // Reading order: the pack's own fields, then rule by rule, outer fields before nested ones.
  const order = (path: Path): [number, number, string] => [path[0] === 'rules' && typeof path[1] === 'number' ? path[1] : -1, path.length, fieldOf(path)];
  const byOrder = (a: Path, b: Path): number => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  };
  const unknown = first.error.issues.filter((issue) => issue.code === 'unrecognized_keys').sort((a, b) => byOrder(a.path, b.path));
  let issues = first.error.issues;
  let cleaned: RulePack | undefined;
  if (unknown.length > 0) {
    const copy: unknown = structuredClone(pack);
    for (const issue of unknown) {
      const where = locate(pack, issue.path);
      for (const key of issue.keys) {
        const field = where.field === '' ? key : `${where.field}.${key}`;
        const owner = where.ruleId !== undefined ? `rule "${where.ruleId}"` : 'the pack';
        findings.push({
          file,
          ...(where.ruleId !== undefined ? { ruleId: where.ruleId } : {}),
          field,
          kind: 'unknown-field',
          message: `unknown field "${field}" in ${owner}: the schema rejects the pack until it is renamed or removed${suggestion(key, knownKeys(issue.path))}`,
        });
        deleteAt(copy, issue.path, key);
      }
    }
    const second = RulePackSchema.safeParse(copy);
    if (second.success) cleaned = second.data;
    else issues = second.error.issues;
  }
  if (cleaned !== undefined) return cleaned;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const where = locate(pack, issue.path);
    const field = where.field === '' ? '(root)' : where.field;
    findings.push({
      file,
      ...(where.ruleId !== undefined ? { ruleId: where.ruleId } : {}),
      field,
      kind: 'invalid',
      message: `${where.ruleId !== undefined ? `rule "${where.ruleId}", ` : ''}field "${field}": ${issue.message}`,
    });
  }
  return undefined;
}

/** What normalisation does to a term, when that is more than folding case; undefined when it is plain. */
function termProblem(raw: string): string | undefined {
  const plain = raw.trim().toLowerCase();
  if (/[*#]/.test(plain)) return `contains a mask character ("*" or "#"); masked spellings ("f**k") are resolved against the plain term, so write the word itself`;
  const norm = normalizeTerm(raw);
  if (norm !== plain) {
    return `normalises to "${norm}": write terms in plain letters, normalisation already undoes leet, masks, look-alike letters, accents, spacing and stretched letters`;
  }
  return undefined;
}

/**
 * Mistakes that validation alone does not catch, and the ones it does, reported rather than thrown:
 * unknown fields, duplicate ids, the same term twice (in one rule, or in two rules of one label),
 * terms written with characters normalisation changes ("r3tard", "f*ck"), terms an allowlist entry
 * always cancels, allowlist entries that cancel nothing, and patterns that could backtrack.
 *
 * An allow phrase "protects nothing" when the compiled matcher, run over the normalised phrase with
 * every allowlist switched off, finds no hit (term, word formation or pattern) that the phrase
 * would cancel: for a pack-level entry, a hit of any rule (profanity included); for a rule's
 * `allow`, a hit of that rule; for a term's `allow`, a hit of that term; for `affixes.allow`, a word
 * the rule's stems and suffixes form.
 */
export function lintRulePacks(packs: readonly SourcedPack[], options: LintOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const parsed: Array<{ file: string; pack: RulePack }> = [];
  for (const { pack, file } of packs) {
    const valid = validate(pack, file, findings);
    if (valid !== undefined) parsed.push({ file, pack: valid });
  }

  const ids = new Map<string, string>();
  const termOwners = new Map<string, { ruleId: string; raw: string; field: string }>();
  for (const { file, pack } of parsed) {
    pack.rules.forEach((rule) => {
      const at = { file, ruleId: rule.id };
      const seen = ids.get(rule.id);
      if (seen !== undefined) findings.push({ ...at, field: 'id', kind: 'duplicate-id', message: `rule id "${rule.id}" is also defined in ${seen}` });
      else ids.set(rule.id, file);

      const inRule = new Map<string, { raw: string; field: string }>();
      (rule.terms ?? []).forEach((t, j) => {
        const raw = typeof t === 'string' ? t : t.term;
        const field = typeof t === 'string' ? `terms[${j}]` : `terms[${j}].term`;
        const term = normalizeTerm(raw);
        const problem = termProblem(raw);
        if (problem !== undefined) findings.push({ ...at, field, kind: 'unnormalized-term', message: `term "${raw}" ${problem}` });

        const twin = inRule.get(term);
        if (twin !== undefined) {
          const same = twin.raw === raw ? `term "${raw}" is listed twice in this rule` : `terms "${twin.raw}" and "${raw}" are the same after normalisation ("${term}")`;
          findings.push({ ...at, field, kind: 'duplicate-term', message: `${same} (also at ${twin.field})` });
          return;
        }
        inRule.set(term, { raw, field });
        const key = `${rule.label}\u0000${term}`;
        const owner = termOwners.get(key);
        if (owner !== undefined) {
          findings.push({ ...at, field, kind: 'duplicate-term', message: `term "${raw}" is also in rule ${owner.ruleId} (${owner.field}), of the same label ${rule.label}` });
        } else {
          termOwners.set(key, { ruleId: rule.id, raw, field });
        }
      });
      for (const part of ['stems', 'suffixes'] as const) {
        rule.affixes?.[part].forEach((raw, j) => {
          const problem = termProblem(raw);
          if (problem !== undefined) findings.push({ ...at, field: `affixes.${part}[${j}]`, kind: 'unnormalized-term', message: `affix "${raw}" ${problem}` });
        });
      }
      for (const source of rule.patterns ?? []) {
        const problem = patternProblem(source);
        if (problem !== null) findings.push({ ...at, field: 'patterns', kind: 'unsafe-pattern', message: `pattern /${source}/: ${problem}` });
        else {
          try {
            new RegExp(source, 'u');
          } catch (e) {
            findings.push({ ...at, field: 'patterns', kind: 'invalid', message: `pattern /${source}/ is not a valid regular expression: ${(e as Error).message}` });
          }
        }
      }
    });
  }

  const matcher = compileForLint(parsed, options.profanity ?? []);
  const hitsIn = (phrase: string): RawHit[] => rawHits(normalizeTerm(phrase), matcher);
  const describeHits = (hits: readonly RawHit[]): string =>
    // Rule i of the matcher is rule i of the packs in order (see compileForLint), so its id is the pack's,
    // except for a duplicate id, which keeps a private suffix; profanity comes last.
    [...new Set(hits.map((h) => `${matcher.rules[h.rule]!.id.replace(/--lint-duplicate-\d+$/, '')} "${h.term}"`))].slice(0, 3).join(', ');

  const globalTerms = new Map<string, Array<{ file: string; ruleId: string; raw: string; field: string }>>();
  for (const { file, pack } of parsed) {
    for (const rule of pack.rules) {
      (rule.terms ?? []).forEach((t, j) => {
        const raw = typeof t === 'string' ? t : t.term;
        const list = globalTerms.get(normalizeTerm(raw)) ?? [];
        list.push({ file, ruleId: rule.id, raw, field: typeof t === 'string' ? `terms[${j}]` : `terms[${j}].term` });
        globalTerms.set(normalizeTerm(raw), list);
      });
    }
  }

  let ruleIndex = 0;
  for (const { file, pack } of parsed) {
    pack.allow.forEach((phrase, i) => {
      const norm = normalizeTerm(phrase);
      for (const t of globalTerms.get(norm) ?? []) {
        findings.push({ file: t.file, ruleId: t.ruleId, field: t.field, kind: 'shadowed-term', message: `term "${t.raw}" is cancelled by the allowlist entry "${phrase}" in ${file}: it can never match` });
      }
      const hits = hitsIn(phrase);
      if (hits.length === 0) {
        findings.push({ file, field: `allow[${i}]`, kind: 'useless-allow', message: `allow "${phrase}" protects nothing: no term, word formation or pattern of any rule matches inside it` });
      }
    });

    for (const rule of pack.rules) {
      const index = ruleIndex++;
      const at = { file, ruleId: rule.id };
      const ruleAllow = rule.allow ?? [];
      (rule.terms ?? []).forEach((t, j) => {
        const raw = typeof t === 'string' ? t : t.term;
        const term = normalizeTerm(raw);
        const field = typeof t === 'string' ? `terms[${j}]` : `terms[${j}].term`;
        const termAllow = typeof t === 'string' ? [] : (t.allow ?? []);
        for (const a of [...termAllow, ...ruleAllow]) {
          if (normalizeTerm(a) === term) findings.push({ ...at, field, kind: 'shadowed-term', message: `term "${raw}" is cancelled by its own allowlist entry "${a}": it can never match` });
        }
        termAllow.forEach((a, k) => {
          const own = hitsIn(a).filter((h) => h.kind === 'term' && h.rule === index && h.term === term);
          if (own.length === 0) {
            findings.push({ ...at, field: `terms[${j}].allow[${k}]`, kind: 'useless-allow', message: `allow "${a}" of term "${raw}" protects nothing: the term does not match inside it` });
          }
        });
      });
      ruleAllow.forEach((a, k) => {
        const hits = hitsIn(a);
        if (!hits.some((h) => h.rule === index)) {
          const others = hits.length > 0 ? ` (it only holds ${describeHits(hits)}, of other rules)` : '';
          findings.push({ ...at, field: `allow[${k}]`, kind: 'useless-allow', message: `rule allow "${a}" protects nothing: no term, word formation or pattern of this rule matches inside it${others}` });
        }
      });
      (rule.affixes?.allow ?? []).forEach((a, k) => {
        const word = affixForm(a);
        if (!hitsIn(a).some((h) => h.kind === 'affix' && h.rule === index && h.term === word)) {
          findings.push({ ...at, field: `affixes.allow[${k}]`, kind: 'useless-allow', message: `affix allow "${a}" protects nothing: it is not a word this rule's stems and suffixes form` });
        }
      });
    }
  }
  return findings;
}

/**
 * The matcher the lint runs allow phrases through: the valid packs compiled as `createModerator`
 * would, except that rules the engine would refuse (a duplicate id, an unsafe or broken pattern,
 * already reported above) are kept under a private id or without that pattern, so the rest of the
 * report still holds. Rule i of the result is rule i of the packs in order.
 */
function compileForLint(parsed: ReadonlyArray<{ file: string; pack: RulePack }>, profanity: readonly string[]): CompiledRules {
  const seen = new Set<string>();
  let n = 0;
  const packs: SourcedPack[] = parsed.map(({ file, pack }) => ({
    file,
    pack: {
      ...pack,
      rules: pack.rules.map((rule) => {
        let id = rule.id;
        if (seen.has(id)) id = `${rule.id}--lint-duplicate-${++n}`;
        seen.add(id);
        const patterns = rule.patterns?.filter((p) => patternProblem(p) === null && compiles(p));
        const safe = { ...rule, id, ...(patterns !== undefined ? { patterns } : {}) };
        // A rule left with nothing to match still needs one entry to pass validation; it can never hit.
        if ((safe.terms?.length ?? 0) === 0 && safe.affixes === undefined && (safe.patterns?.length ?? 0) === 0) safe.patterns = ['(?!)'];
        return safe;
      }),
    },
  }));
  return compileRules(packs, { profanity });
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'gu');
    return true;
  } catch {
    return false;
  }
}
