import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8, invalidUtf8Message, startsWithBom } from './utf8.js';

/** One physical line of a JSONL source, numbered from 1. */
export interface SourceLine {
  line: number;
  /** The line without its `\n` / `\r\n` ending; only the first `maxLineLength` characters when `tooLong`. */
  raw: string;
  /** True when the line was longer than `maxLineLength`; the rest of it was read and dropped. */
  tooLong: boolean;
  /** Set when the line's bytes are not UTF-8: what is wrong and where (`raw` then shows U+FFFD for the bad bytes). */
  invalid?: string;
}

export interface ReadLinesOptions {
  /**
   * Longest line kept whole, in UTF-16 code units. A longer line is still counted but only its
   * head is kept, so a file without newlines cannot make memory grow without bound. Default 16 Mi.
   */
  maxLineLength?: number;
  /** Called with the number of bytes consumed after each chunk, for progress reporting. */
  onBytes?: (bytes: number) => void;
}

export const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** How much of an over-long line is kept for the rejects report. */
const TOO_LONG_HEAD = 200;

/**
 * Splits a byte stream into lines without ever holding more than one chunk plus one line.
 * Pulling from the stream's async iterator (rather than listening to 'data') is what gives
 * backpressure: nothing more is read until the consumer asks for the next line.
 *
 * Line endings are `\n` and `\r\n` (JSON Lines); a final line without a newline still counts.
 * Lines are cut at the byte level (a newline byte is never part of a multi-byte character) and
 * each is decoded on its own, so a line that is not UTF-8 is reported as such (`invalid`) instead
 * of being read with U+FFFD in place of its bytes. A byte order mark at the start is dropped.
 */
export async function* readLines(source: AsyncIterable<Buffer | string>, options: ReadLinesOptions = {}): AsyncGenerator<SourceLine> {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  // A line's UTF-16 length is at least a third of its bytes: past this many bytes without a
  // newline it is over `max` whatever it holds, and the rest is dropped as it comes.
  const maxBytes = 3 * max + 3;
  let parts: Buffer[] = []; // the current line's bytes so far, from earlier chunks
  let partBytes = 0;
  let head: string | null = null; // inside an over-long line: its head, and drop bytes until its newline
  let line = 0;
  let bytes = 0;

  /** The next line, from its decoded text (without its line end): whole, or its head when over `max`. */
  const textLine = (raw: string): SourceLine => {
    line++;
    return raw.length > max ? { line, raw: raw.slice(0, TOO_LONG_HEAD), tooLong: true } : { line, raw, tooLong: false };
  };
  /** The next line, from its bytes: a leading BOM dropped, and said when the bytes are not UTF-8. */
  const lineOf = (data: Buffer): SourceLine => {
    let end = data.length;
    if (end > 0 && data[end - 1] === 0x0d) end--;
    const body = line === 0 && startsWithBom(data) ? data.subarray(3, Math.max(3, end)) : data.subarray(0, end);
    const taken = textLine(body.toString('utf8'));
    return taken.tooLong || isUtf8(body) ? taken : { ...taken, invalid: invalidUtf8Message(body, firstInvalidUtf8(body)) };
  };
  const overLong = (): SourceLine => {
    line++;
    const taken = { line, raw: head!, tooLong: true };
    head = null;
    return taken;
  };

  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buf.length;
    let from = 0;
    // The lines wholly inside this chunk (after its first newline, up to its last) are usually
    // valid UTF-8: checked and decoded in one call each, then split as text. That keeps reading
    // at the speed of decoding whole chunks; only a chunk with a bad byte is read line by line.
    const first = buf.indexOf(0x0a);
    const last = buf.lastIndexOf(0x0a);
    let bulk = last > first ? buf.subarray(first + 1, last) : null;
    if (bulk !== null && !isUtf8(bulk)) bulk = null;
    for (let nl = first; nl !== -1; nl = buf.indexOf(0x0a, from)) {
      const piece = buf.subarray(from, nl);
      from = nl + 1;
      if (head !== null) {
        yield overLong();
      } else {
        const whole = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
        parts = [];
        partBytes = 0;
        yield lineOf(whole);
      }
      if (bulk !== null && nl === first) {
        for (const text of bulk.toString('utf8').split('\n')) yield textLine(text.endsWith('\r') ? text.slice(0, -1) : text);
        from = last + 1;
        break;
      }
    }
    if (head === null && from < buf.length) {
      parts.push(buf.subarray(from));
      partBytes += buf.length - from;
      if (partBytes > maxBytes) {
        // 1 KiB of bytes holds more than TOO_LONG_HEAD code units, whatever is cut off its end.
        const start = Buffer.concat(parts, Math.min(partBytes, 1024));
        const skipBom = line === 0 && startsWithBom(start) ? 3 : 0;
        head = start.subarray(skipBom).toString('utf8').slice(0, TOO_LONG_HEAD);
        parts = [];
        partBytes = 0;
      }
    }
    options.onBytes?.(bytes);
  }
  if (head !== null) yield overLong();
  else if (partBytes > 0) yield lineOf(Buffer.concat(parts));
}
