/**
 * The work of one batch: parse, moderate and format its rows. It runs unchanged on the main
 * thread (`--workers 0`) and inside each worker thread, so both paths give identical output.
 * Everything that crosses a thread boundary here is plain data (structured-clone safe).
 */
import { formatVerdictRow, verdictJson } from '../cli/table.js';
import { parseRow, type InputComment, type RejectedLine } from '../cli/inputs.js';
import type { Moderator } from '../moderate.js';
import type { Action } from '../types.js';

export type OutputFormat = 'table' | 'json';

/** A raw JSONL line (parsed where the work is done, so the reading thread stays light) or a ready comment from a page. */
export type BatchJob = { line: number; raw: string; tooLong?: boolean; invalid?: string } | { comment: InputComment };

export interface BatchMessage {
  seq: number;
  /** Source name as reported in rejects: a path, or `<stdin>`. */
  file: string;
  /** Prefix of default ids (`name:line`) for rows without an `id`. */
  idPrefix: string;
  jobs: BatchJob[];
}

export interface BatchResult {
  seq: number;
  /** The formatted verdicts of the batch, in job order, ready to write. */
  output: string;
  classified: number;
  counts: Record<Action, number>;
  rejects: RejectedLine[];
}

const MAX_LINE_ERROR = 'line is too long to be a comment (the start of it is kept in "raw")';

export function runBatch(moderator: Moderator, batch: BatchMessage, format: OutputFormat): BatchResult {
  const counts: Record<Action, number> = { allow: 0, review: 0, reject: 0 };
  const rejects: RejectedLine[] = [];
  let output = '';
  let classified = 0;
  for (const job of batch.jobs) {
    let comment: InputComment;
    if ('comment' in job) comment = job.comment;
    else {
      const row = job.tooLong ? MAX_LINE_ERROR : (job.invalid ?? parseRow(job.raw));
      if (typeof row === 'string') {
        rejects.push({ file: batch.file, line: job.line, error: row, raw: job.raw });
        continue;
      }
      comment = {
        id: row.id === undefined ? `${batch.idPrefix}:${job.line}` : String(row.id),
        text: row.text,
        ...(row.article !== undefined ? { article: row.article } : {}),
        line: job.line,
      };
    }
    const verdict = moderator.moderate(comment.text, comment.article !== undefined ? { article: comment.article } : undefined);
    counts[verdict.action]++;
    classified++;
    output += format === 'json' ? verdictJson(comment, verdict) + '\n' : formatVerdictRow(comment, verdict) + '\n\n';
  }
  return { seq: batch.seq, output, classified, counts, rejects };
}
