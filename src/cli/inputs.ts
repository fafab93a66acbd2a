import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractPage } from '../corpus/extract.js';
import { DecorumError } from '../errors.js';
import { readTextFile } from '../node/utf8.js';

/** One comment to classify, wherever it came from. `line` is set for JSONL input. */
export interface InputComment {
  id: string;
  text: string;
  article?: string;
  author?: string | null;
  doc?: string;
  line?: number;
}

/** A JSONL line that could not be read, for the rejects report (`--rejects FILE`, one JSON object a line). */
export interface RejectedLine {
  file: string;
  line: number;
  error: string;
  raw: string;
}

/** Expands folders to their page and JSONL files, in name order. */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new DecorumError('IO', `input ${p} does not exist`, { file: p });
    }
    if (stat.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f.endsWith('.txt') || isJsonl(f)) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

export function isJsonl(file: string): boolean {
  return file === '-' || file.endsWith('.jsonl') || file.endsWith('.ndjson');
}

/** Comments of a page file, with the page's article for off-topic judgement. */
export function pageComments(file: string): InputComment[] {
  const page = extractPage(readTextFile(file, 'page', 'IO'), basename(file));
  const article = [page.title, page.article].filter(Boolean).join('\n\n');
  return page.comments.map((c) => ({ id: `${c.doc}#${c.index}`, text: c.text, article, author: c.author, doc: c.doc }));
}

/**
 * A row, or the reason it is not one. Streaming JSONL of any size is `classifyBatch` in
 * src/node/batch.ts; it calls this for every line, in a worker thread with `--workers`.
 */
export function parseRow(raw: string): { id?: string | number; text: string; article?: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return `not valid JSON: ${(e as Error).message}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string') return `field "text" must be a string, got ${v.text === undefined ? 'nothing' : typeof v.text}`;
  if (v.article !== undefined && typeof v.article !== 'string') return 'field "article" must be a string';
  if (v.id !== undefined && typeof v.id !== 'string' && typeof v.id !== 'number') return 'field "id" must be a string or a number';
  return { text: v.text, ...(v.id !== undefined ? { id: v.id as string | number } : {}), ...(v.article !== undefined ? { article: v.article as string } : {}) };
}
