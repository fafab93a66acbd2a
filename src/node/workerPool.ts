import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DecorumError } from '../errors.js';
import type { Moderator } from '../moderate.js';
import { runBatch, type BatchMessage, type BatchResult, type OutputFormat } from './batchCore.js';
import type { WireError, WorkerInit, WorkerReply } from './workerProtocol.js';

/** Where batches are classified: on this thread, or by a pool of worker threads. */
export interface BatchProcessor {
  run(batch: BatchMessage): Promise<BatchResult>;
  close(): Promise<void>;
}

/** `--workers 0`: classify on the calling thread; no start-up cost, best for small inputs. */
export function inlineProcessor(moderator: Moderator, format: OutputFormat): BatchProcessor {
  return {
    run: (batch) => {
      try {
        return Promise.resolve(runBatch(moderator, batch, format));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    close: () => Promise.resolve(),
  };
}

/** URL of this module, in the ESM build (import.meta) and in the CommonJS one (where import.meta is empty). */
function moduleUrl(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url !== '') return url;
  return pathToFileURL(typeof __filename === 'string' ? __filename : process.cwd()).href;
}

/**
 * Finds the worker script next to the built module. tsup may put this code in dist/cli/main.js
 * or in a shared chunk at dist/, and the worker is always dist/node/batchWorker.js, so each
 * layout is tried. Run from sources (tests), there is no built worker: pass `workerUrl` then.
 */
export function resolveWorkerUrl(base: string = moduleUrl()): URL {
  const ext = base.endsWith('.cjs') ? '.cjs' : '.js';
  const candidates = [`./batchWorker${ext}`, `../node/batchWorker${ext}`, `./node/batchWorker${ext}`].map((p) => new URL(p, base));
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (found === undefined) {
    throw new DecorumError('IO', `cannot find the batch worker script (looked for ${candidates.map((u) => fileURLToPath(u)).join(', ')}); build the package with "npm run build"`, {
      file: fileURLToPath(candidates[0]!),
    });
  }
  return found;
}

function fromWire(error: WireError, where: string): Error {
  const e = error.code !== undefined ? new DecorumError(error.code, error.message, error.details ?? {}) : new Error(`${where}: ${error.message}`);
  if (error.stack !== undefined) e.stack = error.stack;
  return e;
}

interface Pending {
  resolve: (r: BatchResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** A worker answers batches in the order it got them, so a FIFO is enough. */
  pending: Pending[];
}

export interface WorkerPoolOptions {
  size: number;
  init: WorkerInit;
  workerUrl?: URL;
}

/**
 * Starts `size` workers and waits until each has built its moderator, so a bad option fails
 * before any input is read. After a worker fails, every later `run` rejects with that error.
 */
export async function startWorkerPool(options: WorkerPoolOptions): Promise<BatchProcessor> {
  const url = options.workerUrl ?? resolveWorkerUrl();
  const slots: Slot[] = [];
  let failure: unknown;
  let closing = false;

  const fail = (error: unknown) => {
    failure ??= error;
    for (const s of slots) for (const p of s.pending.splice(0)) p.reject(failure);
  };

  const ready = Array.from({ length: options.size }, (_, i) => {
    const worker = new Worker(url, { workerData: options.init });
    const slot: Slot = { worker, pending: [] };
    slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          started = true;
          resolve();
        } else if (reply.type === 'result') {
          slot.pending.shift()?.resolve(reply.result);
        } else {
          const error = fromWire(reply.error, `batch worker ${i + 1}`);
          if (!started) reject(error);
          fail(error);
        }
      });
      worker.on('error', (error) => {
        if (!started) reject(error);
        fail(error);
      });
      worker.on('exit', (code) => {
        if (closing) return;
        const error = new DecorumError('IO', `batch worker ${i + 1} stopped unexpectedly (exit code ${code})`);
        if (!started) reject(error);
        fail(error);
      });
    });
  });

  const close = async () => {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };

  try {
    await Promise.all(ready);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    run(batch) {
      if (failure !== undefined) return Promise.reject(failure);
      // Least-loaded worker: batches differ in cost (long articles), so round-robin would queue behind a slow one.
      let slot = slots[0]!;
      for (const s of slots) if (s.pending.length < slot.pending.length) slot = s;
      return new Promise<BatchResult>((resolve, reject) => {
        slot.pending.push({ resolve, reject });
        slot.worker.postMessage(batch);
      });
    },
    close,
  };
}
