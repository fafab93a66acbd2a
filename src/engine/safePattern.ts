import { DecorumError } from '../errors.js';

/**
 * Why a pattern is unsafe, or null when it is safe. Rule patterns run over every comment,
 * so a pattern that can backtrack catastrophically is a denial-of-service hole. The policy is
 * strict and simple to check: only bounded repetition ({m,n} with n <= 100), no `*`, `+` or
 * `{m,}`, no quantified group that itself holds a quantifier, and no backreferences. Each
 * starting position then costs bounded work, so matching is linear in the text.
 */
export function patternProblem(source: string): string | null {
  const groupHasQuantifier: boolean[] = [];
  let inClass = false;
  let lastGroupHadQuantifier = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const prev = source[i - 1];
    if (c === '\\') {
      const n = source[i + 1];
      if (n !== undefined && n >= '1' && n <= '9') return `backreference \\${n} at ${i}`;
      if (n === 'k') return `named backreference at ${i}`;
      i++;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === '(') {
      groupHasQuantifier.push(false);
      continue;
    }
    if (c === ')') {
      lastGroupHadQuantifier = groupHasQuantifier.pop() ?? false;
      if (groupHasQuantifier.length > 0 && lastGroupHadQuantifier) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
      continue;
    }
    if (c === '*' || c === '+') return `unbounded quantifier "${c}" at ${i}: use {0,N} or {1,N}`;
    const quantified = c === '?' || c === '{';
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m === null) return `malformed quantifier at ${i}`;
      if (m[2] !== undefined && m[3] === '') return `unbounded quantifier "${m[0]}" at ${i}: give an upper bound`;
      const upper = Number(m[3] ?? m[1]);
      if (upper > 100) return `quantifier "${m[0]}" at ${i} allows more than 100 repetitions`;
      i += m[0].length - 1;
    }
    if (quantified) {
      // "(?:" and "(?=" use "?" as syntax, not as a quantifier.
      if (c === '?' && prev === '(') continue;
      if (prev === ')' && lastGroupHadQuantifier) return `quantified group at ${i} holds a quantifier (nested repetition)`;
      if (groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
    }
    lastGroupHadQuantifier = false;
  }
  return null;
}

/** Compiles a rule pattern once, refusing unsafe ones with UNSAFE_PATTERN. */
export function compilePattern(source: string, where: { file?: string; ruleId: string }): RegExp {
  const problem = patternProblem(source);
  if (problem !== null) {
    throw new DecorumError(
      'UNSAFE_PATTERN',
      `${where.file ? where.file + ': ' : ''}rule "${where.ruleId}": pattern /${source}/ can backtrack catastrophically (${problem})`,
      { ...where, field: 'patterns' },
    );
  }
  try {
    return new RegExp(source, 'gu');
  } catch (cause) {
    throw new DecorumError(
      'RULE_PACK',
      `${where.file ? where.file + ': ' : ''}rule "${where.ruleId}": pattern /${source}/ is not a valid regular expression: ${(cause as Error).message}`,
      { ...where, field: 'patterns' },
      { cause },
    );
  }
}
