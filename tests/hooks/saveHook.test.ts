import { describe, expect, it } from 'vitest';
import { createHook } from '../../src/hooks/saveHook.js';
import { createModerator, type ModerateContext, type Moderator } from '../../src/moderate.js';
import type { Action, Verdict } from '../../src/types.js';

const moderator = createModerator();
const CLEAN = 'Thanks for the clear reporting on the summit and the trade talks.';
const SLUR = 'Go back to your country, you stupid retard';
const INSULT = 'You are an idiot and a moron.';

/** A moderator whose action is written in the text ("review: ..."), for exact control in the concurrency test. */
const scripted: Moderator = {
  moderate(text: string): Verdict {
    const action = (/^(allow|review|reject):/.exec(text)?.[1] ?? 'allow') as Action;
    return { labels: [], scores: { slur: 0, insult: 0, partisan_epithet: 0, off_topic: 0 }, action, matches: [], language: 'eng', reasons: [text] };
  },
};

describe('createHook', () => {
  it('moderates record.text and awaits the callback of the action, returning its result', async () => {
    const calls: string[] = [];
    const hook = createHook<{ text: string; id: number }, string>({
      moderator,
      onAllow: (r, v) => (calls.push(`allow ${r.id}`), `published ${v.action}`),
      onReview: async (r) => (calls.push(`review ${r.id}`), 'queued'),
      onReject: async (r, v) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        calls.push(`reject ${r.id}`);
        return `rejected for ${v.labels.join('+')}`;
      },
    });
    const clean = await hook({ id: 1, text: CLEAN });
    expect(clean).toMatchObject({ action: 'allow', result: 'published allow', verdict: { action: 'allow', labels: [] } });
    const slur = await hook({ id: 2, text: SLUR });
    expect(slur.action).toBe('reject');
    expect(slur.verdict.labels).toContain('slur');
    expect(slur.result).toMatch(/^rejected for .*slur/);
    expect(calls).toEqual(['allow 1', 'reject 2']); // the async callback finished before the hook resolved
  });

  it('without a callback for the action, result is undefined', async () => {
    const hook = createHook({ moderator, onAllow: () => 'x' });
    expect(await hook({ text: INSULT })).toMatchObject({ action: 'reject', result: undefined });
  });

  it('getText and getArticle read other record shapes; the article reaches the moderator', async () => {
    const seen: Array<ModerateContext | undefined> = [];
    const spy: Moderator = { moderate: (t, c) => (seen.push(c), moderator.moderate(t, c)) };
    const hook = createHook<{ body: string; post: { title: string } | null }>({ moderator: spy, getText: (r) => r.body, getArticle: (r) => r.post?.title ?? null });
    await hook({ body: CLEAN, post: { title: 'Summit ends without a trade deal' } });
    await hook({ body: CLEAN, post: null });
    expect(seen).toEqual([{ article: 'Summit ends without a trade deal' }, undefined]);
  });

  it('errors thrown by callbacks propagate (that is how a hook blocks a save)', async () => {
    const sync = createHook({ moderator, onReject: () => { throw new Error('blocked: slur'); } });
    await expect(sync({ text: SLUR })).rejects.toThrow('blocked: slur');
    const async_ = createHook({ moderator, onAllow: async () => Promise.reject(new Error('db down')) });
    await expect(async_({ text: CLEAN })).rejects.toThrow('db down');
  });

  it('a record without a string text rejects with INVALID_INPUT, not a crash', async () => {
    const hook = createHook({ moderator });
    await expect(hook({ text: 5 } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'text' } });
    await expect(hook(null as never)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'createHook: the record must be an object with a text field, got null', details: { field: 'record' } });
    const badArticle = createHook({ moderator, getArticle: () => 3 as never });
    await expect(badArticle({ text: CLEAN })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'article' } });
  });

  it('concurrent calls keep their own verdicts and results, whatever order callbacks finish in', async () => {
    const hook = createHook<{ id: number; text: string }, string>({
      moderator: scripted,
      // Later records finish first: shared mutable state would mix results up.
      onAllow: async (r, v) => (await new Promise((res) => setTimeout(res, 40 - r.id)), `${r.id}:${v.reasons[0]}`),
      onReview: async (r, v) => (await new Promise((res) => setTimeout(res, 40 - r.id)), `${r.id}:${v.reasons[0]}`),
      onReject: async (r, v) => (await new Promise((res) => setTimeout(res, 40 - r.id)), `${r.id}:${v.reasons[0]}`),
    });
    const actions: Action[] = ['allow', 'review', 'reject'];
    const records = Array.from({ length: 30 }, (_, id) => ({ id, text: `${actions[id % 3]}: comment ${id}` }));
    const outcomes = await Promise.all(records.map((r) => hook(r)));
    outcomes.forEach((o, id) => {
      expect(o.action).toBe(actions[id % 3]);
      expect(o.result).toBe(`${id}:${records[id]!.text}`);
      expect(o.verdict.reasons).toEqual([records[id]!.text]);
    });
  });

  it('wrong options throw INVALID_OPTION naming the option', () => {
    const cases: Array<[string, unknown]> = [
      ['onAllow', { onAllow: 'publish' }],
      ['getText', { getText: 'body' }],
      ['moderator', { moderator: {} }],
      ['onSave', { onSave: () => {} }],
    ];
    for (const [option, options] of cases) {
      expect(() => createHook(options as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: { option } }));
    }
  });
});
