import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DecorumError } from '../errors.js';

/** parseArgs with errors that name the option and the command's usage. */
export function parse<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({ args: argv, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new DecorumError('INVALID_OPTION', `${(cause as Error).message}\nusage: ${usage}`, {}, { cause });
  }
}

export function numberOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new DecorumError('INVALID_OPTION', `--${name} must be a number from ${min} to ${max}, got "${value}"`, { option: name });
  }
  return n;
}
