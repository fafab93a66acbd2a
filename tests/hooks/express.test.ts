import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createModerator, type ModerateContext } from '../../src/moderate.js';
import { moderationMiddleware } from '../../src/hooks/express.js';
import type { Verdict } from '../../src/types.js';

const CLEAN = 'Thanks for the clear reporting on the summit and the trade talks.';
const SLUR = 'Go back to your country, you stupid retard';

const moderator = createModerator();
const servers: Server[] = [];

async function serve(app: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const post = (url: string, body: unknown, type = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** The route after the middleware: echoes what was attached, so a test sees that the request got through. */
function echo(req: Request, res: Response) {
  const attached = (req as Request & { moderation?: Verdict }).moderation;
  res.status(201).json({ reached: true, action: attached?.action, labels: attached?.labels, locals: (res.locals.moderation as Verdict | undefined)?.action });
}

describe('moderationMiddleware on a real Express server', () => {
  let base = '';
  const seen: Array<ModerateContext | undefined> = [];
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post('/comments', moderationMiddleware({ moderator }), echo);
    app.post('/held', moderationMiddleware({ moderatorOptions: { rejectAt: { slur: 1, insult: 1 } }, onReview: 'accept202' }), echo);
    app.post('/audit', moderationMiddleware({ moderator, onReject: 'next', attachAs: 'verdict' }), (req, res) => {
      res.json({ reached: true, action: (req as Request & { verdict?: Verdict }).verdict?.action });
    });
    app.post('/nested', moderationMiddleware({ moderator, textField: 'body.comment.body' }), echo);
    // The article comes from the app (here a fake lookup), not from the client.
    const spy = { moderate: (text: string, ctx?: ModerateContext) => (seen.push(ctx), moderator.moderate(text, ctx)) };
    app.post(
      '/articles/:id/comments',
      (req: Request & { article?: { text: string } }, _res: Response, next: NextFunction) => {
        req.article = { text: `Article ${req.params.id}: Putin says Trump is not to blame for the lack of improvement in ties.` };
        next();
      },
      moderationMiddleware({ moderator: spy, articleField: 'article.text' }),
      echo,
    );
    const calls: string[] = [];
    app.post(
      '/custom',
      moderationMiddleware<Request, Response>({
        moderator,
        handler: (verdict, req, res, next) => {
          calls.push(verdict.action);
          if (verdict.action === 'reject') res.status(451).json({ custom: true, calls: calls.length, text: (req.body as { text: string }).text });
          else next();
        },
      }),
      echo,
    );
    app.post(
      '/async-handler',
      moderationMiddleware({
        moderator,
        handler: async () => {
          await new Promise((r) => setTimeout(r, 1));
          throw new Error('storage is down');
        },
      }),
      echo,
    );
    app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => res.status(500).json({ handledError: err.message }));
    base = await serve(app);
  });

  it('a clean comment passes through, with the verdict on req and res.locals', async () => {
    const res = await post(`${base}/comments`, { text: CLEAN });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ reached: true, action: 'allow', labels: [], locals: 'allow' });
  });

  it('a slur is answered 422 with labels, reasons and match spans, and never reaches the route', async () => {
    const res = await post(`${base}/comments`, { text: SLUR });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error: string; action: string; labels: string[]; reasons: string[]; matches: Array<Record<string, unknown>>; reached?: boolean };
    expect(body.error).toBe('comment rejected');
    expect(body.action).toBe('reject');
    expect(body.labels).toContain('slur');
    expect(body.reasons.length).toBeGreaterThan(0);
    expect(body.reached).toBeUndefined();
    const slur = body.matches.find((m) => m.label === 'slur')!;
    expect(Object.keys(slur).sort()).toEqual(['end', 'label', 'ruleId', 'start', 'text']);
    expect(SLUR.slice(slur.start as number, slur.end as number)).toBe(slur.text);
  });

  it('an insult is rejected too', async () => {
    const res = await post(`${base}/comments`, { text: 'You are an idiot and a moron.' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { labels: string[] }).labels).toContain('insult');
  });

  it('with onReview "accept202", a comment held for review is answered 202 with its verdict', async () => {
    const res = await post(`${base}/held`, { text: 'You are an idiot and a moron.' });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { action: string; labels: string[]; matches: unknown[] };
    expect(body.action).toBe('review');
    expect(body.labels).toContain('insult');
    expect(body.matches.length).toBeGreaterThan(0);
    // A clean comment still goes through that route.
    expect((await post(`${base}/held`, { text: CLEAN })).status).toBe(201);
  });

  it('with onReject "next", a rejected comment reaches the route with its verdict under attachAs', async () => {
    const res = await post(`${base}/audit`, { text: SLUR });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reached: true, action: 'reject' });
  });

  it('missing or non-string text is a 400 naming the field, and the server keeps serving', async () => {
    for (const body of [{}, { text: 42 }, { text: null }, { text: ['a'] }, { comment: 'hi' }]) {
      const res = await post(`${base}/comments`, body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: string; field: string; message: string };
      expect(json.field).toBe('body.text');
      expect(json.message).toContain('req.body.text');
    }
    const wrongType = await post(`${base}/comments`, { text: 42 });
    expect(((await wrongType.json()) as { message: string }).message).toContain('must be a string, got number');
    expect((await post(`${base}/comments`, { text: CLEAN })).status).toBe(201);
  });

  it('a body that is not JSON is a 400, not a crash', async () => {
    const res = await post(`${base}/comments`, 'text=hello', 'text/plain');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('body.text');
  });

  it('without any body parser, the 400 says to mount one', async () => {
    const bare = express();
    bare.post('/comments', moderationMiddleware({ moderator }), echo);
    const url = await serve(bare);
    const res = await post(`${url}/comments`, { text: CLEAN });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/body parser such as express\.json\(\)/);
  });

  it('textField reads a nested dot path', async () => {
    expect((await post(`${base}/nested`, { comment: { body: SLUR } })).status).toBe(422);
    const missing = await post(`${base}/nested`, { comment: 'flat' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { field: string }).field).toBe('body.comment.body');
  });

  it('articleField passes the article the app loaded to the moderator', async () => {
    seen.length = 0;
    const res = await post(`${base}/articles/7/comments`, { text: 'Putin and Trump should talk more.' });
    expect(res.status).toBe(201);
    expect(seen).toEqual([{ article: expect.stringContaining('Article 7: Putin says Trump') }]);
  });

  it('a custom handler gets the verdict, req, res and next, and decides', async () => {
    const rejected = await post(`${base}/custom`, { text: SLUR });
    expect(rejected.status).toBe(451);
    expect(await rejected.json()).toEqual({ custom: true, calls: 1, text: SLUR });
    const clean = await post(`${base}/custom`, { text: CLEAN });
    expect(clean.status).toBe(201); // the handler called next()
  });

  it('an async handler that fails reaches the error handler through next(err)', async () => {
    const res = await post(`${base}/async-handler`, { text: CLEAN });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ handledError: 'storage is down' });
  });
});

