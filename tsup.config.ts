import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Options } from 'tsup';
import { encodePatternReads } from './src/bundled/patternReads.js';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/** Packages whose code is copied into dist/ (not imported from node_modules at run time). */
const BUNDLED = ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space', 'zod'] as const;

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN
AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE
OR OTHER DEALINGS IN THE SOFTWARE.`;

/**
 * dist/THIRD_PARTY_NOTICES.md: the licences of the packages copied into dist/ (BUNDLED). The
 * MIT licence asks that its notice travel with every copy; minified bundles drop the packages'
 * own files, so the build writes them here, from the versions it bundled. A package that ships
 * no licence file (franc) gets the MIT text its package.json names, with its author.
 */
async function writeNotices(): Promise<void> {
  const require = createRequire(import.meta.url);
  const parts = ['# Third-party notices', '', 'decorum bundles code from these packages into this folder; their licences follow.', ''];
  for (const name of BUNDLED) {
    const manifest = require.resolve(`${name}/package.json`);
    const pkg = JSON.parse(await readFile(manifest, 'utf8')) as { version: string; license?: string; author?: string | { name: string } };
    const dir = dirname(manifest);
    const file = (await readdir(dir)).find((f) => /^licen[cs]e(\.|$)/i.test(f));
    let text: string;
    if (file !== undefined) text = await readFile(join(dir, file), 'utf8');
    else if (pkg.license === 'MIT') text = `(The MIT License)\n\nCopyright (c) ${typeof pkg.author === 'string' ? pkg.author : (pkg.author?.name ?? `the ${name} authors`)}\n\n${MIT}`;
    else throw new Error(`tsup: ${name} ships no licence file and its licence (${pkg.license}) has no text here`);
    parts.push(`## ${name} ${pkg.version} (${pkg.license ?? 'see below'})`, '', '```', text.trim(), '```', '');
  }
  await writeFile('dist/THIRD_PARTY_NOTICES.md', parts.join('\n'));
}

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

/**
 * Entries reachable only as ESM: the bin is dist/cli/main.js, and `decorum/vitest` has no
 * `require` condition (vitest loads test files as ESM). tsup builds every entry in both formats;
 * their CommonJS copies (~76 KB) would ship unreachable. tests/package/import.test.ts checks that
 * every module the package ships is reachable from package.json.
 */
const ESM_ONLY = ['dist/cli/main.cjs', 'dist/vitest.cjs'];

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
  noExternal: [...BUNDLED],
  esbuildPlugins: [dataAsJsonParse, zodBundled, shippedPatternReads],
  async onSuccess() {
    await writeNotices();
    await Promise.all(ESM_ONLY.map((file) => rm(file)));
  },
});
