#!/usr/bin/env node
// Checks corpus/fixtures/train.jsonl and test.jsonl and prints counts per label.
//
//   node corpus/source/validate.mjs                 built-in strict checks
//   npx vite-node corpus/source/validate.mjs        also parses every row with the
//                                                      zod FixtureSchema in src/schemas/fixture.ts
//
// Fails (exit 1) if a line is not JSON, a row does not match the schema (only the
// keys id, text, labels, article, source), an id repeats across the two files, or a
// text appears in both files (compared lower-cased and trimmed).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dupKey } from './text.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, '..', '..', 'corpus', 'fixtures');
const FILES = ['train.jsonl', 'test.jsonl'];
const LABELS = ['slur', 'insult', 'partisan_epithet', 'off_topic'];
const KEYS = new Set(['id', 'text', 'labels', 'article', 'source']);
const SOURCE = /^(seed:[^\s]+|written)$/;

async function loadZodSchema() {
  try {
    const mod = await import('../../src/schemas/fixture.ts');
    // The schemas are built on first use (src/schemas/lazy.ts), not exported as values.
    return mod.fixtureSchemas().FixtureSchema;
  } catch {
    return null; // plain Node cannot import TypeScript; the built-in checks still run
  }
}

/** The same rules as FixtureSchema (a strict object), without dependencies. */
function builtInProblems(row) {
  const p = [];
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return ['not an object'];
  for (const k of Object.keys(row)) if (!KEYS.has(k)) p.push(`unknown key "${k}"`);
  if (typeof row.id !== 'string' || row.id.length === 0) p.push('id must be a non-empty string');
  if (typeof row.text !== 'string') p.push('text must be a string');
  else if (row.text.trim() === '') p.push('text is empty');
  if (!Array.isArray(row.labels)) p.push('labels must be an array');
  else {
    for (const l of row.labels) if (!LABELS.includes(l)) p.push(`unknown label "${l}"`);
    if (new Set(row.labels).size !== row.labels.length) p.push('a label repeats');
  }
  if ('article' in row && typeof row.article !== 'string') p.push('article must be a string');
  if (typeof row.source !== 'string' || !SOURCE.test(row.source)) p.push('source must be "seed:<file>" or "written"');
  return p;
}

async function main() {
  const zodSchema = await loadZodSchema();
  const problems = [];
  const ids = new Map();
  const textsByFile = {};
  const counts = {};
  for (const file of FILES) {
    const lines = readFileSync(join(DIR, file), 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const c = { rows: 0, clean: 0, ...Object.fromEntries(LABELS.map((l) => [l, 0])), seed: 0, written: 0, withArticle: 0 };
    const texts = new Map();
    lines.forEach((line, k) => {
      const where = `${file}:${k + 1}`;
      let row;
      try {
        row = JSON.parse(line);
      } catch (e) {
        problems.push(`${where}: not JSON (${e.message})`);
        return;
      }
      for (const p of builtInProblems(row)) problems.push(`${where}: ${p}`);
      if (zodSchema) {
        const r = zodSchema.safeParse(row);
        if (!r.success) problems.push(`${where}: FixtureSchema: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
      if (ids.has(row.id)) problems.push(`${where}: id ${row.id} already used at ${ids.get(row.id)}`);
      else ids.set(row.id, where);
      if (typeof row.text === 'string') {
        const key = dupKey(row.text);
        if (texts.has(key)) problems.push(`${where}: same text as ${texts.get(key)}`);
        else texts.set(key, where);
      }
      c.rows++;
      if (Array.isArray(row.labels)) {
        if (row.labels.length === 0) c.clean++;
        for (const l of row.labels) if (l in c) c[l]++;
      }
      if (typeof row.source === 'string') c[row.source === 'written' ? 'written' : 'seed']++;
      if (typeof row.article === 'string') c.withArticle++;
    });
    textsByFile[file] = texts;
    counts[file] = c;
  }
  for (const [key, where] of textsByFile['test.jsonl']) {
    if (textsByFile['train.jsonl'].has(key)) problems.push(`${where}: same text as ${textsByFile['train.jsonl'].get(key)}`);
  }

  const cols = ['rows', ...LABELS, 'clean', 'seed', 'written', 'withArticle'];
  console.log(['file', ...cols].join('\t'));
  for (const file of FILES) console.log([file, ...cols.map((k) => counts[file][k])].join('\t'));
  console.log(zodSchema ? 'schema: checked with FixtureSchema (zod) and the built-in rules' : 'schema: checked with the built-in rules (run with vite-node to add FixtureSchema)');
  if (problems.length) {
    console.error(`${problems.length} problem(s):\n  ${problems.slice(0, 50).join('\n  ')}`);
    process.exit(1);
  }
  console.log('ok');
}

await main();
