/**
 * A one-line progress bar for long batch runs. It is only ever drawn on a terminal: on a pipe or
 * a file, carriage returns would corrupt the log, so the caller passes no stream there.
 */
export interface ProgressStream {
  write(s: string): unknown;
  columns?: number;
}

export interface Progress {
  /** Cheap to call often: redraws at most every `intervalMs`. */
  update(lines: number, bytes: number): void;
  /** Erases the bar so the summary starts on a clean line. */
  done(): void;
}

const NO_PROGRESS: Progress = { update: () => {}, done: () => {} };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function renderProgress(lines: number, bytes: number, totalBytes: number | undefined, elapsedMs: number, columns: number): string {
  const rate = elapsedMs > 0 ? (lines * 1000) / elapsedMs : 0;
  const stats = `${fmt(lines)} lines read · ${fmt(rate)} lines/s`;
  if (totalBytes === undefined || totalBytes <= 0) return stats;
  const ratio = Math.min(1, bytes / totalBytes);
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  const width = Math.max(10, Math.min(40, columns - stats.length - 10));
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct} ${stats}`;
}

export function createProgress(stream: ProgressStream | undefined, totalBytes: number | undefined, intervalMs = 200, now: () => number = Date.now): Progress {
  if (stream === undefined) return NO_PROGRESS;
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update(lines, bytes) {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      drawn = true;
      stream.write(`\r\x1b[2K${renderProgress(lines, bytes, totalBytes, t - started, stream.columns ?? 80)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
