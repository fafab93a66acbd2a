/** A span to highlight, in UTF-16 offsets into the original text (as Match gives them). */
export interface HighlightSpan {
  ruleId: string;
  start: number;
  end: number;
}

/** A run of the text: plain (`rules` empty) or inside one or more overlapping matches. */
export interface Segment {
  text: string;
  rules: string[];
}

/**
 * Cut `text` into plain and highlighted segments. Overlapping spans merge into one highlight
 * listing every rule (rules often overlap: a slur and the profanity list on the same word);
 * spans that merely touch stay separate. Offsets come from user-tunable rules and saved JSON,
 * so out-of-range or empty spans are clamped or dropped rather than trusted.
 */
export function highlightSegments(text: string, spans: readonly HighlightSpan[]): Segment[] {
  const valid = spans
    .map((span) => ({
      ruleId: span.ruleId,
      start: Math.max(0, Math.min(text.length, Math.trunc(span.start))),
      end: Math.max(0, Math.min(text.length, Math.trunc(span.end))),
    }))
    .filter((span) => Number.isFinite(span.start) && Number.isFinite(span.end) && span.start < span.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);

  const merged: { start: number; end: number; rules: string[] }[] = [];
  for (const span of valid) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.rules.includes(span.ruleId)) last.rules.push(span.ruleId);
    } else {
      merged.push({ start: span.start, end: span.end, rules: [span.ruleId] });
    }
  }

  const segments: Segment[] = [];
  let cursor = 0;
  for (const span of merged) {
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), rules: [] });
    segments.push({ text: text.slice(span.start, span.end), rules: span.rules });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), rules: [] });
  return segments;
}
