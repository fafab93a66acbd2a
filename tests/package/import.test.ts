import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const node = (code: string, type: 'module' | 'commonjs') =>
  spawnSync(process.execPath, type === 'module' ? ['--input-type=module', '-e', code] : ['-e', code], { cwd: root, encoding: 'utf8' });

/** What `npm pack` would ship (paths), listed once for the tests that read it (~1 s a listing). */
let packed: string[] | undefined;
function packedFiles(): string[] {
  if (packed !== undefined) return packed;
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return (packed = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
}

describe('the built package', () => {
  it('importing decorum (ESM) prints nothing and works', () => {
    // natural's index loads dotenv and database back ends that print on import; decorum must not.
    const r = node("import { createModerator } from 'decorum'; const v = createModerator().moderate('you idiot'); if (!v.labels.includes('insult')) process.exit(3);", 'module');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('requiring decorum (CommonJS) prints nothing and works', () => {
    const r = node("const { createModerator } = require('decorum'); const v = createModerator().moderate('you idiot'); if (!v.labels.includes('insult')) process.exit(3);", 'commonjs');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('decorum/node resolves in both module systems', () => {
    expect(node("import { loadRulePacks } from 'decorum/node'; if (loadRulePacks('rules').length < 5) process.exit(3);", 'module').status).toBe(0);
    expect(node("const { loadRulePacks } = require('decorum/node'); if (loadRulePacks('rules').length < 5) process.exit(3);", 'commonjs').status).toBe(0);
  });

  it('the public API is exactly these names', async () => {
    const api = await import('../../dist/index.js');
    expect(Object.keys(api).sort()).toEqual(
      ['DecorumError', 'LABELS', 'MODEL_FORMAT', 'MODEL_VERSION', 'createHook', 'createModerator', 'extractPage', 'isDecorumError', 'normalize', 'parseModel', 'serializeModel', 'trainModel'].sort(),
    );
  });

  it('npm pack ships dist, rules and the trained model, and not the tests', () => {
    const files = packedFiles();
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli/main.js', 'rules/slurs.json', 'model/decorum-model.json', 'README.md']));
    expect(files.some((f) => f.startsWith('tests/') || f.startsWith('corpus/') || f.startsWith('src/'))).toBe(false);
  });

  it('every module it ships is reachable from package.json (bin, exports, the batch worker)', () => {
    const shipped = packedFiles().filter((f) => /\.c?js$/.test(f));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; exports: unknown };
    const targets = (x: unknown): string[] => (typeof x === 'string' ? [x] : typeof x === 'object' && x !== null ? Object.values(x).flatMap(targets) : []);
    // The worker is started by path (new Worker(url)), from either build of decorum/node.
    const roots = [...Object.values(pkg.bin), ...targets(pkg.exports), 'dist/node/batchWorker.js', 'dist/node/batchWorker.cjs'].map((f) => posix.normalize(f)).filter((f) => /\.c?js$/.test(f));
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      const code = readFileSync(join(root, file), 'utf8');
      for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\()["'](\.{1,2}\/[^"']+)["']/g)) visit(posix.join(posix.dirname(file), m[1]!));
    };
    roots.forEach(visit);
    expect(shipped.filter((f) => !reached.has(f))).toEqual([]);
    expect([...reached].filter((f) => !shipped.includes(f))).toEqual([]);
  });

  it('ships the licences of the packages bundled into dist', () => {
    const notices = readFileSync(join(root, 'dist', 'THIRD_PARTY_NOTICES.md'), 'utf8');
    // What the build copies in: zod and franc with its helpers (tsup.config.ts, BUNDLED).
    for (const name of ['zod', 'franc', 'trigram-utils', 'n-gram', 'collapse-white-space']) {
      const version = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
      expect(notices).toContain(`## ${name} ${version} (MIT)`);
    }
    expect(notices.match(/Permission is hereby granted/g)?.length).toBe(5);
  });
});
