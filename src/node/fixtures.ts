import { DecorumError, expectString } from '../errors.js';
import { fixtureSchemas, type Fixture } from '../schemas/fixture.js';
import { readTextFile } from './utf8.js';

/**
 * Parses labelled JSONL. A line that is not JSON, or does not match the fixture schema (an
 * unknown label, say), stops the load with an error naming the file and line: training or
 * evaluating on silently skipped rows would report numbers for data nobody chose.
 */
export function parseFixtures(text: string, file: string): Fixture[] {
  expectString(text, 'parseFixtures(text, file)', 'text');
  expectString(file, 'parseFixtures(text, file)', 'file');
  return fixtureLines(text, file).map((f) => f.fixture);
}

/** parseFixtures, each fixture with its line number (for messages that must point at a row). */
export function fixtureLines(text: string, file: string): Array<{ fixture: Fixture; line: number }> {
  const out: Array<{ fixture: Fixture; line: number }> = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new DecorumError('FIXTURE', `${file}:${i + 1}: not valid JSON (${(cause as Error).message})`, { file, line: i + 1 }, { cause });
    }
    const parsed = fixtureSchemas().FixtureSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || '(row)';
      throw new DecorumError('FIXTURE', `${file}:${i + 1}: field "${field}": ${issue.message}`, { file, line: i + 1, field });
    }
    out.push({ fixture: parsed.data, line: i + 1 });
  });
  return out;
}

/**
 * The fixtures of several files, for an evaluation: ids must be unique across all of them (a
 * baseline compares runs row by row through them), and a repeat names both places.
 */
export function readFixtureSet(files: readonly string[]): Fixture[] {
  const first = new Map<string, string>();
  const out: Fixture[] = [];
  for (const file of files) {
    for (const { fixture, line } of fixtureLines(readTextFile(file, 'fixtures', 'FIXTURE'), file)) {
      const seen = first.get(fixture.id);
      if (seen !== undefined) {
        throw new DecorumError('FIXTURE', `${file}:${line}: duplicate fixture id "${fixture.id}" (first at ${seen}): ids must be unique to compare runs`, { file, line, field: 'id' });
      }
      first.set(fixture.id, `${file}:${line}`);
      out.push(fixture);
    }
  }
  return out;
}

export function readFixtures(file: string): Fixture[] {
  expectString(file, 'readFixtures(file)', 'file');
  return parseFixtures(readTextFile(file, 'fixtures', 'FIXTURE'), file);
}
