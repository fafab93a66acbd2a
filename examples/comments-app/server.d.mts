// Types for the example (server.mjs is plain JavaScript), so the TypeScript test can import it.
import type { Express } from 'express';
import type { Database } from 'better-sqlite3';
import type { Moderator } from '../../src/moderate.js';

export interface CommentsAppOptions {
  /** SQLite file; `:memory:` for a throw-away database. Default: $COMMENTS_DB or comments.sqlite beside server.mjs. */
  dbFile?: string;
  /** Folder of page dumps to seed articles from. Default: the repository's corpus/pages. */
  pagesDir?: string;
  /** Default: createModerator(). */
  moderator?: Moderator;
}

export interface CommentsApp {
  app: Express;
  db: Database;
  close(): void;
}

export function seedArticles(db: Database, pagesDir?: string): void;
export function createApp(options?: CommentsAppOptions): CommentsApp;
