import { describe, expect, it } from 'vitest';
import { readLines, type SourceLine } from '../../src/node/lines.js';

async function* chunks(...parts: Array<string | Buffer>): AsyncGenerator<Buffer> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

async function all(source: AsyncIterable<Buffer>, maxLineLength?: number): Promise<SourceLine[]> {
  const out: SourceLine[] = [];
  for await (const l of readLines(source, maxLineLength === undefined ? {} : { maxLineLength })) out.push(l);
  return out;
}

describe('readLines', () => {
  it('numbers every line from 1, blank ones included, across chunk boundaries', async () => {
    const lines = await all(chunks('{"a":1}\n\n{"b"', ':2}\r', '\n   \nlast'));
    expect(lines.map((l) => [l.line, l.raw])).toEqual([
      [1, '{"a":1}'],
      [2, ''],
      [3, '{"b":2}'],
      [4, '   '],
      [5, 'last'],
    ]);
  });

  it('does not invent a line after a final newline', async () => {
    expect((await all(chunks('a\nb\n'))).map((l) => l.raw)).toEqual(['a', 'b']);
  });

  it('decodes a UTF-8 character split between two chunks', async () => {
    const bytes = Buffer.from('{"text":"naïve café 😀"}\n');
    const cut = bytes.indexOf(0xf0) + 2; // inside the 4-byte emoji
    const lines = await all(chunks(bytes.subarray(0, cut), bytes.subarray(cut)));
    expect(lines[0]!.raw).toBe('{"text":"naïve café 😀"}');
  });

  it('keeps only the head of an over-long line, still counts it, and carries on', async () => {
    const long = 'x'.repeat(5000);
    const lines = await all(chunks('ok\n', long.slice(0, 3000), long.slice(3000) + '\nafter\n', long), 1000);
    expect(lines.map((l) => [l.line, l.tooLong])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(lines[1]!.raw.length).toBeLessThanOrEqual(200);
    expect(lines[2]!.raw).toBe('after');
  });
});

describe('readLines: encodings', () => {
  it('drops a UTF-8 byte order mark at the start of the stream, even split across chunks, and nowhere else', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const lines = await all(chunks(bom.subarray(0, 1), Buffer.concat([bom.subarray(1), Buffer.from('{"a":1}\r\n')]), Buffer.concat([bom, Buffer.from('{"b":2}\n')])));
    expect(lines.map((l) => l.raw)).toEqual(['{"a":1}', '\uFEFF{"b":2}']);
    expect(lines.every((l) => l.invalid === undefined)).toBe(true);
  });

  it('reports a line that is not UTF-8 with the byte and where it is, and reads the next line as usual', async () => {
    const latin1 = Buffer.from('{"text":"caf\u00e9"}\n', 'latin1');
    const lines = await all(chunks('{"text":"ok"}\n', latin1, '{"text":"caf\u00e9 au lait"}\n'));
    expect(lines.map((l) => l.invalid)).toEqual([undefined, expect.stringMatching(/^not valid UTF-8: byte 0xE9 at byte 13 of the line/), undefined]);
    expect(lines[1]!.raw).toBe('{"text":"caf\uFFFD"}');
    expect(lines[2]!.raw).toBe('{"text":"caf\u00e9 au lait"}');
  });

  it('takes U+FFFD written as UTF-8 for what it is: a character, not an error', async () => {
    const lines = await all(chunks('{"text":"\uFFFD"}\n'));
    expect(lines[0]!.invalid).toBeUndefined();
  });
});

describe('readLines: any chunking gives the lines of the whole', () => {
  const strict = (bytes: Uint8Array): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  // The reference: the whole input cut at every newline byte, each line decoded on its own.
  function reference(whole: Buffer, max: number) {
    const out: Array<Pick<SourceLine, 'line' | 'raw' | 'tooLong'> & { bad: boolean }> = [];
    const pieces: Buffer[] = [];
    for (let from = 0, nl = whole.indexOf(0x0a); ; nl = whole.indexOf(0x0a, from)) {
      pieces.push(whole.subarray(from, nl === -1 ? whole.length : nl));
      if (nl === -1) break;
      from = nl + 1;
    }
    if (pieces.at(-1)!.length === 0) pieces.pop();
    pieces.forEach((p, k) => {
      let body = p.at(-1) === 0x0d ? p.subarray(0, -1) : p;
      if (k === 0 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
      const raw = body.toString('utf8');
      const tooLong = raw.length > max;
      out.push({ line: k + 1, raw: tooLong ? raw.slice(0, 200) : raw, tooLong, bad: !tooLong && !strict(body) });
    });
    return out;
  }

  it('holds for lines of good and bad bytes, CRLF, blanks, a BOM, cut anywhere', async () => {
    const { default: fc } = await import('fast-check');
    const lineBytes = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => Buffer.from(s.replace(/[\n]/g, ' '), 'utf8')),
      fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b.map((x) => (x === 0x0a ? 0x20 : x)))),
      fc.constant(Buffer.from('caf\u00e9', 'latin1')),
      fc.constant(Buffer.alloc(0)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(lineBytes, fc.boolean()), { maxLength: 25 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
        async (bom, lines, endsWithNewline, cuts) => {
          const body = Buffer.concat(lines.flatMap(([b, crlf], k) => [b, Buffer.from(k < lines.length - 1 || endsWithNewline ? (crlf ? '\r\n' : '\n') : '')]));
          const whole = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), body]);
          const parts: Buffer[] = [];
          for (let at = 0, k = 0; at < whole.length; k++) {
            const n = cuts[k % cuts.length]!;
            parts.push(whole.subarray(at, at + n));
            at += n;
          }
          const got = await all(chunks(...parts), 20);
          expect(got.map((l) => ({ line: l.line, raw: l.raw, tooLong: l.tooLong, bad: l.invalid !== undefined }))).toEqual(reference(whole, 20));
        },
      ),
      { numRuns: 600 },
    );
  });
});