describe('moderationMiddleware without Express (Node http, Connect-style)', () => {
  it('answers with plain ServerResponse methods and calls next() for clean text', async () => {
    const mw = moderationMiddleware({ moderator });
    const base = await serve((req, res) => {
      let data = '';
      req.setEncoding('utf8').on('data', (d: string) => (data += d));
      req.on('end', () => {
        (req as IncomingMessage & { body?: unknown }).body = JSON.parse(data);
        mw(req, res, (err?: unknown) => {
          res.statusCode = err ? 500 : 200;
          res.end(`next:${(req as IncomingMessage & { moderation?: Verdict }).moderation?.action}`);
        });
      });
    });
    expect(await (await post(base, { text: CLEAN })).text()).toBe('next:allow');
    const rejected = await post(base, { text: SLUR });
    expect(rejected.status).toBe(422);
    expect(((await rejected.json()) as { labels: string[] }).labels).toContain('slur');
  });
});

describe('moderationMiddleware options are checked when it is created', () => {
  const bad: Array<[string, unknown]> = [
    ['onReject', { onReject: 'reject' }],
    ['onReview', { onReview: 'accept' }],
    ['onreject', { onreject: 'next' }],
    ['textField', { textField: '' }],
    ['textField', { textField: 'body..text' }],
    ['articleField', { articleField: 'body.__proto__.x' }],
    ['handler', { handler: 'respond' }],
    ['attachAs', { attachAs: 'my verdict' }],
    ['moderator', { moderator: { check: () => null } }],
    ['moderatorOptions', { moderator, moderatorOptions: {} }],
    ['moderatorOptions.reviewAt', { moderatorOptions: { reviewAt: 7 } }],
    ['handler', { handler: () => {}, onReject: 'next' }],
  ];
  it.each(bad)('a wrong %s throws INVALID_OPTION naming it', (option, options) => {
    let error: unknown;
    try {
      moderationMiddleware(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'DecorumError', code: 'INVALID_OPTION', details: { option } });
    expect((error as Error).message).toContain(option);
  });

  it('options that are not an object are refused', () => {
    expect(() => moderationMiddleware('body.text' as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
