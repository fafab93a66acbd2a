import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RejectedLine } from '../../src/cli/inputs.js';
import { isDecorumError } from '../../src/errors.js';
import { classifyBatch, formatSummary, type BatchSummary, type ClassifyBatchOptions } from '../../src/node/batch.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workerUrl = new URL('../../dist/node/batchWorker.js', import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'decorum-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fast moderator (rules and language only): these tests are about the pipeline, not the model. */
const LIGHT = { model: null, profanity: false } as const;

function collector() {
  let text = '';
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _e, done) {
      text += chunk;
      done();
    },
  });
  return { stream, text: () => text };
}

function nullSink() {
  return new Writable({ write: (_c, _e, done) => done() });
}

async function writeLines(file: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 1; i <= n; i++) if (!out.write(line(i) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function run(options: Omit<ClassifyBatchOptions, 'out' | 'format'> & { format?: 'json' | 'table' }) {
  const out = collector();
  const rejects: RejectedLine[] = [];
  const summary = await classifyBatch({ format: 'json', out: out.stream, rejects: (r) => rejects.push(r), ...options });
  const rows = out
    .text()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; line: number; action: string; labels: string[] });
  return { summary, rows, rejects, text: out.text() };
}

describe('classifyBatch: line accounting', () => {
  const file = join(tmp, 'mixed.jsonl');
  const lines = [
    '{"id":"a","text":"you absolute idiot"}', // 1 classified
    'not json', // 2 rejected
    '{"id":"b"}', // 3 rejected: missing text
    '{"text":42}', // 4 rejected: text not a string
    '', // 5 blank
    '   ', // 6 blank
    '{"text":"Lovely summit coverage"}\r', // 7 classified (CRLF)
    '[1,2]', // 8 rejected: not an object
    '{"text":"fine","article":7}', // 9 rejected: article not a string
    '{"id":9,"text":"Thanks for the reporting"}', // 10 classified
  ];
  beforeAll(() => writeFileSync(file, lines.join('\n')));

  it('every non-blank line is classified or rejected, with its line number and reason', async () => {
    const { summary, rows, rejects } = await run({ inputs: [file], moderatorOptions: LIGHT });
    expect(rows.map((r) => [r.id, r.line])).toEqual([
      ['a', 1],
      ['mixed.jsonl:7', 7],
      ['9', 10],
    ]);
    expect(rejects.map((r) => [r.line, r.file])).toEqual([
      [2, file],
      [3, file],
      [4, file],
      [8, file],
      [9, file],
    ]);
    expect(rejects.map((r) => r.error)).toEqual([
      expect.stringMatching(/not valid JSON/),
      'field "text" must be a string, got nothing',
      'field "text" must be a string, got number',
      'not a JSON object',
      'field "article" must be a string',
    ]);
    expect(rejects.map((r) => r.raw)).toEqual([lines[1], lines[2], lines[3], lines[7], lines[8]]);
    expect(summary).toMatchObject({ lines: 10, blank: 2, inputLines: 8, classifiedLines: 3, rejected: 5, classified: 3 });
    expect(summary.inputLines).toBe(summary.classifiedLines + summary.rejected);
    expect(summary.counts.allow + summary.counts.review + summary.counts.reject).toBe(3);
  });

  it('writes rejects as JSONL {file,line,error,raw} to a stream', async () => {
    const rejectsFile = join(tmp, 'rejects.jsonl');
    const stream = createWriteStream(rejectsFile);
    await classifyBatch({ inputs: [file], format: 'json', out: nullSink(), rejects: stream, moderatorOptions: LIGHT });
    stream.end();
    await once(stream, 'finish');
    const rows = readFileSync(rejectsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 8, 9]);
    for (const r of rows) expect(Object.keys(r)).toEqual(['file', 'line', 'error', 'raw']);
  });

  it('the summary states the identity and that blank lines were skipped', () => {
    const s: BatchSummary = { lines: 10, blank: 2, inputLines: 8, classifiedLines: 3, rejected: 5, pages: 0, pageComments: 0, emptyPages: [], classified: 3, counts: { allow: 2, review: 0, reject: 1 } };
    expect(formatSummary(s)).toContain('8 input lines = 3 classified + 5 rejected; 2 blank lines skipped (not counted as input)');
    expect(formatSummary(s)).toContain('8 comments read: 3 classified (2 allow, 0 review, 1 reject), 5 rejected');
  });

  it('rejects an over-long line instead of holding it, and counts it', async () => {
    const long = join(tmp, 'long.jsonl');
    writeFileSync(long, `{"text":"short one"}\n{"text":"${'a'.repeat(50_000)}"}\n{"text":"after"}\n`);
    const { summary, rows, rejects } = await run({ inputs: [long], moderatorOptions: LIGHT, maxLineLength: 10_000 });
    expect(rows.map((r) => r.line)).toEqual([1, 3]);
    expect(rejects.map((r) => [r.line, r.error])).toEqual([[2, expect.stringMatching(/too long/)]]);
    expect(rejects[0]!.raw.length).toBeLessThan(1000);
    expect(summary.inputLines).toBe(summary.classifiedLines + summary.rejected);
  });

  it('reads a file that starts with a byte order mark, and rejects a line that is not UTF-8 with its line number', async () => {
    const windows = join(tmp, 'windows.jsonl');
    writeFileSync(windows, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"a","text":"first"}\r\n'), Buffer.from('{"id":"b","text":"caf\u00e9"}\r\n', 'latin1'), Buffer.from('{"id":"c","text":"caf\u00e9"}\r\n')]));
    for (const workers of [0, 2]) {
      const { summary, rows, rejects } = await run({ inputs: [windows], moderatorOptions: LIGHT, workers, workerUrl });
      expect(rows.map((r) => [r.id, r.line])).toEqual([['a', 1], ['c', 3]]);
      expect(rejects.map((r) => [r.line, r.error])).toEqual([[2, expect.stringMatching(/^not valid UTF-8: byte 0xE9 at byte 22 of the line/)]]);
      expect(summary.inputLines).toBe(summary.classifiedLines + summary.rejected);
    }
  });

  it('a bad option is a DecorumError naming it', async () => {
    await expect(classifyBatch({ inputs: [file], format: 'json', out: nullSink(), workers: 1.5 })).rejects.toMatchObject({ code: 'INVALID_OPTION', details: { option: 'workers' } });
  });
});

