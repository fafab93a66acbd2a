/**
 * Batch classification of comment dumps of any size (`decorum classify`).
 *
 * Memory stays bounded: lines are pulled from the input only as fast as verdicts are written,
 * at most `2 × workers` batches are in flight, and output and rejects are written as each batch
 * completes (awaiting 'drain' when the destination is slow). Nothing grows with the input.
 *
 * Output keeps the input order: batches are numbered when read and written strictly in that
 * order, whichever worker finishes first.
 */
import { createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { isJsonl, pageComments, type RejectedLine } from '../cli/inputs.js';
import { DecorumError, shown } from '../errors.js';
import { createModerator, type Moderator } from '../moderate.js';
import type { ModeratorOptions } from '../schemas/options.js';
import type { Action } from '../types.js';
import type { BatchJob, BatchMessage, BatchResult, OutputFormat } from './batchCore.js';
import { readLines } from './lines.js';
import { createProgress, type ProgressStream } from './progress.js';
import { inlineProcessor, startWorkerPool, type BatchProcessor } from './workerPool.js';

export type { OutputFormat } from './batchCore.js';

/** Where rejected lines go: a stream of JSONL `{file,line,error,raw}`, or a callback (e.g. a stderr report). */
export type RejectSink = Writable | ((r: RejectedLine) => void);

export interface ClassifyBatchOptions {
  /** Expanded inputs: JSONL files, page `.txt` files, `-` for standard input. */
  inputs: readonly string[];
  format: OutputFormat;
  /** Verdicts, in input order. */
  out: Writable;
  /** Rejected lines. Default: dropped (they are still counted in the summary). */
  rejects?: RejectSink;
  /** Worker threads; 0 classifies on this thread. Default 0. */
  workers?: number;
  /** Options for each moderator (sent to every worker, so plain data only). */
  moderatorOptions?: ModeratorOptions;
  /** A ready moderator for `workers: 0` (a Moderator object cannot be sent to a worker). */
  moderator?: Moderator;
  /** The worker script; default: dist/node/batchWorker.js next to the built package. */
  workerUrl?: URL;
  /** Lines per batch sent to a worker. Default 256. */
  batchSize?: number;
  /** A batch is also cut when its lines reach this many characters, so long lines cannot swell it. Default 4 Mi. */
  maxBatchChars?: number;
  /** Longer lines are rejected without being kept whole. Default 16 Mi characters. */
  maxLineLength?: number;
  /** Draws a progress bar here; pass it only when it is a terminal. */
  progress?: ProgressStream;
  /** Standard input, for `-`. Default process.stdin. */
  stdin?: AsyncIterable<Buffer | string>;
  /** Called after each batch is written, with the running totals (observability, tests). */
  onBatch?: (totals: Readonly<BatchSummary>) => void;
}

export interface BatchSummary {
  /** Physical JSONL lines read, blank ones included. */
  lines: number;
  /** Blank JSONL lines: skipped, not input. */
  blank: number;
  /** Non-blank JSONL lines: each one is either classified or rejected. */
  inputLines: number;
  classifiedLines: number;
  rejected: number;
  pages: number;
  pageComments: number;
  /** Pages in which no reader comment was found (a page is not a comment list: see the summary). */
  emptyPages: string[];
  /** Every comment classified: JSONL lines plus page comments. */
  classified: number;
  counts: Record<Action, number>;
}

const DEFAULT_BATCH_SIZE = 256;
const DEFAULT_MAX_BATCH_CHARS = 4 * 1024 * 1024;

function checkInteger(value: number | undefined, name: string, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new DecorumError('INVALID_OPTION', `${name} must be a whole number from ${min} to ${max}, got ${shown(value)}`, { option: name });
  }
}

async function write(stream: Writable, chunk: string): Promise<void> {
  // events.once rejects if the stream errors while we wait, so a dead pipe cannot hang us.
  if (!stream.write(chunk)) await once(stream, 'drain');
}

function totalBytes(inputs: readonly string[]): number | undefined {
  let total = 0;
  for (const f of inputs) {
    if (f === '-') return undefined;
    try {
      total += statSync(f).size;
    } catch {
      return undefined;
    }
  }
  return total;
}

interface ReadState {
  summary: BatchSummary;
  bytes: number;
}

/** Cuts the inputs into numbered batches, one source at a time, pulling lines only on demand. */
async function* readBatches(options: ClassifyBatchOptions, state: ReadState, onRead: () => void): AsyncGenerator<BatchMessage> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxChars = options.maxBatchChars ?? DEFAULT_MAX_BATCH_CHARS;
  const s = state.summary;
  let seq = 0;
  let doneBytes = 0;
  for (const file of options.inputs) {
    if (!isJsonl(file)) {
      const comments = pageComments(file);
      s.pages++;
      if (comments.length === 0) s.emptyPages.push(file);
      s.pageComments += comments.length;
      for (let i = 0; i < comments.length; i += size) {
        yield { seq: seq++, file, idPrefix: basename(file), jobs: comments.slice(i, i + size).map((comment) => ({ comment })) };
      }
      try {
        doneBytes += statSync(file).size;
      } catch {
        /* progress only */
      }
      state.bytes = doneBytes;
      continue;
    }
    const name = file === '-' ? '<stdin>' : file;
    const source = file === '-' ? (options.stdin ?? process.stdin) : createReadStream(file);
    const lines = readLines(source, {
      ...(options.maxLineLength !== undefined ? { maxLineLength: options.maxLineLength } : {}),
      onBytes: (b) => (state.bytes = doneBytes + b),
    });
    let jobs: BatchJob[] = [];
    let chars = 0;
    try {
      for await (const l of lines) {
        s.lines++;
        if (!l.tooLong && l.raw.trim() === '') {
          s.blank++;
          continue;
        }
        s.inputLines++;
        jobs.push(l.tooLong ? { line: l.line, raw: l.raw, tooLong: true } : l.invalid !== undefined ? { line: l.line, raw: l.raw, invalid: l.invalid } : { line: l.line, raw: l.raw });
        chars += l.raw.length;
        if (jobs.length >= size || chars >= maxChars) {
          yield { seq: seq++, file: name, idPrefix: basename(name), jobs };
          jobs = [];
          chars = 0;
          onRead();
        }
      }
    } catch (cause) {
      if (cause instanceof DecorumError) throw cause;
      throw new DecorumError('IO', `cannot read ${name}: ${(cause as Error).message}`, { file: name }, { cause });
    }
    if (jobs.length > 0) yield { seq: seq++, file: name, idPrefix: basename(name), jobs };
    doneBytes = state.bytes;
    onRead();
  }
}

