import { createWriteStream, openSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { extractPage } from '../corpus/extract.js';
import { DecorumError } from '../errors.js';
import { calibration, compareToBaseline, computeReport, formatCalibration, evaluate, formatBaselineDiff, formatReport, formatSweep, parseBaselineJson, renderHtmlReport, sweep } from '../harness/index.js';
import { createModerator, type Moderator } from '../moderate.js';
import { loadRulePacks } from '../node/rulePacks.js';
import { readFixtureSet, readFixtures } from '../node/fixtures.js';
import { readModel, writeModel } from '../node/modelFile.js';
import { readTextFile } from '../node/utf8.js';
import { trainModel } from '../trainModel.js';
import { LABELS } from '../types.js';
import { numberOption, parse } from './args.js';
import { COMMANDS, usageLine } from './usage.js';
import { classifyBatch, formatSummary, noCommentsNote, type BatchSummary } from '../node/batch.js';
import type { ModeratorOptions } from '../schemas/options.js';
import { expandInputs, isJsonl } from './inputs.js';
import { basename } from 'node:path';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

type ModeratorFlags = { rules?: string[]; 'no-bundled-rules'?: boolean; model?: string; 'no-model'?: boolean; disable?: string[] };

/** Plain data (rule packs and model read here), so `classify --workers` can send it to each worker. */
function moderatorOptionsFrom(values: ModeratorFlags): ModeratorOptions {
  return {
    rules: (values.rules ?? []).flatMap((p) => loadRulePacks(p)),
    bundledRules: values['no-bundled-rules'] !== true,
    ...(values['no-model'] ? { model: null } : values.model ? { model: readModel(values.model) } : {}),
    disable: values.disable ?? [],
  };
}

function moderatorFrom(values: ModeratorFlags): Moderator {
  return createModerator(moderatorOptionsFrom(values));
}

export function extractCommand(argv: string[], io: Io): number {
  const usage = usageLine('extract');
  const { positionals } = parse(argv, COMMANDS.extract.options, usage);
  if (positionals.length === 0) throw new DecorumError('INVALID_OPTION', `give at least one page\nusage: ${usage}`);
  const empty: string[] = [];
  for (const file of expandInputs(positionals)) {
    if (isJsonl(file)) continue;
    const page = extractPage(readTextFile(file, 'page', 'IO'), basename(file));
    if (page.comments.length === 0) empty.push(file);
    for (const c of page.comments) io.out(JSON.stringify({ doc: c.doc, index: c.index, author: c.author, text: c.text }) + '\n');
  }
  if (empty.length > 0) io.err(noCommentsNote(empty) + '\n');
  return 0;
}

export async function classifyCommand(argv: string[], io: Io): Promise<number> {
  const usage = usageLine('classify');
  const { values, positionals } = parse(argv, COMMANDS.classify.options, usage);
  if (positionals.length === 0) throw new DecorumError('INVALID_OPTION', `give pages, a folder or a JSONL file ("-" for standard input)\nusage: ${usage}`);
  const workers = numberOption(values.workers, 'workers', 0, 256) ?? 0;
  if (!Number.isInteger(workers)) throw new DecorumError('INVALID_OPTION', `--workers must be a whole number, got "${values.workers}"`, { option: 'workers' });
  const inputs = expandInputs(positionals);
  const moderatorOptions = moderatorOptionsFrom(values);

  const rejectsFile = values.rejects === undefined ? undefined : openOutput(values.rejects, 'rejects');
  const out = stdoutStream(io);
  let summary: BatchSummary;
  try {
    summary = await classifyBatch({
      inputs,
      format: values.json ? 'json' : 'table',
      out,
      rejects: rejectsFile ?? ((r) => io.err(`rejected ${r.file}:${r.line}: ${r.error}\n`)),
      workers,
      moderatorOptions,
      // The bar uses carriage returns: only on a terminal, never into a log file or a pipe.
      ...(process.stderr.isTTY === true ? { progress: process.stderr } : {}),
    });
  } finally {
    await Promise.all([finish(out), rejectsFile ? finish(rejectsFile) : undefined]);
  }
  io.err(formatSummary(summary));
  return 0;
}

/** Opens an output file now, so a bad path fails with a DecorumError before any work is done. */
function openOutput(file: string, option: string): Writable {
  try {
    return createWriteStream(file, { fd: openSync(file, 'w') });
  } catch (cause) {
    throw new DecorumError('IO', `--${option}: cannot write ${file}: ${(cause as Error).message}`, { file, option }, { cause });
  }
}

/**
 * `io.out` as a Writable. In the real CLI io.out writes to process.stdout but drops write()'s
 * result, so backpressure is taken from process.stdout itself: each chunk completes only once
 * stdout has drained. With any other io.out (tests), stdout's buffer is usually empty and this costs nothing.
 */
function stdoutStream(io: Io): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      io.out(chunk);
      if (process.stdout.writableNeedDrain) once(process.stdout, 'drain').then(() => done(), done);
      else done();
    },
  });
}