describe('classifyBatch with worker threads (the built worker, dist/node/batchWorker.js)', () => {
  beforeAll(() => {
    if (!existsSync(fileURLToPath(workerUrl))) throw new Error('dist/node/batchWorker.js is missing: run `npm run build` (tsup entry node/batchWorker)');
  });

  // Batches of uneven cost (every other one has long comments) finish out of order across two
  // workers; the output must still follow the input.
  const file = join(tmp, 'order.jsonl');
  const N = 1200;
  beforeAll(() =>
    writeLines(file, N, (i) => {
      const heavy = Math.floor((i - 1) / 10) % 2 === 0;
      const text = heavy ? `Comment ${i} on the summit. ${'The talks on trade and tariffs went on late into the night. '.repeat(60)}` : `Comment ${i}: you idiot`;
      return i % 97 === 0 ? `{"id":"c${i}","text":` : JSON.stringify({ id: `c${i}`, text });
    }),
  );

  it('keeps the input order with 2 workers, and matches the single-thread output byte for byte', async () => {
    const inline = await run({ inputs: [file], moderatorOptions: LIGHT, batchSize: 10 });
    const pooled = await run({ inputs: [file], moderatorOptions: LIGHT, batchSize: 10, workers: 2, workerUrl });
    const expected = Array.from({ length: N }, (_, k) => k + 1).filter((i) => i % 97 !== 0);
    expect(pooled.rows.map((r) => r.line)).toEqual(expected);
    expect(pooled.rows.map((r) => r.id)).toEqual(expected.map((i) => `c${i}`));
    expect(pooled.rejects.map((r) => r.line)).toEqual(Array.from({ length: Math.floor(N / 97) }, (_, k) => 97 * (k + 1)));
    expect(pooled.text).toBe(inline.text);
    expect(pooled.summary).toEqual(inline.summary);
  });

  it('a moderator option error in the workers surfaces as the DecorumError', async () => {
    const error: unknown = await classifyBatch({ inputs: [file], format: 'json', out: nullSink(), workers: 2, workerUrl, moderatorOptions: { reviewAt: 7 } }).catch((e: unknown) => e);
    expect(isDecorumError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', message: expect.stringContaining('reviewAt') });
  });

  it('the built CLI finds its worker: --workers 2 prints what --workers 0 prints, and no progress bar off a terminal', () => {
    const cli = (w: string) => spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'classify', '--json', '--no-model', '--workers', w, file], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const one = cli('0');
    const two = cli('2');
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.trim().split('\n')).toHaveLength(N - Math.floor(N / 97));
    expect(two.stderr).toContain(`${N} input lines = ${N - 12} classified + 12 rejected; 0 blank lines skipped`);
    expect(two.stderr).not.toContain('\r');
  });
});

