import { LABELS, type Verdict } from '../types.js';

/** What a matcher was handed, resolved to a verdict and, when known, the text behind it. */
export interface Subject {
  verdict: Verdict;
  /** The moderated text, when the subject was a string or `{ text }`; absent for a bare verdict. */
  text?: string;
  article?: string;
}

const MAX_QUOTED = 120;

/** A comment quoted in a message: JSON-escaped (newlines and quotes stay visible) and shortened. */
export function quote(text: string): string {
  const short = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
  return JSON.stringify(short);
}

/** "the verdict" or the quoted text, for the first line of a message. */
export function subjectName(subject: Subject): string {
  return subject.text === undefined ? 'verdict' : quote(subject.text);
}

const score = (value: number): string => value.toFixed(3);

/**
 * The whole verdict, one fact per line, so a failing test says what decorum actually decided:
 * action, labels with scores, every score, every match with its rule id and span, and the reasons.
 */
export function describeVerdict(verdict: Verdict): string {
  const labels = verdict.labels.length === 0 ? 'none' : verdict.labels.map((label) => `${label} ${score(verdict.scores[label])}`).join(', ');
  const scores = LABELS.map((label) => `${label} ${score(verdict.scores[label])}`).join(', ');
  const matches =
    verdict.matches.length === 0
      ? ['none']
      : verdict.matches.map(
          (m) => `${m.ruleId} (${m.label}, ${m.severity}) ${JSON.stringify(m.text)} at [${m.start}, ${m.end})${m.mentioned === true ? ' mentioned' : ''}`,
        );
  const lines = [
    `  action:  ${verdict.action}`,
    `  labels:  ${labels}`,
    `  scores:  ${scores}`,
    `  matches: ${matches[0]}`,
    ...matches.slice(1).map((m) => `           ${m}`),
  ];
  if (verdict.reasons.length > 0) {
    lines.push(`  reasons: ${verdict.reasons[0]}`, ...verdict.reasons.slice(1).map((r) => `           ${r}`));
  }
  return lines.join('\n');
}
