import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

describe('the sources and tests', () => {
  // vitest strips types without checking them: a type error in src/ or tests/ would otherwise pass
  // `npm test` (and so CI) unseen, as one in a language test did.
  it('type-check under the project tsconfig (npm run typecheck)', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});

describe('the built package types', () => {
  it('resolve through "exports" for ESM and CommonJS consumers (tsc, nodenext)', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const files = ['tests/package/consumer/esm.mts', 'tests/package/consumer/cjs.cts', 'tests/package/consumer/express.mts'];
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--esModuleInterop', '--types', 'node', ...files], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
