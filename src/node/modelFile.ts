import { writeFileSync } from 'node:fs';
import { DecorumError, expectString } from '../errors.js';
import { parseModel, serializeModel, type ModelFile } from '../model/format.js';
import { readTextFile } from './utf8.js';

/** Reads and checks a model file; a corrupt or wrong-version file fails with MODEL_FORMAT. */
export function readModel(file: string): ModelFile {
  expectString(file, 'readModel(file)', 'file');
  const text = readTextFile(file, 'model', 'MODEL_FORMAT');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DecorumError('MODEL_FORMAT', `${file}: not valid JSON (${(cause as Error).message})`, { file }, { cause });
  }
  return parseModel(value, file);
}

export function writeModel(file: string, model: ModelFile): void {
  expectString(file, 'writeModel(file, model)', 'file');
  // Checked under this call's name, so a wrong model names writeModel and the file, not an inner call.
  const text = serializeModel(parseModel(model, `writeModel(${file})`));
  try {
    writeFileSync(file, text);
  } catch (cause) {
    throw new DecorumError('IO', `cannot write model ${file}: ${(cause as Error).message}`, { file }, { cause });
  }
}
