/**
 * A small comment service moderated by decorum, on Express and SQLite (better-sqlite3).
 *
 *   npm run build && node examples/comments-app/server.mjs     # PORT=3000, COMMENTS_DB=./comments.sqlite
 *
 * POST /articles/:id/comments {author, text}   → 201 published · 202 pending review · 422 rejected
 * GET  /articles                                 the seeded articles (id, title)
 * GET  /articles/:id/comments                    published comments only
 * GET  /review-queue                             comments waiting for a moderator
 * POST /review-queue/:commentId {decision}       'approve' publishes, 'reject' rejects
 *
 * Articles are seeded from the repository's corpus pages, so off-topic is judged against a real
 * article. Every comment is stored, rejected ones too, with its verdict, for auditing.
 * It uses the built package (dist/), exactly as an app using `decorum` from npm would.
 */
import express from 'express';
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createModerator, extractPage } from '../../dist/index.js';
import { moderationMiddleware } from '../../dist/express.js';

const PAGES_DIR = fileURLToPath(new URL('../../corpus/pages/', import.meta.url));
const DEFAULT_DB = fileURLToPath(new URL('./comments.sqlite', import.meta.url));

/** What each moderation action means for a stored comment, and the HTTP answer to its author. */
const STATUS_OF = { allow: 'published', review: 'pending', reject: 'rejected' };
const HTTP_OF = { published: 201, pending: 202, rejected: 422 };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id    TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL REFERENCES articles(id),
  author      TEXT,
  text        TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('allow', 'review', 'reject')),
  labels      TEXT NOT NULL,  -- JSON array of labels
  scores      TEXT NOT NULL,  -- JSON object, label → score
  reasons     TEXT NOT NULL,  -- JSON array of strings
  status      TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  reviewed_at TEXT
);
CREATE INDEX IF NOT EXISTS comments_by_article ON comments (article_id, status, id);
CREATE INDEX IF NOT EXISTS comments_by_status ON comments (status, id);
`;

/** Each corpus page becomes an article: its headline and body, as extracted by decorum. */
export function seedArticles(db, pagesDir = PAGES_DIR) {
  const insert = db.prepare('INSERT OR IGNORE INTO articles (id, title, body) VALUES (?, ?, ?)');
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.txt')).sort();
  db.transaction(() => {
    for (const f of files) {
      const page = extractPage(readFileSync(join(pagesDir, f), 'utf8'), f.replace(/\.txt$/, ''));
      if (page.article.trim() !== '') insert.run(page.doc, page.title, page.article);
    }
  })();
}

const publicComment = (row) => ({ id: row.id, author: row.author, text: row.text, createdAt: row.created_at });

export function createApp({ dbFile = process.env.COMMENTS_DB ?? DEFAULT_DB, pagesDir = PAGES_DIR, moderator = createModerator() } = {}) {
  const db = new Database(dbFile);
  if (dbFile !== ':memory:') db.pragma('journal_mode = WAL'); // readers (a dashboard, the tests) do not block writers
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  seedArticles(db, pagesDir);

  const sql = {
    article: db.prepare('SELECT id, title, body FROM articles WHERE id = ?'),
    articles: db.prepare('SELECT id, title FROM articles ORDER BY id'),
    insert: db.prepare(
      'INSERT INTO comments (article_id, author, text, action, labels, scores, reasons, status) VALUES (@articleId, @author, @text, @action, @labels, @scores, @reasons, @status)',
    ),
    published: db.prepare("SELECT id, author, text, created_at FROM comments WHERE article_id = ? AND status = 'published' ORDER BY id"),
    queue: db.prepare("SELECT id, article_id, author, text, labels, reasons, created_at FROM comments WHERE status = 'pending' ORDER BY id"),
    decide: db.prepare("UPDATE comments SET status = @status, reviewed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id AND status = 'pending'"),
  };

  const app = express();
  app.use(express.json({ limit: '64kb' }));

  /** Loads the article into req.article, where the moderation middleware reads it (articleField). */
  const loadArticle = (req, res, next) => {
    const row = sql.article.get(req.params.id);
    if (!row) return res.status(404).json({ error: `no article "${req.params.id}"` });
    req.article = { id: row.id, title: row.title, text: `${row.title}\n\n${row.body}` };
    next();
  };

  app.get('/articles', (_req, res) => res.json(sql.articles.all()));

  app.get('/articles/:id/comments', loadArticle, (req, res) => res.json(sql.published.all(req.params.id).map(publicComment)));

  app.post(
    '/articles/:id/comments',
    loadArticle,
    (req, res, next) => {
      const author = req.body?.author;
      if (author !== undefined && author !== null && (typeof author !== 'string' || author.length > 100)) {
        return res.status(400).json({ error: 'invalid comment', field: 'body.author', message: 'author must be a string of at most 100 characters' });
      }
      next();
    },
    // Every verdict reaches the route below (onReview/onReject 'next'): rejected comments are kept too.
    moderationMiddleware({ moderator, textField: 'body.text', articleField: 'article.text', onReview: 'next', onReject: 'next' }),
    (req, res) => {
      const verdict = req.moderation;
      const status = STATUS_OF[verdict.action];
      const { lastInsertRowid } = sql.insert.run({
        articleId: req.article.id,
        author: req.body.author ?? null,
        text: req.body.text,
        action: verdict.action,
        labels: JSON.stringify(verdict.labels),
        scores: JSON.stringify(verdict.scores),
        reasons: JSON.stringify(verdict.reasons),
        status,
      });
      res.status(HTTP_OF[status]).json({ id: Number(lastInsertRowid), status, action: verdict.action, labels: verdict.labels, ...(status === 'published' ? {} : { reasons: verdict.reasons }) });
    },
  );

  app.get('/review-queue', (_req, res) => {
    res.json(
      sql.queue.all().map((row) => ({ id: row.id, articleId: row.article_id, author: row.author, text: row.text, labels: JSON.parse(row.labels), reasons: JSON.parse(row.reasons), createdAt: row.created_at })),
    );
  });

  app.post('/review-queue/:commentId', (req, res) => {
    const decision = req.body?.decision;
    if (decision !== 'approve' && decision !== 'reject') {
      return res.status(400).json({ error: 'invalid decision', field: 'body.decision', message: 'decision must be "approve" or "reject"' });
    }
    const id = Number(req.params.commentId);
    const status = decision === 'approve' ? 'published' : 'rejected';
    const { changes } = Number.isInteger(id) ? sql.decide.run({ id, status }) : { changes: 0 };
    if (changes === 0) return res.status(404).json({ error: `no pending comment ${req.params.commentId}` });
    res.json({ id, status });
  });

  // Malformed JSON bodies and anything unexpected: a JSON answer, never an HTML stack trace.
  app.use((err, _req, res, _next) => {
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'internal error' : err.message });
  });

  return { app, db, close: () => db.close() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { app } = createApp();
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`comments app on http://${process.env.HOST ?? '127.0.0.1'}:${port}`));
}
