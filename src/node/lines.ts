import { StringDecoder } from 'node:string_decoder';

/** One physical line of a JSONL source, numbered from 1. */
export interface SourceLine {
  line: number;
  /** The line without its `\n` / `\r\n` ending; only the first `maxLineLength` characters when `tooLong`. */
  raw: string;
  /** True when the line was longer than `maxLineLength`; the rest of it was read and dropped. */
  tooLong: boolean;
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
 */
export async function* readLines(source: AsyncIterable<Buffer | string>, options: ReadLinesOptions = {}): AsyncGenerator<SourceLine> {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let skipping = false; // inside an over-long line: drop text until its newline
  let line = 0;
  let bytes = 0;

  const finish = (text: string): SourceLine => {
    line++;
    const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (skipping) {
      skipping = false;
      return { line, raw: carry, tooLong: true };
    }
    return { line, raw, tooLong: false };
  };

  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      from = nl + 1;
      if (skipping) {
        yield finish('');
        carry = '';
        continue;
      }
      const whole = carry === '' ? piece : carry + piece;
      carry = '';
      if (whole.length > max) {
        skipping = true;
        carry = whole.slice(0, TOO_LONG_HEAD);
        yield finish('');
        carry = '';
      } else yield finish(whole);
    }
    if (!skipping) {
      carry += text.slice(from);
      if (carry.length > max) {
        skipping = true;
        carry = carry.slice(0, TOO_LONG_HEAD);
      }
    }
    options.onBytes?.(bytes);
  }
  const tail = decoder.end();
  if (!skipping) carry += tail;
  if (skipping) yield finish('');
  else if (carry !== '') yield finish(carry);
}
