import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommentsApp } from '../../examples/comments-app/server.mjs';

// The example runs on the built package (dist/), like an app that installed decorum from npm.
const built = ['../../dist/index.js', '../../dist/express.js'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

const tmp = mkdtempSync(join(tmpdir(), 'decorum-comments-app-'));
const dbFile = join(tmp, 'comments.sqlite');

interface Row {
  id: number;
  article_id: string;
  text: string;
  action: string;
  labels: string;
  status: string;
  reviewed_at: string | null;
}

let instance: CommentsApp;
let server: Server | undefined;
let base = '';
let article = '';

async function start(): Promise<void> {
  const { createApp } = await import('../../examples/comments-app/server.mjs');
  instance = createApp({ dbFile });
  const s = instance.app.listen(0, '127.0.0.1');
  server = s;
  await once(s, 'listening');
  base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function stop(): Promise<void> {
  const s = server!;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
  server = undefined;
  instance.close();
}

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const get = async <T>(path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
};

/** Reads the database the way an operator would: a separate connection to the same file. */
function stored(): Row[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, article_id, text, action, labels, status, reviewed_at FROM comments ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

const CLEAN = 'Putin is right that US domestic politics has blocked better ties with Russia.';
const INSULT = 'You are an idiot and a moron.';
const SPAM = 'I make $92 an hour from home, visit my site';

beforeAll(async () => {
  const missing = built.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`build the package first (npm run build): missing ${missing.join(', ')}`);
  await start();
});
afterAll(async () => {
  if (server !== undefined) await stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('examples/comments-app end to end (Express + SQLite + the built decorum)', () => {
  it('seeds articles from the corpus pages', async () => {
    const { status, body } = await get<Array<{ id: string; title: string }>>('/articles');
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThanOrEqual(5);
    article = body.find((a) => a.title.startsWith('Putin Says Trump Not to Blame'))!.id;
    expect(article).toBe('000_c77d67156aba59e4');
  });

  it('stores clean, insulting and off-topic comments as published, rejected and pending', async () => {
    const clean = await post(`/articles/${article}/comments`, { author: 'Ann', text: CLEAN });
    expect(clean).toMatchObject({ status: 201, body: { status: 'published', action: 'allow' } });
    const insult = await post(`/articles/${article}/comments`, { author: 'Bob', text: INSULT });
    expect(insult).toMatchObject({ status: 422, body: { status: 'rejected', action: 'reject' } });
    expect(insult.body.labels).toContain('insult');
    const spam = await post(`/articles/${article}/comments`, { author: 'Promo', text: SPAM });
    expect(spam).toMatchObject({ status: 202, body: { status: 'pending', action: 'review', labels: ['off_topic'] } });

    const rows = stored();
    expect(rows.map((r) => [r.text, r.article_id, r.action, r.status])).toEqual([
      [CLEAN, article, 'allow', 'published'],
      [INSULT, article, 'reject', 'rejected'],
      [SPAM, article, 'review', 'pending'],
    ]);
    expect(JSON.parse(rows[1]!.labels)).toContain('insult');
    expect(JSON.parse(rows[2]!.labels)).toEqual(['off_topic']);
  });

  it('bad requests are answered, and store nothing', async () => {
    const before = stored().length;
    expect((await post(`/articles/${article}/comments`, { author: 'Ann' })).status).toBe(400);
    expect((await post(`/articles/${article}/comments`, { text: 12 })).status).toBe(400);
    expect((await post(`/articles/${article}/comments`, { author: 5, text: CLEAN })).status).toBe(400);
    expect((await post('/articles/no-such-article/comments', { text: CLEAN })).status).toBe(404);
    const malformed = await fetch(`${base}/articles/${article}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":' });
    expect(malformed.status).toBe(400);
    expect(stored()).toHaveLength(before);
  });

  it('only published comments are listed under the article', async () => {
    const { body } = await get<Array<{ text: string }>>(`/articles/${article}/comments`);
    expect(body.map((c) => c.text)).toEqual([CLEAN]);
  });

  it('the review queue lists pending comments; approving one publishes it', async () => {
    const queue = await get<Array<{ id: number; text: string; labels: string[]; reasons: string[] }>>('/review-queue');
    expect(queue.body.map((c) => [c.text, c.labels])).toEqual([[SPAM, ['off_topic']]]);
    expect(queue.body[0]!.reasons.join(' ')).toMatch(/off_topic/);
    const id = queue.body[0]!.id;

    expect((await post(`/review-queue/${id}`, { decision: 'maybe' })).status).toBe(400);
    expect(await post(`/review-queue/${id}`, { decision: 'approve' })).toEqual({ status: 200, body: { id, status: 'published' } });

    const row = stored().find((r) => r.id === id)!;
    expect(row.status).toBe('published');
    expect(row.reviewed_at).not.toBeNull();
    expect((await get<unknown[]>('/review-queue')).body).toEqual([]);
    expect((await get<Array<{ text: string }>>(`/articles/${article}/comments`)).body.map((c) => c.text)).toEqual([CLEAN, SPAM]);
    // Deciding twice is refused: it is no longer pending.
    expect((await post(`/review-queue/${id}`, { decision: 'reject' })).status).toBe(404);
  });

  it('rejecting from the queue keeps the comment out of the article', async () => {
    const held = await post(`/articles/${article}/comments`, { author: 'Cat owner', text: 'My cat Whiskers went missing near the park last night, please call if seen' });
    expect(held.body.status).toBe('pending');
    expect(await post(`/review-queue/${String(held.body.id)}`, { decision: 'reject' })).toMatchObject({ status: 200, body: { status: 'rejected' } });
    expect(stored().find((r) => r.id === held.body.id)!.status).toBe('rejected');
    expect((await get<Array<{ text: string }>>(`/articles/${article}/comments`)).body).toHaveLength(2);
  });

  it('the data survives a restart, and articles are not seeded twice', async () => {
    await stop();
    await start();
    expect((await get<Array<{ text: string }>>(`/articles/${article}/comments`)).body.map((c) => c.text)).toEqual([CLEAN, SPAM]);
    expect((await get<unknown[]>('/articles')).body).toHaveLength(5);
  });
});
