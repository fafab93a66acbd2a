import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    express: 'src/hooks/express.ts',
    vitest: 'src/vitest/index.ts',
    'cli/main': 'src/cli/bin.ts',
    // Loaded by `decorum classify --workers N` through new Worker(new URL(...)).
    'node/batchWorker': 'src/node/batchWorker.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', express: 'src/hooks/express.ts', vitest: 'src/vitest/index.ts' },
  },
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  sourcemap: false,
  // vitest is the user's own test runner: decorum/vitest must use the copy they run.
  external: ['vitest'],
  // franc and its helpers ship as ESM only; bundling them lets the CommonJS build load them.
  noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'],
});
