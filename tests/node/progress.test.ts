import { describe, expect, it } from 'vitest';
import { createProgress, renderProgress } from '../../src/node/progress.js';

describe('progress bar', () => {
  it('shows lines read and lines/s, with a bar when the input size is known', () => {
    expect(renderProgress(12_345, 500, 1000, 2000, 100)).toMatch(/^\[#+-+\]  50% 12,345 lines read · 6,173 lines\/s$/);
    expect(renderProgress(10, 0, undefined, 1000, 80)).toBe('10 lines read · 10 lines/s'); // stdin: size unknown
  });

  it('draws nothing without a stream (stderr is not a terminal)', () => {
    const p = createProgress(undefined, 100);
    expect(() => (p.update(1, 1), p.done())).not.toThrow();
  });

  it('redraws in place at most once per interval, and erases itself when done', () => {
    const writes: string[] = [];
    let t = 0;
    const p = createProgress({ write: (s) => writes.push(s), columns: 80 }, 100, 200, () => t);
    t = 250;
    p.update(10, 10);
    t = 300;
    p.update(20, 20); // too soon: skipped
    t = 500;
    p.update(30, 30);
    p.done();
    expect(writes).toHaveLength(3);
    expect(writes.slice(0, 2).every((w) => w.startsWith('\r\x1b[2K'))).toBe(true);
    expect(writes[1]).toContain('30 lines read');
    expect(writes[2]).toBe('\r\x1b[2K');
  });
});
