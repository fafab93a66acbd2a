import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    'cli/main': 'src/cli/bin.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } },
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  sourcemap: false,
  // franc and its helpers ship as ESM only; bundling them lets the CommonJS build load them.
  noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'],
});