describe('classifyBatch: bounded memory and backpressure', () => {
  it('does not read ahead of a slow output: lines in flight stay within a few batches', async () => {
    const file = join(tmp, 'slow.jsonl');
    await writeLines(file, 3000, (i) => JSON.stringify({ text: `comment ${i} on the summit` }));
    let completedLines = 0;
    let worstLag = 0;
    const slow = new Writable({
      decodeStrings: false,
      highWaterMark: 1024,
      write(chunk: string, _e, done) {
        setTimeout(() => {
          completedLines += chunk.split('\n').length - 1;
          done();
        }, 1);
      },
    });
    await classifyBatch({
      inputs: [file],
      format: 'json',
      out: slow,
      moderatorOptions: LIGHT,
      batchSize: 50,
      onBatch: (t) => (worstLag = Math.max(worstLag, t.lines - completedLines)),
    });
    // Without awaiting 'drain' the reader races to the end (lag ≈ 3000 lines).
    expect(worstLag).toBeLessThanOrEqual(4 * 50);
  });

  it('retained heap is the same for 20k and 200k lines (streaming, nothing accumulates)', { timeout: 180_000 }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const articles = Array.from({ length: 8 }, (_, k) => `Article ${k} about the summit, trade, tariffs and the budget. `.repeat(40));

    const growth = async (n: number) => {
      const file = join(tmp, `mem-${n}.jsonl`);
      // Every line carries an article (~2.5 KB): were lines, verdicts or outputs kept, 200k lines would hold ~500 MB.
      await writeLines(file, n, (i) => (i % 500 === 0 ? 'broken' : JSON.stringify({ id: `m${i}`, text: `Comment ${i}: the tariffs will hurt farmers`, article: articles[i % 8] })));
      gc();
      const base = process.memoryUsage().heapUsed;
      let peak = 0;
      let batches = 0;
      const summary = await classifyBatch({
        inputs: [file],
        format: 'json',
        out: nullSink(),
        rejects: nullSink(),
        moderatorOptions: { ...LIGHT, bundledRules: false },
        onBatch: () => {
          if (++batches % 40 === 0) {
            gc();
            peak = Math.max(peak, process.memoryUsage().heapUsed - base);
          }
        },
      });
      rmSync(file);
      expect(summary.inputLines).toBe(n);
      expect(summary.rejected).toBe(n / 500);
      return peak;
    };
    const small = await growth(20_000);
    const large = await growth(200_000);
    console.log(`retained heap growth: 20k lines ${(small / 2 ** 20).toFixed(1)} MB, 200k lines ${(large / 2 ** 20).toFixed(1)} MB`);
    // Ten times the input must not mean more retained memory: allow GC noise, not a trend.
    expect(large).toBeLessThan(small + 8 * 1024 * 1024);
    expect(large).toBeLessThan(32 * 1024 * 1024);
  });
});