async function startProcessor(options: ClassifyBatchOptions, workers: number): Promise<BatchProcessor> {
  if (workers === 0) return inlineProcessor(options.moderator ?? createModerator(options.moderatorOptions), options.format);
  if (options.moderator !== undefined) {
    throw new DecorumError('INVALID_OPTION', 'moderator: a Moderator object cannot be sent to worker threads; pass moderatorOptions with workers > 0', { option: 'moderator' });
  }
  return startWorkerPool({
    size: workers,
    init: { moderatorOptions: options.moderatorOptions ?? {}, format: options.format },
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
}

/**
 * Classifies every input and writes verdicts in input order. Resolves with the line accounting:
 * `inputLines = classifiedLines + rejected`, blank lines counted apart in `blank`.
 */
export async function classifyBatch(options: ClassifyBatchOptions): Promise<BatchSummary> {
  const workers = options.workers ?? 0;
  checkInteger(workers, 'workers', 0, 256);
  checkInteger(options.batchSize, 'batchSize', 1, 1_000_000);
  checkInteger(options.maxBatchChars, 'maxBatchChars', 1, Number.MAX_SAFE_INTEGER);
  checkInteger(options.maxLineLength, 'maxLineLength', 1, Number.MAX_SAFE_INTEGER);

  const summary: BatchSummary = { lines: 0, blank: 0, inputLines: 0, classifiedLines: 0, rejected: 0, pages: 0, pageComments: 0, emptyPages: [], classified: 0, counts: { allow: 0, review: 0, reject: 0 } };
  const state: ReadState = { summary, bytes: 0 };
  const progress = createProgress(options.progress, totalBytes(options.inputs));
  const showProgress = () => progress.update(summary.lines + summary.pageComments, state.bytes);
  const rejects = options.rejects;

  // Two batches per worker: one being classified, one waiting, so no worker idles while the
  // main thread writes; more would only hold more lines in memory.
  const maxInFlight = Math.max(2, workers * 2);
  const queue: Array<Promise<BatchResult>> = [];

  const processor = await startProcessor(options, workers);
  const flushHead = async () => {
    const result = await queue.shift()!;
    if (result.output !== '') await write(options.out, result.output);
    for (const r of result.rejects) {
      if (typeof rejects === 'function') rejects(r);
      else if (rejects !== undefined) await write(rejects, JSON.stringify(r) + '\n');
    }
    summary.classified += result.classified;
    summary.rejected += result.rejects.length;
    for (const a of ['allow', 'review', 'reject'] as const) summary.counts[a] += result.counts[a];
    summary.classifiedLines = summary.classified - summary.pageComments;
    options.onBatch?.(summary);
    showProgress();
  };

  try {
    for await (const batch of readBatches(options, state, showProgress)) {
      const pending = processor.run(batch);
      // Awaited later, in order; this only keeps Node from calling an early failure "unhandled".
      pending.catch(() => {});
      queue.push(pending);
      while (queue.length >= maxInFlight) await flushHead();
    }
    while (queue.length > 0) await flushHead();
  } finally {
    progress.done();
    await processor.close();
  }
  summary.classifiedLines = summary.classified - summary.pageComments;
  return summary;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Says which pages held no reader comment, and why that can be: a page is read for its comment
 * section, and one without a widget line has none to read (a list of comments is JSONL).
 */
export function noCommentsNote(pages: readonly string[]): string {
  const names = pages.slice(0, 5).join(', ') + (pages.length > 5 ? ` and ${pages.length - 5} more` : '');
  return `decorum: no reader comments found in ${plural(pages.length, 'page')} (${names}): comments are read after a comment-section line such as "12 Comments", "Notify of" or "Leave a Reply", or as "Name says:" lines; for a list of comments, give JSONL {"text": ...} per line`;
}

/**
 * The closing report. The first line keeps the wording of earlier versions; the second proves the
 * JSONL accounting (every non-blank line is classified or rejected) and says blank lines were skipped.
 */
export function formatSummary(s: BatchSummary): string {
  const read = s.classified + s.rejected;
  const lines = [`decorum: ${plural(read, 'comment')} read: ${s.classified} classified (${s.counts.allow} allow, ${s.counts.review} review, ${s.counts.reject} reject), ${s.rejected} rejected`];
  if (s.lines > 0) {
    lines.push(
      `decorum: ${plural(s.inputLines, 'input line')} = ${s.classifiedLines} classified + ${s.rejected} rejected; ${plural(s.blank, 'blank line')} skipped (not counted as input); ${plural(s.lines, 'line')} read in all`,
    );
  }
  if (s.pages > 0) lines.push(`decorum: ${plural(s.pageComments, 'comment')} from ${plural(s.pages, 'page')}`);
  if (s.emptyPages.length > 0) lines.push(noCommentsNote(s.emptyPages));
  return lines.join('\n') + '\n';
}
