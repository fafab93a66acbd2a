import { readFileSync, writeFileSync } from 'node:fs';
import { extractPage } from '../corpus/extract.js';
import { DecorumError } from '../errors.js';
import { compareToBaseline, computeReport, evaluate, formatBaselineDiff, formatReport, formatSweep, parseBaselineJson, renderHtmlReport, sweep } from '../harness/index.js';
import { createModerator, type Moderator } from '../moderate.js';
import { loadRulePacks } from '../node/rulePacks.js';
import { readFixtures } from '../node/fixtures.js';
import { readModel, writeModel } from '../node/modelFile.js';
import { trainModel } from '../trainModel.js';
import { LABELS } from '../types.js';
import { numberOption, parse } from './args.js';
import { expandInputs, isJsonl, jsonlComments, pageComments, type InputComment, type RejectedLine } from './inputs.js';
import { formatVerdictRow, verdictJson } from './table.js';
import { basename } from 'node:path';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const MODERATOR_OPTIONS = {
  rules: { type: 'string', multiple: true },
  'no-bundled-rules': { type: 'boolean' },
  model: { type: 'string' },
  'no-model': { type: 'boolean' },
  disable: { type: 'string', multiple: true },
} as const;

function moderatorFrom(values: { rules?: string[]; 'no-bundled-rules'?: boolean; model?: string; 'no-model'?: boolean; disable?: string[] }): Moderator {
  return createModerator({
    rules: (values.rules ?? []).flatMap((p) => loadRulePacks(p)),
    bundledRules: values['no-bundled-rules'] !== true,
    ...(values['no-model'] ? { model: null } : values.model ? { model: readModel(values.model) } : {}),
    disable: values.disable ?? [],
  });
}

export function extractCommand(argv: string[], io: Io): number {
  const usage = 'decorum extract <page.txt|folder>...';
  const { positionals } = parse(argv, {}, usage);
  if (positionals.length === 0) throw new DecorumError('INVALID_OPTION', `give at least one page\nusage: ${usage}`);
  for (const file of expandInputs(positionals)) {
    if (isJsonl(file)) continue;
    const page = extractPage(readFileSync(file, 'utf8'), basename(file));
    for (const c of page.comments) io.out(JSON.stringify({ doc: c.doc, index: c.index, author: c.author, text: c.text }) + '\n');
  }
  return 0;
}

export async function classifyCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'decorum classify <pages|folder|comments.jsonl|->... [--json] [--rejects FILE] [--rules DIR] [--model FILE]';
  const { values, positionals } = parse(argv, { ...MODERATOR_OPTIONS, json: { type: 'boolean' }, rejects: { type: 'string' } }, usage);
  if (positionals.length === 0) throw new DecorumError('INVALID_OPTION', `give pages, a folder or a JSONL file ("-" for standard input)\nusage: ${usage}`);
  const moderator = moderatorFrom(values);
  const rejects: RejectedLine[] = [];
  const counts = { allow: 0, review: 0, reject: 0 };
  let read = 0;
  const emit = (c: InputComment) => {
    const v = moderator.moderate(c.text, c.article !== undefined ? { article: c.article } : undefined);
    counts[v.action]++;
    io.out((values.json ? verdictJson(c, v) : formatVerdictRow(c, v) + '\n') + '\n');
  };
  for (const file of expandInputs(positionals)) {
    if (isJsonl(file)) {
      for await (const c of jsonlComments(file, (r) => rejects.push(r))) {
        read++;
        emit(c);
      }
    } else {
      for (const c of pageComments(file)) {
        read++;
        emit(c);
      }
    }
  }
  if (values.rejects !== undefined) writeFileSync(values.rejects, rejects.map((r) => JSON.stringify(r)).join('\n') + (rejects.length ? '\n' : ''));
  else for (const r of rejects) io.err(`rejected ${r.file}:${r.line}: ${r.error}\n`);
  io.err(`decorum: ${read + rejects.length} comments read: ${read} classified (${counts.allow} allow, ${counts.review} review, ${counts.reject} reject), ${rejects.length} rejected\n`);
  return 0;
}

export function evalCommand(argv: string[], io: Io): number {
  const usage = 'decorum eval --fixtures F.jsonl [--json] [--baseline prev.json] [--tolerance 0.01] [--sweep] [--html report.html] [--errors N]';
  const { values } = parse(
    argv,
    {
      ...MODERATOR_OPTIONS,
      fixtures: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      baseline: { type: 'string' },
      tolerance: { type: 'string' },
      sweep: { type: 'boolean' },
      html: { type: 'string' },
      errors: { type: 'string' },
    },
    usage,
  );
  if (!values.fixtures || values.fixtures.length === 0) throw new DecorumError('INVALID_OPTION', `--fixtures is required\nusage: ${usage}`, { option: 'fixtures' });
  const fixtures = values.fixtures.flatMap((f) => readFixtures(f));
  const moderator = moderatorFrom(values);
  const run = evaluate(fixtures, (text, article) => moderator.moderate(text, article !== undefined ? { article } : undefined));
  const report = computeReport(run);
  const swept = values.sweep || values.html ? sweep(run) : undefined;
  const tolerance = numberOption(values.tolerance, 'tolerance', 0, 1) ?? 0;
  const baseline = values.baseline ? compareToBaseline(report, parseBaselineJson(readFileSync(values.baseline, 'utf8'), values.baseline), tolerance) : undefined;
  if (values.html) writeFileSync(values.html, renderHtmlReport(report, { ...(swept ? { sweep: swept } : {}), ...(baseline ? { baseline } : {}), title: `decorum eval: ${values.fixtures.join(', ')}` }));
  if (values.json) {
    io.out(JSON.stringify({ ...report, ...(swept ? { sweep: swept } : {}), ...(baseline ? { baseline } : {}) }) + '\n');
  } else {
    const errorLimit = numberOption(values.errors, 'errors', 0, 1e9) ?? 20;
    io.out(formatReport(report, { color: io.isTTY, errorLimit }) + '\n');
    if (swept) io.out('\n' + formatSweep(swept, { color: io.isTTY }) + '\n');
    if (baseline) io.out('\n' + formatBaselineDiff(baseline, { color: io.isTTY }) + '\n');
  }
  if (baseline?.regressed) {
    io.err(`decorum eval: regression against ${values.baseline}: ${baseline.reasons.join('; ')}\n`);
    return 1;
  }
  return 0;
}

export function trainCommand(argv: string[], io: Io): number {
  const usage = 'decorum train --fixtures F.jsonl [--fixtures G.jsonl] --out model.json [--rules DIR]';
  const { values } = parse(argv, { fixtures: { type: 'string', multiple: true }, out: { type: 'string' }, rules: { type: 'string', multiple: true } }, usage);
  if (!values.fixtures?.length) throw new DecorumError('INVALID_OPTION', `--fixtures is required\nusage: ${usage}`, { option: 'fixtures' });
  if (!values.out) throw new DecorumError('INVALID_OPTION', `--out is required\nusage: ${usage}`, { option: 'out' });
  const fixtures = values.fixtures.flatMap((f) => readFixtures(f));
  const started = Date.now();
  const rules = values.rules ? values.rules.flatMap((p) => loadRulePacks(p)) : undefined;
  const model = trainModel(fixtures, rules ? { rules } : {});
  writeModel(values.out, model);
  const counts = LABELS.map((l) => `${l} ${model.labels[l].docs}`).join(', ');
  io.err(`decorum: trained on ${fixtures.length} fixtures (${counts}); ${model.features.length} features; ${Date.now() - started} ms → ${values.out}\n`);
  return 0;
}
