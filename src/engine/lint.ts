import { affixForm, normalizeTerm, parsePack, type SourcedPack } from './compile.js';
import { patternProblem } from './safePattern.js';
import { DecorumError } from '../errors.js';

export interface LintFinding {
  file: string;
  ruleId?: string;
  kind: 'invalid' | 'duplicate-term' | 'shadowed-term' | 'useless-allow' | 'unsafe-pattern' | 'duplicate-id';
  message: string;
}

/**
 * Mistakes that validation alone does not catch: the same term twice, a term that an
 * allowlist entry always cancels, allowlist entries that protect no term, and patterns
 * that could backtrack. Invalid packs (unknown fields, missing examples) are reported, not thrown.
 */
export function lintRulePacks(packs: readonly SourcedPack[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const termOwners = new Map<string, string>();
  const ids = new Map<string, string>();
  const parsed = [];
  for (const { pack, file } of packs) {
    try {
      parsed.push({ file, pack: parsePack(pack, file) });
    } catch (e) {
      if (!(e instanceof DecorumError)) throw e;
      findings.push({ file, ...(e.details.ruleId ? { ruleId: e.details.ruleId } : {}), kind: 'invalid', message: e.message });
    }
  }
  const allTerms: Array<{ file: string; ruleId: string; term: string }> = [];
  const globalAllow: Array<{ file: string; phrase: string }> = [];
  for (const { file, pack } of parsed) {
    for (const phrase of pack.allow) globalAllow.push({ file, phrase: normalizeTerm(phrase) });
    for (const rule of pack.rules) {
      const seen = ids.get(rule.id);
      if (seen) findings.push({ file, ruleId: rule.id, kind: 'duplicate-id', message: `rule id "${rule.id}" also defined in ${seen}` });
      ids.set(rule.id, file);
      const ruleAllow = (rule.allow ?? []).map(normalizeTerm);
      const ruleTerms: string[] = [];
      for (const t of rule.terms ?? []) {
        const raw = typeof t === 'string' ? t : t.term;
        const term = normalizeTerm(raw);
        ruleTerms.push(term);
        allTerms.push({ file, ruleId: rule.id, term });
        const key = `${rule.label}\u0000${term}`;
        const owner = termOwners.get(key);
        if (owner !== undefined) findings.push({ file, ruleId: rule.id, kind: 'duplicate-term', message: `term "${raw}" is also in rule ${owner}` });
        else termOwners.set(key, rule.id);
        const termAllow = typeof t === 'string' ? [] : (t.allow ?? []).map(normalizeTerm);
        for (const a of [...termAllow, ...ruleAllow]) {
          if (a === term) findings.push({ file, ruleId: rule.id, kind: 'shadowed-term', message: `term "${raw}" is cancelled by its own allowlist entry "${a}": it can never match` });
        }
        for (const a of termAllow) {
          if (!a.includes(term)) findings.push({ file, ruleId: rule.id, kind: 'useless-allow', message: `allow "${a}" of term "${raw}" does not contain the term, so it protects nothing` });
        }
      }
      const stems = rule.affixes?.stems.map(affixForm) ?? [];
      for (const a of ruleAllow) {
        const protects = ruleTerms.some((t) => a.includes(t)) || stems.some((s) => a.replace(/[-'\s]/g, '').includes(s)) || (rule.patterns?.length ?? 0) > 0;
        if (!protects) findings.push({ file, ruleId: rule.id, kind: 'useless-allow', message: `rule allow "${a}" contains none of the rule's terms or stems, so it protects nothing` });
      }
      for (const p of rule.patterns ?? []) {
        const problem = patternProblem(p);
        if (problem) findings.push({ file, ruleId: rule.id, kind: 'unsafe-pattern', message: `pattern /${p}/: ${problem}` });
      }
    }
  }
  for (const { file, phrase } of globalAllow) {
    const shadowed = allTerms.filter((t) => t.term === phrase);
    for (const t of shadowed) findings.push({ file: t.file, ruleId: t.ruleId, kind: 'shadowed-term', message: `term "${t.term}" is cancelled by the allowlist entry "${phrase}" in ${file}: it can never match` });
    if (!allTerms.some((t) => phrase.includes(t.term))) findings.push({ file, kind: 'useless-allow', message: `allow "${phrase}" contains no term of any rule, so it protects nothing` });
  }
  return findings;
}
