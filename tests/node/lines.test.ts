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
