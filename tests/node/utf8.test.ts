import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8File, firstInvalidUtf8 } from '../../src/node/utf8.js';
import { readFixtures } from '../../src/node/fixtures.js';
import { readRulePack } from '../../src/node/rulePacks.js';
import { readModel } from '../../src/node/modelFile.js';
import { serializeModel } from '../../src/model/format.js';
import { bundledModelParsed } from '../../src/bundled/model.js';
import { isDecorumError } from '../../src/errors.js';

/** The reference: a strict decoder's yes or no. */
function valid(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('firstInvalidUtf8', () => {
  it('agrees with a strict decoder on whether bytes are UTF-8, on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  // A byte that can never start a sequence, or a lead byte followed by what no sequence continues
  // with (valid text starts with ASCII or a lead byte, never a continuation byte), or cut off.
  it('finds the first bad byte among valid text (mixed scripts, emoji)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xe9, 0xed, 0xf5, 0xff), fc.string({ unit: 'grapheme', maxLength: 20 }), (before, bad, after) => {
        const head = Buffer.from(before, 'utf8');
        const bytes = Buffer.concat([head, Buffer.from([bad]), Buffer.from(after, 'utf8')]);
        expect(firstInvalidUtf8(bytes)).toBe(head.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF, as the standard does', () => {
    for (const bytes of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x80, 0x80, 0xaf]]) {
      expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(0);
    }
    expect(firstInvalidUtf8(Buffer.from('\u{10FFFF}\uD7FF\uE000', 'utf8'))).toBe(-1);
  });
});

describe('files are read as strict UTF-8, a byte order mark dropped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decorum-utf8-'));
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const file = (name: string, ...parts: Array<string | Buffer>) => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
    return path;
  };
  const thrown = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (isDecorumError(e)) return { code: e.code, message: e.message, details: e.details };
      throw e;
    }
    throw new Error('did not throw');
  };

  it('decodeUtf8File names the file, the line and the byte', () => {
    const bytes = Buffer.concat([Buffer.from('one\ntwo\nthr'), Buffer.from([0xe9]), Buffer.from('e\n')]);
    expect(thrown(() => decodeUtf8File(bytes, 'x.jsonl', 'FIXTURE'))).toEqual({
      code: 'FIXTURE',
      message: expect.stringMatching(/^x\.jsonl:3: not valid UTF-8: byte 0xE9 at byte 4 of the line/),
      details: { file: 'x.jsonl', line: 3 },
    });
    expect(decodeUtf8File(Buffer.concat([bom, Buffer.from('caf\u00e9')]), 'x', 'IO')).toBe('caf\u00e9');
  });

  it('rule packs, fixtures and models with a byte order mark load as without one', () => {
    const pack = readFileSync(new URL('../../rules/insults.json', import.meta.url), 'utf8');
    expect(readRulePack(file('p.json', bom, pack)).pack).toEqual(JSON.parse(pack));
    const fixture = '{"id":"a","text":"You are an idiot.","labels":["insult"],"source":"written"}\n';
    expect(readFixtures(file('f.jsonl', bom, fixture))).toEqual(readFixtures(file('g.jsonl', fixture)));
    const model = serializeModel(bundledModelParsed());
    expect(readModel(file('m.json', bom, model))).toEqual(bundledModelParsed());
  });

  it('a rule pack, fixture file or model that is not UTF-8 fails with its own code, naming the line', () => {
    const latin1 = Buffer.from('caf\u00e9', 'latin1');
    expect(thrown(() => readRulePack(file('bad.json', '{\n  "pack": "', latin1, '"\n}')))).toMatchObject({ code: 'RULE_PACK', details: { line: 2 } });
    expect(thrown(() => readFixtures(file('bad.jsonl', '{"id":"a","text":"', latin1, '","labels":[],"source":"written"}\n')))).toMatchObject({ code: 'FIXTURE', details: { line: 1 } });
    expect(thrown(() => readModel(file('bad-model.json', '{"format":"', latin1, '"}')))).toMatchObject({ code: 'MODEL_FORMAT', details: { line: 1 } });
  });
});
