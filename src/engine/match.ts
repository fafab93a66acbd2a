import { isWordChar, originalSpan, type NormalizedText } from '../normalize/normalize.js';
import type { Match } from '../types.js';
import type { CompiledRules, Entry } from './compiled.js';
import { SECOND_PERSON, aimedByPhrase, isMention, wordAt, words, type Word } from './context.js';

/** A match in normalised coordinates, before context is judged. */
interface Found {
  rule: number;
  start: number;
  end: number;
  term: string;
}

const SEVERITY_RANK = { high: 3, medium: 2, low: 1 } as const;

/**
 * Masked words ("f**k", "sh*t", "b***h"): a masked token is compared with the single-word
 * terms of the same length, letter by letter, and takes the letters of the best one, so the
 * rest of the pipeline (phrases such as "f**k off" included) sees the word itself.
 */
function demask(text: string, rules: CompiledRules): string {
  if (!text.includes('*')) return text;
  return text.replace(/[a-z*]{3,32}/g, (token) => {
    if (!token.includes('*') || token.startsWith('*') ) return token;
    const visible = token.replace(/\*/g, '').length;
    if (visible < 2) return token;
    let best: { term: string; rank: number } | undefined;
    for (const index of rules.byLength.get(token.length) ?? []) {
      const entry = rules.entries[index] as Extract<Entry, { kind: 'term' }>;
      let ok = true;
      for (let k = 0; k < token.length && ok; k++) ok = token[k] === '*' || token[k] === entry.term[k];
      if (!ok) continue;
      const rank = SEVERITY_RANK[rules.rules[entry.rule]!.severity];
      if (best === undefined || rank > best.rank) best = { term: entry.term, rank };
    }
    return best?.term ?? token;
  });
}

function boundaryOk(text: string, start: number, end: number, boundary: string): boolean {
  const before = boundary === 'word' || boundary === 'prefix' ? !isWordChar(text[start - 1]) : true;
  const after = boundary === 'word' || boundary === 'suffix' ? !isWordChar(text[end]) : true;
  return before && after;
}

/** Allow-phrase occurrences, kept sorted by start for containment look-ups. */
class AllowIndex {
  private readonly spans = new Map<number, Array<[number, number]>>();

  add(entry: number, start: number, end: number): void {
    const list = this.spans.get(entry);
    if (list) list.push([start, end]);
    else this.spans.set(entry, [[start, end]]);
  }

  /** Does an occurrence of any of `entries` contain [start, end)? */
  covers(entries: readonly number[], start: number, end: number): boolean {
    for (const e of entries) {
      const list = this.spans.get(e);
      if (!list) continue;
      // Occurrences of one phrase never nest, so starts and ends are both sorted: binary search
      // the last occurrence starting at or before `start`.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]![0] <= start) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && list[lo - 1]![1] >= end) return true;
    }
    return false;
  }
}

function scanTerms(text: string, rules: CompiledRules, found: Found[]): void {
  const allow = new AllowIndex();
  const candidates: Array<{ entry: number; start: number; end: number }> = [];
  rules.automaton.scan(text, (hit) => {
    const entry = rules.entries[hit.pattern]!;
    if (entry.kind === 'allow') allow.add(hit.pattern, hit.start, hit.end);
    else if (boundaryOk(text, hit.start, hit.end, entry.boundary)) candidates.push({ entry: hit.pattern, start: hit.start, end: hit.end });
  });
  for (const c of candidates) {
    const entry = rules.entries[c.entry] as Extract<Entry, { kind: 'term' }>;
    if (allow.covers(entry.allow, c.start, c.end)) continue;
    if (allow.covers(rules.ruleAllow.get(entry.rule) ?? [], c.start, c.end)) continue;
    if (allow.covers(rules.globalAllow, c.start, c.end)) continue;
    found.push({ rule: entry.rule, start: c.start, end: c.end, term: entry.term });
  }
}

/** Word formation: one word = a listed stem + a listed suffix ("demon"+"rats", "trump"+"tards"). */
function scanAffixes(ws: readonly Word[], rules: CompiledRules, found: Found[]): void {
  if (rules.stems.size === 0) return;
  const limit = rules.maxStem + rules.maxSuffix;
  for (const w of ws) {
    if (w.text.length > limit + 4) continue;
    const letters = w.text.replace(/[-']/g, '');
    if (letters.length > limit) continue;
    for (let cut = 1; cut <= Math.min(rules.maxStem, letters.length); cut++) {
      const stems = rules.stems.get(letters.slice(0, cut));
      if (!stems) continue;
      const suffix = letters.slice(cut);
      for (const s of stems) {
        if (s.suffixes.has(suffix) && !s.allow.has(letters)) found.push({ rule: s.rule, start: w.start, end: w.end, term: letters });
      }
    }
  }
}

function scanPatterns(text: string, rules: CompiledRules, found: Found[]): void {
  for (const p of rules.patterns) {
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
      if (m[0].length === 0) continue;
      found.push({ rule: p.rule, start: m.index, end: m.index + m[0].length, term: m[0] });
    }
  }
}

/** Keeps one match per rule per overlapping stretch: the longest, then the earliest. */
function dedupe(found: Found[]): Found[] {
  found.sort((a, b) => a.rule - b.rule || a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && last.rule === f.rule && f.start < last.end) continue;
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start || a.rule - b.rule);
}

const TARGET_WINDOW = 3;
const STANDALONE_LABELS = new Set(['slur', 'insult', 'partisan_epithet']);

/**
 * Runs every compiled rule over normalised text and returns matches with spans in the
 * original text. Rules marked `requires: target` (and profanity) are kept only when aimed at
 * someone; slurs and epithets named in order to condemn them are flagged `mentioned`.
 */
export function findMatches(norm: NormalizedText, rules: CompiledRules): Match[] {
  const text = demask(norm.text, rules);
  const ws = words(text);
  const raw: Found[] = [];
  scanTerms(text, rules, raw);
  scanAffixes(ws, rules, raw);
  scanPatterns(text, rules, raw);
  const found = dedupe(raw);

  // Words that carry a standalone label aim nearby adjectives ("stupid, ignorant D-RATs").
  const anchors = new Set<number>();
  for (const f of found) {
    const rule = rules.rules[f.rule]!;
    if (!rule.requiresTarget && STANDALONE_LABELS.has(rule.label)) anchors.add(wordAt(ws, f.start));
  }
  const aimed = (f: Found): boolean => {
    const first = wordAt(ws, f.start);
    const last = Math.max(first, wordAt(ws, f.end - 1));
    for (let k = first - TARGET_WINDOW; k <= last + TARGET_WINDOW; k++) {
      if (k >= first && k <= last) continue;
      const w = ws[k];
      if (!w) continue;
      if (SECOND_PERSON.has(w.text) || rules.targets.has(w.text) || anchors.has(k)) return true;
    }
    return aimedByPhrase(text, f.start) && rules.rules[f.rule]!.label !== 'insult';
  };

  const out: Match[] = [];
  for (const f of found) {
    const rule = rules.rules[f.rule]!;
    if (rule.requiresTarget && !aimed(f)) continue;
    const span = originalSpan(norm, f.start, f.end);
    const match: Match = {
      ruleId: rule.id,
      label: rule.label,
      severity: rule.severity,
      start: span.start,
      end: span.end,
      text: norm.original.slice(span.start, span.end),
      term: f.term,
    };
    if ((rule.label === 'slur' || rule.label === 'partisan_epithet') && isMention(text, f.start, f.end)) match.mentioned = true;
    out.push(match);
  }
  return out;
}
