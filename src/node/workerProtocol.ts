/** Messages between `batch.ts` and `batchWorker.ts`. Plain data only: they are structured-cloned. */
import type { DecorumErrorCode, DecorumErrorDetails } from '../errors.js';
import type { ModeratorOptions } from '../schemas/options.js';
import type { BatchResult, OutputFormat } from './batchCore.js';

export interface WorkerInit {
  moderatorOptions: ModeratorOptions;
  format: OutputFormat;
}

/** An error as it crosses the thread boundary; `code` is set when it was a DecorumError. */
export interface WireError {
  code?: DecorumErrorCode;
  message: string;
  details?: DecorumErrorDetails;
  stack?: string;
}

export type WorkerReply = { type: 'ready' } | { type: 'result'; result: BatchResult } | { type: 'fatal'; seq?: number; error: WireError };
