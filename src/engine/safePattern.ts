import { DecorumError } from '../errors.js';
import { backtrackingProblem } from './backtracking.js';

/**
 * Why a pattern is unsafe, or null when it is safe. Rule patterns run over every comment,
 * so a pattern that can backtrack catastrophically is a denial-of-service hole. The policy is
 * strict and simple to check: only bounded repetition ({m,n} with n <= 100), no `*`, `+` or
 * `{m,}`, no quantified group that itself holds a quantifier, and no backreferences. Each
 * starting position then costs bounded work, so matching is linear in the text; and so that the
 * bound is small, no group repeated three or more times may read the same text two ways, and
 * variable-length parts that can trade characters may not split a stretch more than
 * MAX_SPLITS ways (backtracking.ts).
 */
export function patternProblem(source: string): string | null {
  return lexicalProblem(source) ?? backtrackingProblem(source);
}

/** The checks that read the pattern's text only: cheap enough to run on every load. */
function lexicalProblem(source: string): string | null {
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
      // \p{…}, \P{…} and \u{…}: the braces are part of the escape, not a quantifier.
      if ((n === 'p' || n === 'P' || n === 'u') && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        if (close > 0) i = close;
      }
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

/**
 * Compiles a rule pattern once, refusing unsafe ones with UNSAFE_PATTERN. `vetted`: the pattern's
 * backtracking was checked already (a shipped pattern), so only the lexical checks run.
 */
export function compilePattern(source: string, where: { file?: string; ruleId: string }, vetted = false): RegExp {
  const problem = vetted ? lexicalProblem(source) : patternProblem(source);
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

/**
 * The longest run of literal characters every match of `source` must contain, or undefined
 * when none can be read off safely. Checked with `includes` before the regex runs: most
 * comments contain no "$" or " hack", so most pattern scans are skipped outright. Only the
 * top level is read (no alternation there), and a literal followed by an optional quantifier
 * ends the run without joining it.
 */
export function requiredLiteral(source: string): string | undefined {
  let depth = 0;
  let inClass = false;
  let run = '';
  let best = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      i++;
      // Skip the operand of \u, \x, \p{...} and \k<...> so its digits are not read as literals.
      if (n === 'x') i += 2;
      else if ((n === 'u' || n === 'p' || n === 'P') && source[i + 1] === '{') while (i < source.length && source[i] !== '}') i++;
      else if (n === 'u') i += 4;
      else if (n === 'k' && source[i + 1] === '<') while (i < source.length && source[i] !== '>') i++;
      if (depth > 0) continue;
      if (/[bBdDsSwWnrtfvux0-9pPk]/.test(n)) {
        flush();
        continue;
      }
      if (isOptional(source, i + 1)) flush();
      else run += n;
      continue;
    }
    if (c === '(') {
      depth++;
      flush();
      continue;
    }
    if (c === ')') {
      depth--;
      continue;
    }
    if (c === '[') {
      inClass = true;
      flush();
      continue;
    }
    if (depth > 0) continue;
    if (c === '|') return undefined;
    if ('^$.*+?{}'.includes(c)) {
      flush();
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
      continue;
    }
    // An astral character is one atom under the `u` flag: a quantifier after it applies to both halves.
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    i += ch.length - 1;
    if (isOptional(source, i + 1)) flush();
    else run += ch;
  }
  flush();
  return best.length > 0 ? best : undefined;
}

function isOptional(source: string, next: number): boolean {
  const q = source[next];
  return q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(source.slice(next)));
}
