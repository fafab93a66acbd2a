/**
 * Worker-thread entry of `decorum classify --workers N` (built to dist/node/batchWorker.js).
 * Each worker builds its moderator once, then answers batches one at a time, in the order sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isDecorumError } from '../errors.js';
import { createModerator, type Moderator } from '../moderate.js';
import { runBatch, type BatchMessage } from './batchCore.js';
import type { WireError, WorkerInit, WorkerReply } from './workerProtocol.js';

function toWire(error: unknown): WireError {
  if (isDecorumError(error)) return { code: error.code, message: error.message, details: error.details, ...(error.stack ? { stack: error.stack } : {}) };
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

const port = parentPort;
if (port === null) throw new Error('decorum batchWorker must be started as a worker thread');
const init = workerData as WorkerInit;
const post = (reply: WorkerReply) => port.postMessage(reply);

let moderator: Moderator | undefined;
try {
  moderator = createModerator(init.moderatorOptions);
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', error: toWire(error) });
}

if (moderator !== undefined) {
  const m = moderator;
  port.on('message', (batch: BatchMessage) => {
    try {
      post({ type: 'result', result: runBatch(m, batch, init.format) });
    } catch (error) {
      post({ type: 'fatal', seq: batch.seq, error: toWire(error) });
    }
  });
}
