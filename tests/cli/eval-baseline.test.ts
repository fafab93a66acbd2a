/**
 * `decorum eval --baseline` end to end with the built CLI: save a run as JSON, change the rules
 * (switch one off, by --disable or by overriding it in a custom pack), and check that the gate
 * fails beyond the tolerance, passes within it, and names the comments that became wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BaselineDiff } from '../../src/harness/baseline.js';
import type { EvalReport } from '../../src/harness/metrics.js';
import type { SweepResult } from '../../src/harness/sweep.js';
import { LABELS, type Label } from '../../src/types.js';

const root = new URL('../../', import.meta.url).pathname;
const cliPath = join(root, 'dist/cli/main.js');
const FIXTURES = 'corpus/fixtures/test.jsonl';
const RULE = 'slur.ableist.retard';
const tmp = mkdtempSync(join(tmpdir(), 'decorum-baseline-'));
const baselineFile = join(tmp, 'first.json');

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

type Report = EvalReport & { baseline?: BaselineDiff; sweep?: SweepResult };

let baseline: Report;

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first; these tests run the built CLI.`);
  const first = cli(['eval', '--fixtures', FIXTURES, '--json']);
  expect(first.code).toBe(0);
  writeFileSync(baselineFile, first.out);
  baseline = JSON.parse(first.out) as Report;
});

/** The (id, label) decisions that were right in `before` and are wrong in `after`, computed independently of the CLI. */
function newlyWrong(before: EvalReport, after: EvalReport): string[] {
  const wrong = (row: EvalReport['rows'][number], label: Label) => row.gold.includes(label) !== row.predicted.includes(label);
  const old = new Map(before.rows.map((row) => [row.id, row]));
  const out: string[] = [];
  for (const row of after.rows) {
    const was = old.get(row.id);
    if (was === undefined) continue;
    for (const label of LABELS) if (!wrong(was, label) && wrong(row, label)) out.push(`${row.id} ${label}`);
  }
  return out;
}

describe('decorum eval --baseline', () => {
  it('switching a rule off with --disable regresses beyond 0.001: exit 1, reasons on stderr, the newly wrong comments listed', async () => {
    const r = cli(['eval', '--fixtures', FIXTURES, '--disable', RULE, '--baseline', baselineFile, '--tolerance', '0.001']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`regression against ${baselineFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*slur F1 fell from`));
    expect(r.out).toContain('REGRESSED beyond tolerance 0.001');

    // The same run as JSON carries the diff; check it against the two reports.
    const json = cli(['eval', '--fixtures', FIXTURES, '--disable', RULE, '--baseline', baselineFile, '--tolerance', '0.001', '--json']);
    expect(json.code).toBe(1);
    const current = JSON.parse(json.out) as Report;
    const diff = current.baseline!;
    expect(diff.regressed).toBe(true);
    expect(diff.labels.slur.f1.delta).toBeLessThan(-0.001);
    expect(diff.newlyWrong.map((c) => `${c.id} ${c.label}`).sort()).toEqual(newlyWrong(baseline, current).sort());
    expect(diff.newlyWrong.filter((c) => c.label === 'slur').length).toBeGreaterThan(0);
    // Every slur that became a miss is a comment the switched-off rule used to match ...
    const { createModerator } = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const rulesOnly = createModerator({ model: null });
    for (const change of diff.newlyWrong) {
      expect(rulesOnly.moderate(change.text).matches.map((m) => m.ruleId)).toContain(RULE);
    }
    // ... and the text report names each of them, with its label and how its score moved.
    const section = r.out.slice(r.out.indexOf(`newly wrong (${diff.newlyWrong.length})`), r.out.indexOf('newly right ('));
    expect(section).not.toBe('');
    for (const change of diff.newlyWrong) {
      expect(section).toContain(`${change.kind} ${change.label}  ${change.id}  score ${change.baselineScore.toFixed(3)} → ${change.score.toFixed(3)}`);
    }
  });

  it('a custom rule pack that overrides the rule with one that never matches regresses the same way', () => {
    const pack = join(tmp, 'site-rules.json');
    writeFileSync(
      pack,
      JSON.stringify({
        pack: 'site',
        version: 1,
        description: 'switches a bundled rule off by replacing it',
        rules: [{ id: RULE, label: 'slur', severity: 'low', description: 'switched off', terms: ['zzqxv'], examples: { match: ['zzqxv'] } }],
      }),
    );
    const disabled = JSON.parse(cli(['eval', '--fixtures', FIXTURES, '--disable', RULE, '--json']).out) as Report;
    const r = cli(['eval', '--fixtures', FIXTURES, '--rules', pack, '--baseline', baselineFile, '--tolerance', '0.001', '--json']);
    expect(r.code).toBe(1);
    const current = JSON.parse(r.out) as Report;
    expect(current.baseline!.regressed).toBe(true);
    expect(current.baseline!.reasons.some((reason) => reason.startsWith('slur F1 fell from'))).toBe(true);
    // Same predictions as --disable: the override removed exactly that rule.
    expect(current.rows.map((row) => row.predicted)).toEqual(disabled.rows.map((row) => row.predicted));
  });

  it('the same change within the tolerance exits 0, and still lists the comments that flipped', () => {
    const r = cli(['eval', '--fixtures', FIXTURES, '--disable', RULE, '--baseline', baselineFile, '--tolerance', '0.5']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('no regression beyond tolerance 0.5');
    expect(r.out).toMatch(/newly wrong \([1-9]\d*\)/);
  });

  it('an unchanged run against its own baseline exits 0 even at tolerance 0, with nothing flipped', () => {
    const r = cli(['eval', '--fixtures', FIXTURES, '--baseline', baselineFile, '--tolerance', '0', '--json']);
    expect(r.code).toBe(0);
    const diff = (JSON.parse(r.out) as Report).baseline!;
    expect(diff).toMatchObject({ regressed: false, newlyWrong: [], newlyRight: [], onlyInBaseline: [], onlyInCurrent: [] });
  });

  it('a baseline that is not a report is refused with the field named (exit 2)', () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...baseline, labels: { ...baseline.labels, slur: { ...baseline.labels.slur, f1: 'high' } } }));
    const r = cli(['eval', '--fixtures', FIXTURES, '--baseline', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`baseline ${broken}: field labels.slur.f1`);
  });
});

