/**
 * Every public function, given anything at all, returns or throws a DecorumError with a code:
 * never a TypeError from inside decorum. fast-check's `anything` brings what typed callers never
 * write and untyped ones do: null, undefined, arrays where objects go, objects without a
 * prototype (String() throws on them), BigInts (JSON.stringify throws on them), sparse arrays
 * (forEach skips their holes), boxed values, Maps and typed arrays.
 *
 * Fuzzing this way found, before this test: null in createModerator's `rules`, a null-prototype
 * value or a BigInt quoted in an error message, a sparse fixture array that skipped validation
 * and crashed the trainer, and non-string text or file names given to normalize and decorum/node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DecorumError, createHook, createModerator, extractPage, normalize, parseModel, serializeModel, trainModel } from '../../src/index.js';
import { loadRulePacks, parseFixtures, readFixtures, readModel, readRulePack, writeModel } from '../../src/node/index.js';
import { moderationMiddleware, verdictBody } from '../../src/hooks/express.js';
import { runs } from './arbitraries.js';

const any = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
});

/** Where a file argument that happens to be a string points: an empty folder, never the repo. */
const dir = mkdtempSync(join(tmpdir(), 'decorum-api-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fileArg = any.map((f) => (typeof f === 'string' ? join(dir, f.replace(/[^a-z0-9]/gi, '') || 'x') : f));

const moderator = createModerator();

/** Runs `call` and says how it ended: 'ok', a DecorumError's code, or what else was thrown. */
function outcome(call: () => unknown): string {
  try {
    call();
    return 'ok';
  } catch (error) {
    if (error instanceof DecorumError) {
      expect(typeof error.code).toBe('string');
      expect(error.message.length).toBeGreaterThan(0);
      return error.code;
    }
    return `not a DecorumError: ${String((error as Error)?.stack ?? error)}`;
  }
}

const CALLS: Array<[string, fc.Arbitrary<() => unknown>, number]> = [
  ['createModerator(options)', any.map((o) => () => createModerator(o as never)), 150],
  ['moderate(text, context)', fc.tuple(fc.oneof(any, fc.string()), any).map(([t, c]) => () => moderator.moderate(t as string, c as never)), 500],
  ['normalize(text)', any.map((t) => () => normalize(t as string)), 500],
  ['parseModel(value, source)', fc.tuple(any, fc.oneof(any, fc.string())).map(([v, s]) => () => parseModel(v, s as string)), 500],
  ['serializeModel(model)', any.map((m) => () => serializeModel(m as never)), 500],
  ['extractPage(page, doc)', fc.tuple(fc.oneof(any, fc.string()), fc.oneof(any, fc.string())).map(([p, d]) => () => extractPage(p as string, d as string)), 300],
  ['trainModel(fixtures, options)', fc.tuple(fc.oneof(any, fc.array(any, { maxLength: 3 })), any).map(([f, o]) => () => trainModel(f as never, o as never)), 300],
  ['createHook(options)', any.map((o) => () => createHook(o as never)), 150],
  ['moderationMiddleware(options)', any.map((o) => () => moderationMiddleware(o as never)), 150],
  ['verdictBody(verdict)', any.map((v) => () => verdictBody(v as never)), 300],
  ['parseFixtures(text, file)', fc.tuple(fc.oneof(any, fc.string()), fc.oneof(any, fc.string())).map(([t, f]) => () => parseFixtures(t as string, f as string)), 300],
  ['readFixtures(file)', fileArg.map((f) => () => readFixtures(f as string)), 200],
  ['readModel(file)', fileArg.map((f) => () => readModel(f as string)), 200],
  ['writeModel(file, model)', fc.tuple(fileArg, any).map(([f, m]) => () => writeModel(f as string, m as never)), 200],
  ['readRulePack(file, options)', fc.tuple(fileArg, any).map(([f, o]) => () => readRulePack(f as string, o as never)), 200],
  ['loadRulePacks(path, options)', fc.tuple(fileArg, any).map(([f, o]) => () => loadRulePacks(f as string, o as never)), 200],
];

describe('public functions given anything: a result or a DecorumError', () => {
  it.each(CALLS)('%s', (_name, calls, numRuns) => {
    fc.assert(
      fc.property(calls, (call) => {
        expect(outcome(call)).not.toMatch(/^not a DecorumError/);
      }),
      runs(numRuns),
    );
  });
});
