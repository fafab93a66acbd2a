import { createAnalyzer } from '../analyze.js';
import type { SourcedPack } from './compile.js';
import { parsePack } from './compile.js';

export interface ExampleFailure {
  file: string;
  ruleId: string;
  kind: 'match' | 'noMatch';
  text: string;
  /** What the rule matched instead (for noMatch failures). */
  found: string[];
}

export interface SelfTestResult {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
}

/**
 * Runs every rule's own examples through the full engine (all packs together, as in
 * production, so one pack's allowlist is tested against another's terms): each `match`
 * example must produce a match of that rule, each `noMatch` example none.
 */
export function testRulePacks(packs: readonly SourcedPack[], profanity: readonly string[] = []): SelfTestResult {
  const analyzer = createAnalyzer(packs, { profanity });
  const result: SelfTestResult = { rules: 0, examples: 0, failures: [] };
  for (const { pack, file } of packs) {
    for (const rule of parsePack(pack, file).rules) {
      result.rules++;
      for (const [kind, texts] of [['match', rule.examples.match], ['noMatch', rule.examples.noMatch]] as const) {
        for (const text of texts) {
          result.examples++;
          const own = analyzer.analyze(text).matches.filter((m) => m.ruleId === rule.id);
          const ok = kind === 'match' ? own.length > 0 : own.length === 0;
          if (!ok) result.failures.push({ file, ruleId: rule.id, kind, text, found: own.map((m) => m.text) });
        }
      }
    }
  }
  return result;
}