describe('decorum eval --sweep', () => {
  let swept: Report | undefined;
  const sweptJson = (): Report => (swept ??= JSON.parse(cli(['eval', '--fixtures', FIXTURES, '--sweep', '--json']).out) as Report);

  it('prints, per label, every threshold with its precision, recall and F1, and the best one', () => {
    const r = cli(['eval', '--fixtures', FIXTURES, '--sweep']);
    expect(r.code).toBe(0);
    const sweep = sweptJson().sweep!;
    expect(sweep.thresholds).toHaveLength(19);
    const start = r.out.indexOf(`${LABELS[0]} (support`);
    expect(start).toBeGreaterThan(0);
    const blocks = r.out.slice(start).split('\n\n');
    for (const [i, label] of LABELS.entries()) {
      const block = blocks[i]!;
      const points = sweep.labels[label];
      expect(block.split('\n')[0]).toBe(`${label} (support ${points[0]!.support})`);
      expect(block).toMatch(/threshold +precision +recall +f1 +tp +fp/);
      for (const point of points) {
        const mark = sweep.best[label]?.threshold === point.threshold ? '\\*' : '';
        const row = new RegExp(`^ *${mark}${point.threshold.toFixed(2)} +${point.precision.toFixed(3)} +${point.recall.toFixed(3)} +${point.f1.toFixed(3)} +${point.tp} +${point.fp} *$`, 'm');
        expect(block).toMatch(row);
      }
      const best = sweep.best[label];
      expect(block).toContain(best === null ? 'best: none' : `best: threshold ${best.threshold.toFixed(2)}, F1 ${best.f1.toFixed(3)}`);
    }
  });

  it('the curve points agree with the rows: recall never rises with the threshold', () => {
    const json = sweptJson();
    for (const label of LABELS) {
      const recalls = json.sweep!.labels[label].map((p) => p.recall);
      for (let i = 1; i < recalls.length; i++) expect(recalls[i]!).toBeLessThanOrEqual(recalls[i - 1]!);
      const at = json.sweep!.labels[label][9]!; // 0.50
      const tp = json.rows.filter((row) => row.gold.includes(label) && row.scores[label] >= at.threshold).length;
      expect(at.tp).toBe(tp);
    }
  });
});
