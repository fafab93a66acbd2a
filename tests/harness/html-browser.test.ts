/**
 * The HTML evaluation report, rendered by a real browser: the built CLI writes it, Debian's
 * Chromium (headless, through playwright-core) opens it from disk, and we check what a reader
 * sees. It also takes the README's screenshot: into a temporary folder on every run (so `npm test`
 * leaves the tracked docs/report.png alone), and into docs/report.png with
 * DECORUM_UPDATE_SCREENSHOT=1 (`npm run docs:screenshot`).
 *
 * Chromium is required, not optional: CI installs it (.ci/run), and a missing browser fails here
 * with instructions instead of quietly skipping the only test of what the page looks like.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EvalReport } from '../../src/harness/metrics.js';
import type { SweepResult } from '../../src/harness/sweep.js';
import { LABELS } from '../../src/types.js';

const CHROMIUM = '/usr/bin/chromium';
const root = new URL('../../', import.meta.url).pathname;
const cliPath = join(root, 'dist/cli/main.js');
const tmp = mkdtempSync(join(tmpdir(), 'decorum-html-'));
const updateReadme = process.env.DECORUM_UPDATE_SCREENSHOT === '1';
const screenshot = updateReadme ? join(root, 'docs/report.png') : join(tmp, 'report.png');
const reportFile = join(tmp, 'report.html');
const reportUrl = pathToFileURL(reportFile).href;

// One row labelled clean that the rules do flag: the report then always has a misclassified
// comment with a highlighted span, however well the model does on the test split.
const extra = join(tmp, 'extra.jsonl');
writeFileSync(extra, JSON.stringify({ id: 'browser-known-fp', text: 'What an idiot, honestly.', labels: [], source: 'written' }) + '\n');

const cli = (args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { cwd: root, encoding: 'utf8' });

let browser: Browser | undefined;
let page: Page;
let json: EvalReport & { sweep: SweepResult };
let cliOut = '';
const consoleErrors: string[] = [];
const requests: string[] = [];

const MISSING_CHROMIUM =
  `Chromium is not installed at ${CHROMIUM}; the HTML report tests render the page in it. Install it with ` +
  '`apt-get update && apt-get install -y chromium` (CI does this in .ci/run).';

// A test of its own, so a machine without Chromium shows a failed test with the fix, not only skipped ones.
it('Chromium is installed where the report tests expect it', () => {
  expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
});

async function openReport(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first; this test runs the built CLI.`);

  const html = cli(['eval', '--fixtures', 'corpus/fixtures/test.jsonl', '--fixtures', extra, '--html', reportFile, '--sweep']);
  if (html.status !== 0) throw new Error(`decorum eval --html exited ${html.status}: ${html.stderr}`);
  cliOut = html.stdout;
  // The same run as JSON: the numbers the page must show.
  const asJson = cli(['eval', '--fixtures', 'corpus/fixtures/test.jsonl', '--fixtures', extra, '--json', '--sweep']);
  if (asJson.status !== 0) throw new Error(`decorum eval --json exited ${asJson.status}: ${asJson.stderr}`);
  json = JSON.parse(asJson.stdout) as EvalReport & { sweep: SweepResult };

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(reportUrl, { waitUntil: 'load' });
}

/** Every cell's text, row by row, of a table body. */
async function tableCells(selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tbody tr`, (rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

describe('the HTML report in headless Chromium', () => {
  beforeAll(openReport);
  afterAll(async () => {
    await browser?.close();
  });

  it('the CLI wrote the page and printed the sweep', () => {
    expect(readFileSync(reportFile, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(cliOut).toContain('macro F1');
    for (const label of LABELS) expect(cliOut).toContain(label);
  });

  it('shows one row per label with the run\'s numbers', async () => {
    const rows = await tableCells('#labels');
    expect(rows.map((row) => row[0]!.replace(/ \*$/, ''))).toEqual([...LABELS]);
    for (const [i, label] of LABELS.entries()) {
      const m = json.labels[label];
      expect(rows[i]).toEqual([rows[i]![0], m.precision.toFixed(3), m.recall.toFixed(3), m.f1.toFixed(3), String(m.support), String(m.tp), String(m.fp), String(m.fn)]);
      expect(m.support).toBeGreaterThan(0);
    }
    const box = await page.locator('#labels').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(await page.locator('header').textContent()).toContain(`macro F1 ${json.macroF1.toFixed(3)}`);
  });

  it('shows the confusion matrix, gold by predicted, with the diagonal marked', async () => {
    const keys = [...LABELS, 'none'] as const;
    const header = await page.$$eval('#confusion thead th', (cells) => cells.map((c) => (c.textContent ?? '').trim()));
    expect(header).toEqual(['gold \\ predicted', ...keys]);
    const rows = await tableCells('#confusion');
    expect(rows).toEqual(keys.map((gold) => [gold, ...keys.map((predicted) => String(json.confusion[gold][predicted]))]));
    const diagonal = await page.$$eval('#confusion td.diag', (cells) => cells.map((c) => (c.textContent ?? '').trim()));
    expect(diagonal).toEqual(keys.map((k) => String(json.confusion[k][k])));
  });

  it('draws four precision–recall curves with axes, labels and a visible line', async () => {
    const curves = page.locator('svg.pr-curve');
    expect(await curves.count()).toBe(4);
    for (const [i, label] of LABELS.entries()) {
      const svg = curves.nth(i);
      expect(await svg.getAttribute('data-label')).toBe(label);
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(150);
      expect(box?.height).toBeGreaterThan(120);
      const texts = await svg.locator('text').allTextContents();
      expect(texts).toEqual(expect.arrayContaining(['recall', 'precision', '0', '0.5', '1']));
      // A drawn line, not just a frame: the polyline has points and takes up space on screen.
      const line = svg.locator('polyline');
      expect(await line.count()).toBe(1);
      const points = (await line.getAttribute('points'))?.trim().split(/\s+/) ?? [];
      expect(points.length).toBe(json.sweep.labels[label].filter((p) => p.tp + p.fp > 0).length);
      const lineBox = await line.boundingBox();
      expect((lineBox?.width ?? 0) + (lineBox?.height ?? 0)).toBeGreaterThan(0);
      expect(await svg.locator('circle.operating').count()).toBe(1);
    }
    const captions = await page.locator('#pr-curves figcaption').allTextContents();
    for (const [i, label] of LABELS.entries()) {
      const best = json.sweep.best[label];
      expect(captions[i]).toBe(best === null ? label : `${label} — best F1 ${best.f1.toFixed(3)} at ${best.threshold.toFixed(2)}`);
    }
  });

  it('lists the misclassified comments, with matched spans in <mark>', async () => {
    const items = page.locator('#errors li.error');
    expect(await items.count()).toBe(json.errors.length);
    expect(json.errors.length).toBeGreaterThan(0);
    const withSpans = json.errors.filter((e) => e.matches.length > 0);
    expect(withSpans.length).toBeGreaterThan(0);
    const marks = page.locator('#errors mark');
    expect(await marks.count()).toBeGreaterThanOrEqual(withSpans.length);
    // The first error with a match: its mark shows the matched text, names the rule, and is on screen.
    const first = withSpans[0]!;
    const index = json.errors.indexOf(first);
    const mark = items.nth(index).locator('mark').first();
    const span = [...first.matches].sort((a, b) => a.start - b.start)[0]!;
    expect(await mark.textContent()).toBe(first.text.slice(span.start, span.end));
    expect(await mark.getAttribute('data-rule')).toContain(span.ruleId);
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
    // Runs in the page; typed by hand because this project's TypeScript has no DOM library.
    type View = { getComputedStyle(element: unknown): { backgroundColor: string } };
    const background = await mark.evaluate((el) => (el as unknown as { ownerDocument: { defaultView: View } }).ownerDocument.defaultView.getComputedStyle(el).backgroundColor);
    // The highlight colour from the page's CSS (#ffe08a), or the counter-speech one (#d7e8ff).
    expect(['rgb(255, 224, 138)', 'rgb(215, 232, 255)']).toContain(background);
  });

  it('logs no console errors and loads nothing but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it(`takes the README screenshot (top 1200px)${updateReadme ? ' to docs/report.png' : ''}`, async () => {
    if (updateReadme) mkdirSync(join(root, 'docs'), { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1200 } });
    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 1200]);
    // The curves are in the shot, not below it.
    const curves = await page.locator('#pr-curves svg.pr-curve').first().boundingBox();
    expect((curves?.y ?? Infinity) + (curves?.height ?? 0)).toBeLessThan(1200);
  });
});
