/**
 * Build step: writes model/english-words.json from natural's English lexicon and rules/slurs.json
 * (see src/lexicon/build.ts). Run by `npm run build:model`; deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildWordList } from '../lexicon/build.js';
import { decodeWords } from '../lexicon/format.js';

export const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';

const root = process.argv[2] ?? process.cwd();
const require = createRequire(resolve(root, 'package.json'));
const lexicon = Object.keys(JSON.parse(readFileSync(require.resolve(LEXICON), 'utf8')) as Record<string, unknown>);
const packs = [JSON.parse(readFileSync(resolve(root, 'rules/slurs.json'), 'utf8')) as unknown];
const list = buildWordList(lexicon, packs, `natural ${(require('natural/package.json') as { version: string }).version}: ${LEXICON.replace(/^natural\//, '')}`);
const output = resolve(root, 'model/english-words.json');
writeFileSync(output, JSON.stringify(list) + '\n');
process.stderr.write(`decorum: ${decodeWords(list.words).length} English words → ${output}\n`);
