import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourcedPack } from '../engine/compile.js';
import { parsePack } from '../engine/compile.js';
import { DecorumError, expectString } from '../errors.js';
import { readRulePackOptionsSchema } from '../schemas/options.js';
import { parseOptions } from '../schemas/parseOptions.js';
import { readTextFile } from './utf8.js';

/** Line and column of a JSON.parse failure, when the engine reports a position. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  return text.slice(0, Number(pos[1])).split('\n').length;
}

export interface ReadRulePackOptions {
  /**
   * Validate against the schema (default true), so errors name the file, rule id and field.
   * `false` only checks that the file is JSON: `decorum rules lint` reports schema problems itself.
   */
  validate?: boolean;
}

/** Reads one rule pack file, validating it so errors name the file, rule id and field. */
export function readRulePack(file: string, options: ReadRulePackOptions = {}): SourcedPack {
  expectString(file, 'readRulePack(file)', 'file');
  const opts = parseOptions(readRulePackOptionsSchema(), options, 'readRulePack');
  const text = readTextFile(file, 'rule pack', 'RULE_PACK');
  let pack: unknown;
  try {
    pack = JSON.parse(text);
  } catch (cause) {
    const line = jsonErrorLine(text, (cause as Error).message);
    throw new DecorumError('RULE_PACK', `${file}${line ? `:${line}` : ''}: not valid JSON (${(cause as Error).message})`, { file, ...(line ? { line } : {}) }, { cause });
  }
  if (opts.validate !== false) parsePack(pack, file);
  return { pack, file };
}

/** Every `*.json` rule pack in a folder (sorted by name, so load order is stable), or one file. */
export function loadRulePacks(path: string, options: ReadRulePackOptions = {}): SourcedPack[] {
  expectString(path, 'loadRulePacks(path)', 'path');
  parseOptions(readRulePackOptionsSchema(), options, 'loadRulePacks');
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new DecorumError('IO', `rule packs: ${path} does not exist`, { file: path }, { cause });
  }
  if (stat.isFile()) return [readRulePack(path, options)];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readRulePack(join(path, f), options));
}
