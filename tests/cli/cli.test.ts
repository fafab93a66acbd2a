import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// These run the built CLI, exactly as a user does after `npm install`.
const root = new URL('../../', import.meta.url).pathname;
const cli = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: root, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'decorum-cli-'));

describe('decorum extract', () => {
  it('finds the 8 seed comments and nothing else', () => {
    const r = cli(['extract', 'corpus/pages']);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { doc: string; index: number; author: string | null; text: string });
    expect(rows).toHaveLength(8);
    expect(rows.filter((x) => x.doc.startsWith('000_'))).toHaveLength(4);
    expect(rows.filter((x) => x.doc.startsWith('004_'))).toHaveLength(4);
    expect(rows.map((x) => x.author)).toEqual(['War Eagle', 'Qaz Wiz', 'william jackson', null, 'PithyKat', 'sherril henderson', 'David', 'Marilin']);
    for (const x of rows) expect(Object.keys(x)).toEqual(['doc', 'index', 'author', 'text']);
    const all = rows.map((x) => x.text).join('\n');
    for (const furniture of ['Upvote Downvote', 'Notify of', 'pledges', 'Please enter your comment', 'cookies', 'Copyright', 'FILE PHOTO', 'Leave a Reply']) {
      expect(all).not.toContain(furniture);
    }
  });

  it('a page with no comments gives an empty list', () => {
    const r = cli(['extract', 'corpus/pages/001_10bba7e61c6f2ebe.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    // ... and says so, with what a comment section looks like, instead of printing nothing at all.
    expect(r.err).toMatch(/^decorum: no reader comments found in 1 page \(corpus\/pages\/001_10bba7e61c6f2ebe\.txt\): comments are read after a comment-section line/);
  });
});

describe('decorum classify', () => {
  it('prints every corpus comment with author, labels, action and trigger words', () => {
    const r = cli(['classify', 'corpus/pages']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('william jackson');
    expect(r.out).toContain('"D-RATs"');
    expect(r.out).toContain('"Theretard"'.slice(1, 7)); // the glued slur's span, "Theret" → contains "retard"
    expect(r.out.match(/^(ALLOW|REVIEW|REJECT) /gm)).toHaveLength(8);
    expect(r.err).toMatch(/8 comments read: 8 classified/);
  });

  it('--json prints one verdict per line; bad lines are reported with their line numbers', () => {
    const input = ['{"id":"a","text":"you absolute idiot"}', 'not json', '{"text":5}', '', '{"text":"Lovely summit coverage"}'].join('\n');
    const rejects = join(tmp, 'rejects.jsonl');
    const r = cli(['classify', '--json', '--rejects', rejects, '-'], input);
    expect(r.code).toBe(0);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; labels: string[]; action: string; line: number });
    expect(out.map((o) => o.line)).toEqual([1, 5]);
    expect(out[0]!.labels).toContain('insult');
    const rej = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number });
    expect(rej.map((x) => x.line)).toEqual([2, 3]);
  });
});

