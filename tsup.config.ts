import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Options } from 'tsup';
import { encodePatternReads } from './src/bundled/patternReads.js';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Data files become `JSON.parse('…')`, not object literals: V8 parses a JSON string several
 * times faster than the same data as JavaScript, and every process pays for it at import.
 * The shipped rule packs, model and word list (our .json imports) and franc's trigram table
 * (a 356 KB object literal of strings, franc/data.js) are all plain data.
 * Measured on the cold start (bench/coldstart-ab.mjs): see the commit message.
 */
const dataAsJsonParse: Plugin = {
  name: 'data-as-json-parse',
  setup(build) {
    const emit = (value: unknown): string => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
    build.onLoad({ filter: /\.json$/ }, async (args) => ({
      contents: `export default ${emit(JSON.parse(await readFile(args.path, 'utf8')))};`,
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]franc[\\/]data\.js$/ }, async (args) => {
      const { data } = (await import(pathToFileURL(args.path).href)) as { data: unknown };
      return { contents: `export const data = ${emit(data)};`, loader: 'js' };
    });
  },
};

/**
 * src/bundled/shippedPatternReads.ts becomes the table of `readPattern` for every pattern of the
 * shipped packs (rules/*.json), computed here with this build's own prefilter: see that module.
 */
const shippedPatternReads: Plugin = {
  name: 'shipped-pattern-reads',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]bundled[\\/]shippedPatternReads\.ts$/ }, async (args) => {
      const rules = join(dirname(args.path), '../../rules');
      const sources: string[] = [];
      for (const file of (await readdir(rules)).filter((f) => f.endsWith('.json')).sort()) {
        const pack = JSON.parse(await readFile(join(rules, file), 'utf8')) as { rules: Array<{ patterns?: string[] }> };
        for (const rule of pack.rules) sources.push(...(rule.patterns ?? []));
      }
      return {
        contents: `import { decodePatternReads } from './patternReads.js';\nexport const SHIPPED_PATTERN_READS = decodePatternReads(${JSON.stringify(encodePatternReads(sources))});\n`,
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * zod, bundled as one minified module of the part decorum calls (zod/v4/classic's schemas and
 * what they import), instead of imported from node_modules: `import 'zod'` loads ~100 files
 * (every locale among them), ~130 ms of CPU at every cold start; bundled it is ~25 ms.
 * Types still come from the zod package (the .d.ts files import it), so it stays a dependency.
 */
const zodBundled: Plugin = {
  name: 'zod-bundled',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'zod-bundled' }));
    build.onLoad({ filter: /.*/, namespace: 'zod-bundled' }, async () => {
      const root = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
      const out = await build.esbuild.build({
        stdin: { contents: `export * as z from ${JSON.stringify(join(root, 'v4/classic/schemas.js'))};`, resolveDir: root },
        bundle: true,
        minify: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        target: 'node20',
        legalComments: 'none',
      });
      return { contents: out.outputFiles[0]!.text, loader: 'js', resolveDir: root };
    });
  },
};

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
  esbuildOptions(o) {
    o.charset = 'utf8';
  },
  splitting: true,
  sourcemap: false,
  // vitest is the user's own test runner: decorum/vitest must use the copy they run.
  external: ['vitest'],
  // franc and its helpers ship as ESM only; bundling them lets the CommonJS build load them.
  noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'zod'],
  esbuildPlugins: [dataAsJsonParse, zodBundled, shippedPatternReads],
});
