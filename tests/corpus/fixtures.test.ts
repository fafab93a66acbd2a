/**
 * Provenance of decorum's own fixtures. The fixture schema lets a user's rows carry any `source`
 * or none; the project's rows must each say where they come from: drawn from a seed page in
 * corpus/pages (`seed:<file>`, a file that exists) or written for the project (`written`).
 * Nothing may come from the evaluation datasets (bench/accuracy/run.mjs checks the texts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { readFixtures } from '../../src/node/fixtures.js';

const dir = new URL('../../corpus/fixtures/', import.meta.url).pathname;
const pages = new Set(readdirSync(new URL('../../corpus/pages/', import.meta.url)));

describe('corpus/fixtures provenance', () => {
  it.each(['train.jsonl', 'test.jsonl'])('%s: every row is seed:<a page in corpus/pages> or written', (file) => {
    const rows = readFixtures(dir + file);
    expect(rows.length).toBeGreaterThan(100);
    const bad = rows.filter((r) => !(r.source === 'written' || (r.source?.startsWith('seed:') && pages.has(r.source.slice(5)))));
    expect(bad.map((r) => `${r.id}: ${String(r.source)}`)).toEqual([]);
    // Both kinds are there: the seed pages are the project's data, and written rows fill the gaps.
    expect(rows.some((r) => r.source === 'written') && rows.some((r) => r.source?.startsWith('seed:'))).toBe(true);
  });
});

describe("a user's fixtures", () => {
  it('need no source, and may give any: decorum reads nothing from it', async () => {
    const { parseFixtures } = await import('../../src/node/fixtures.js');
    const rows = parseFixtures(['{"id":"1","text":"you idiot","labels":["insult"]}', '{"id":"2","text":"nice piece","labels":[],"source":"site export 2026-11"}'].join('\n'), 'mine.jsonl');
    expect(rows.map((r) => r.source)).toEqual([undefined, 'site export 2026-11']);
    expect(() => parseFixtures('{"id":"3","text":"x","labels":[],"source":""}', 'mine.jsonl')).toThrow(/mine\.jsonl:1: field "source"/);
  });
});
