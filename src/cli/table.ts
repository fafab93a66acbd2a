import { terminalSafe } from '../harness/format.js';
import type { Verdict } from '../types.js';
import type { InputComment } from './inputs.js';

const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + '…');
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));

/** One readable block per comment: who, what action, which labels, and the words behind them. */
export function formatVerdictRow(c: InputComment, v: Verdict): string {
  const who = c.author === undefined ? c.id : `${c.doc ?? c.id} · ${c.author ?? '(no author)'}`;
  const labels = v.labels.length > 0 ? v.labels.map((l) => `${l} ${v.scores[l].toFixed(2)}`).join(', ') : '—';
  const words = [...new Set(v.matches.map((m) => `${m.mentioned ? '(mentioned) ' : ''}${m.label}: "${terminalSafe(m.text)}"`))].join('; ');
  const lines = [
    `${pad(v.action.toUpperCase(), 7)} ${terminalSafe(who)}  [${v.language}]`,
    `        labels: ${labels}`,
  ];
  if (words) lines.push(`        words:  ${words}`);
  lines.push(`        text:   ${terminalSafe(clip(c.text.replace(/\s+/g, ' '), 160))}`);
  return lines.join('\n');
}

export function verdictJson(c: InputComment, v: Verdict): string {
  const row: Record<string, unknown> = { id: c.id };
  if (c.doc !== undefined) row.doc = c.doc;
  if (c.author !== undefined) row.author = c.author;
  if (c.line !== undefined) row.line = c.line;
  Object.assign(row, { text: c.text, labels: v.labels, scores: v.scores, action: v.action, language: v.language, matches: v.matches, reasons: v.reasons });
  return JSON.stringify(row);
}