describe('decorum eval', () => {
  it('--json prints per-label precision, recall, F1, support and macro F1', () => {
    const r = cli(['eval', '--fixtures', 'corpus/fixtures/test.jsonl', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { labels: Record<string, { precision: number; recall: number; f1: number; support: number }>; macroF1: number };
    expect(Object.keys(report.labels)).toEqual(['slur', 'insult', 'partisan_epithet', 'off_topic']);
    for (const m of Object.values(report.labels)) {
      expect(m.support).toBeGreaterThan(0);
      expect(m.f1).toBeGreaterThan(0);
    }
    expect(report.macroF1).toBeGreaterThan(0.5);
  });

  it('a fixture line that is not JSON fails with the file and line', () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"x","labels":[],"source":"written"}\n{"id":"b","text":"y","labels":["rude"],"source":"written"}\n');
    const r = cli(['eval', '--fixtures', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:2`);
    expect(r.err).toContain('FIXTURE');
  });
});

describe('decorum train', () => {
  it('writes a versioned model that classify can use', () => {
    const out = join(tmp, 'model.json');
    const r = cli(['train', '--fixtures', 'corpus/fixtures/train.jsonl', '--out', out]);
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { format: string; version: number };
    expect(model.format).toBe('decorum-naive-bayes');
    expect(model.version).toBe(1);
    const c = cli(['classify', '--json', '--model', out, '-'], '{"text":"you absolute idiot"}');
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).labels).toContain('insult');
  });
});

describe('decorum rules', () => {
  it('rules test runs every rule example and passes', () => {
    const r = cli(['rules', 'test']);
    expect(r.out).toMatch(/\d+ rules, \d+ examples: \d+ passed, 0 failed/);
    expect(r.code).toBe(0);
  });
});

describe('usage errors', () => {
  it('an unknown option names it and exits 2', () => {
    const r = cli(['eval', '--fixture', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--fixture/);
  });
});

describe('flags that must do what they say', () => {
  it('eval --html writes the page without printing the sweep tables it drew from (only --sweep prints them)', () => {
    const html = join(tmp, 'report.html');
    const r = cli(['eval', '--fixtures', 'corpus/fixtures/test.jsonl', '--html', html]);
    expect(r.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<svg');
    expect(r.out).not.toMatch(/best: threshold/);
    expect(cli(['eval', '--fixtures', 'corpus/fixtures/test.jsonl', '--sweep']).out).toMatch(/best: threshold/);
  });

  it('train --rules learns from the shipped packs and yours, as classify --rules moderates with both', () => {
    const dir = mkdtempSync(join(tmp, 'rules-'));
    writeFileSync(
      join(dir, 'site.json'),
      JSON.stringify({ pack: 'site', version: 1, description: 'site words', rules: [{ id: 'site.insult.zorblax', label: 'insult', severity: 'medium', description: 'd', terms: ['zorblax'], examples: { match: ['you zorblax'], noMatch: ['hello'] } }] }),
    );
    const fixtures = join(tmp, 'site-fixtures.jsonl');
    writeFileSync(fixtures, ['you zorblax', 'you stupid idiot', 'the summit talks'].map((t, i) => JSON.stringify({ id: `s${i}`, text: t, labels: i < 2 ? ['insult'] : [], source: 'written' })).join('\n'));
    const model = join(tmp, 'site-model.json');
    expect(cli(['train', '--fixtures', fixtures, '--rules', dir, '--out', model]).code).toBe(0);
    const features = (JSON.parse(readFileSync(model, 'utf8')) as { features: string[] }).features;
    expect(features).toEqual(expect.arrayContaining(['r:site.insult.zorblax', 'r:insult.adjective.stupid']));
    expect(cli(['train', '--fixtures', fixtures, '--rules', dir, '--no-bundled-rules', '--out', model]).code).toBe(0);
    expect((JSON.parse(readFileSync(model, 'utf8')) as { features: string[] }).features.filter((f) => f.startsWith('r:'))).toEqual(['r:site.insult.zorblax']);
  });

  it('a folder is read for its .txt pages and its .jsonl and .ndjson files alike', () => {
    const dir = mkdtempSync(join(tmp, 'inputs-'));
    writeFileSync(join(dir, 'a.jsonl'), '{"id":"a","text":"hello"}\n');
    writeFileSync(join(dir, 'b.ndjson'), '{"id":"b","text":"you idiot"}\n');
    writeFileSync(join(dir, 'notes.md'), 'not an input');
    const r = cli(['classify', dir, '--json']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b']);
  });
});

describe('what a user of the harness runs into', () => {
  const override = (() => {
    const dir = mkdtempSync(join(tmp, 'override-'));
    writeFileSync(
      join(dir, 'o.json'),
      JSON.stringify({ pack: 'ours', version: 1, description: 'our take on a shipped rule', rules: [{ id: 'insult.name.idiot', label: 'insult', severity: 'low', description: 'milder here', terms: ['idiot'], examples: { match: ['you idiot'], noMatch: ['idiom'] } }] }),
    );
    return dir;
  })();

  it('a custom rule that replaces a shipped one passes rules test and rules lint, as classify takes it', () => {
    const test = cli(['rules', 'test', '--rules', override]);
    expect(test.err).toBe('');
    expect(test.code).toBe(0);
    const lint = cli(['rules', 'lint', '--rules', override]);
    expect(lint.out).toMatch(/: 0 findings\n$/);
    expect(lint.code).toBe(0);
    const verdict = JSON.parse(cli(['classify', '-', '--json', '--rules', override], '{"text":"you idiot"}\n').out) as { matches: Array<{ ruleId: string; severity: string }> };
    expect(verdict.matches).toEqual([expect.objectContaining({ ruleId: 'insult.name.idiot', severity: 'low' })]);
  });

  it('a fixture id used twice across eval files is named with both places', () => {
    const a = join(tmp, 'dup-a.jsonl');
    const b = join(tmp, 'dup-b.jsonl');
    writeFileSync(a, '{"id":"x","text":"hello","labels":[]}\n{"id":"y","text":"you idiot","labels":["insult"]}\n');
    writeFileSync(b, '\n{"id":"y","text":"again","labels":[]}\n');
    const r = cli(['eval', '--fixtures', a, '--fixtures', b]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`decorum: FIXTURE: ${b}:2: duplicate fixture id "y" (first at ${a}:2): ids must be unique to compare runs\n`);
  });

  it('says which rules command when none is given, and counts one comment in the singular', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/say which: decorum rules test, or decorum rules lint/);
    expect(cli(['classify', '-', '--json'], '{"text":"hello"}\n').err).toMatch(/^decorum: 1 comment read: 1 classified/);
  });
});
