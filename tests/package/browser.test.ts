/**
 * The README says the main entry is browser-safe. Here it is held to that: the built `dist/index.js`
 * is bundled for the browser with esbuild (as an app's bundler would: no Node built-ins, no
 * polyfills), loaded into Debian's Chromium (headless, through playwright-core), and made to
 * moderate comments. Its verdicts must be the ones Node gives, to the last character, and it must
 * make no network request (the rules and the model travel inside the bundle).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createModerator } from '../../dist/index.js';

const CHROMIUM = '/usr/bin/chromium';
const root = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'decorum-browser-'));
const bundle = join(tmp, 'decorum.browser.js');

/** Comments of every kind: the seed comments' problems, evasions, other languages, furniture, and an article. */
const COMMENTS: Array<{ text: string; article?: string }> = [
  { text: 'I feel certain Russia’s are in awe that we would send a absolute retard to represent the US.' },
  { text: 'Theretard tha was cheated into the White House isn’t capable of handling feeding his dog.' },
  { text: 'The stupid, ignorant D-RATs and their TDS’ers in congress, bejing biden, a demented clown.' },
  { text: 'y o u  a r e  a n  i d i 0 t, r3tard', article: 'Putin blames the US for the state of relations.' },
  { text: 'Calling people "retards" says more about you.' },
  { text: 'Upvote Downvote Reply', article: 'The summit ended without a deal on arms control.' },
  { text: 'The summit ended without a deal, and both sides blamed the other.', article: 'The summit ended without a deal on arms control.' },
  { text: 'Los líderes no llegaron a ningún acuerdo en la cumbre.', article: 'The summit ended without a deal on arms control.' },
  { text: 'Buy cheap watches at www.example.com' },
  { text: 'Ты идиот, и все это знают.' },
  { text: '\u0456di\u043et and m\u043er\u043en, sp\u200belled with look-alikes' },
];

let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (CI does this in .ci/run)`);
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first; this test bundles the built package.');
  // An error here (a Node built-in the browser lacks) fails the test with esbuild's message.
  await build({
    stdin: { contents: "import * as decorum from './dist/index.js'; globalThis.decorum = decorum;", resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    outfile: bundle,
    logLevel: 'error',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setContent('<!doctype html><title>decorum</title>');
  await page.addScriptTag({ content: readFileSync(bundle, 'utf8') });
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the main entry, bundled for the browser', () => {
  it('moderates in Chromium exactly as in Node, with no network request', async () => {
    const inBrowser = await page.evaluate((comments) => {
      const d = (globalThis as unknown as { decorum: typeof import('../../dist/index.js') }).decorum;
      const m = d.createModerator();
      return comments.map((c) => m.moderate(c.text, c.article === undefined ? undefined : { article: c.article }));
    }, COMMENTS);
    const m = createModerator();
    const inNode = COMMENTS.map((c) => m.moderate(c.text, c.article === undefined ? undefined : { article: c.article }));
    expect(inBrowser).toEqual(inNode);
    // The verdicts are not all alike: the comparison covers rejects, reviews and allows in several languages.
    expect(new Set(inNode.map((v) => v.action))).toEqual(new Set(['allow', 'review', 'reject']));
    expect(new Set(inNode.map((v) => v.language)).size).toBeGreaterThanOrEqual(3);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('throws the same typed errors there', async () => {
    const codes = await page.evaluate(() => {
      const d = (globalThis as unknown as { decorum: typeof import('../../dist/index.js') }).decorum;
      const code = (f: () => unknown) => {
        try {
          f();
          return 'no error';
        } catch (e) {
          return d.isDecorumError(e) ? e.code : String(e);
        }
      };
      return [code(() => d.createModerator().moderate(42 as never)), code(() => d.createModerator({ maxLength: -1 })), code(() => d.parseModel({ format: 'x' }))];
    });
    expect(codes).toEqual(['INVALID_INPUT', 'INVALID_OPTION', 'MODEL_FORMAT']);
  });
});