async function finish(stream: Writable): Promise<void> {
  if (stream.writableFinished) return;
  stream.end();
  await once(stream, 'finish');
}

export function evalCommand(argv: string[], io: Io): number {
  const usage = usageLine('eval');
  const { values } = parse(argv, COMMANDS.eval.options, usage);
  if (!values.fixtures || values.fixtures.length === 0) throw new DecorumError('INVALID_OPTION', `--fixtures is required\nusage: ${usage}`, { option: 'fixtures' });
  const fixtures = readFixtureSet(values.fixtures);
  const moderator = moderatorFrom(values);
  const run = evaluate(fixtures, (text, article) => moderator.moderate(text, article !== undefined ? { article } : undefined));
  const report = computeReport(run);
  const swept = values.sweep || values.html ? sweep(run) : undefined;
  const calibrated = values.calibration ? calibration(run) : undefined;
  const tolerance = numberOption(values.tolerance, 'tolerance', 0, 1) ?? 0;
  const baseline = values.baseline ? compareToBaseline(report, parseBaselineJson(readTextFile(values.baseline, 'baseline', 'INVALID_INPUT'), values.baseline), tolerance) : undefined;
  if (values.html) writeFileSync(values.html, renderHtmlReport(report, { ...(swept ? { sweep: swept } : {}), ...(baseline ? { baseline } : {}), title: `decorum eval: ${values.fixtures.join(', ')}` }));
  if (values.json) {
    io.out(JSON.stringify({ ...report, ...(swept && values.sweep ? { sweep: swept } : {}), ...(calibrated ? { calibration: calibrated } : {}), ...(baseline ? { baseline } : {}) }) + '\n');
  } else {
    const errorLimit = numberOption(values.errors, 'errors', 0, 1e9) ?? 20;
    io.out(formatReport(report, { color: io.isTTY, errorLimit }) + '\n');
    // --html computes the sweep for its curves; the tables are printed only when asked for.
    if (swept && values.sweep) io.out('\n' + formatSweep(swept, { color: io.isTTY }) + '\n');
    if (calibrated) io.out('\n' + formatCalibration(calibrated) + '\n');
    if (baseline) io.out('\n' + formatBaselineDiff(baseline, { color: io.isTTY }) + '\n');
  }
  if (baseline?.regressed) {
    io.err(`decorum eval: regression against ${values.baseline}: ${baseline.reasons.join('; ')}\n`);
    return 1;
  }
  return 0;
}

export function trainCommand(argv: string[], io: Io): number {
  const usage = usageLine('train');
  const { values } = parse(argv, COMMANDS.train.options, usage);
  if (!values.fixtures?.length) throw new DecorumError('INVALID_OPTION', `--fixtures is required\nusage: ${usage}`, { option: 'fixtures' });
  if (!values.out) throw new DecorumError('INVALID_OPTION', `--out is required\nusage: ${usage}`, { option: 'out' });
  const fixtures = values.fixtures.flatMap((f) => readFixtures(f));
  const started = Date.now();
  // The packs classify would moderate with given the same flags: the shipped ones plus --rules.
  const model = trainModel(fixtures, { rules: (values.rules ?? []).flatMap((p) => loadRulePacks(p)), bundledRules: values['no-bundled-rules'] !== true });
  writeModel(values.out, model);
  const counts = LABELS.map((l) => `${l} ${model.labels[l].docs}`).join(', ');
  io.err(`decorum: trained on ${fixtures.length} fixtures (${counts}); ${model.features.length} features; ${Date.now() - started} ms → ${values.out}\n`);
  return 0;
}
