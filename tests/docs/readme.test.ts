/**
 * The README's examples are run, and what they say they print is compared with what the code
 * prints. Outputs shown in the README drifted silently before (scores and feature orders after a
 * retrained model, an error code that no function throws): a reader copies these, so they are
 * checked like any other behaviour.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from '../../src/index.js';
import * as nodeApi from '../../src/node/index.js';
import * as expressApi from '../../src/hooks/express.js';
import * as vitestApi from '../../src/vitest/index.js';
import { trainModelOptionsSchema } from '../../src/schemas/options.js';
import { COMMANDS } from '../../src/cli/usage.js';
import { assemblePacks } from '../../src/bundled/assemble.js';
import { badWordsList } from '../../src/bundled/profanity.js';
import { lintRulePacks } from '../../src/engine/lint.js';
import { testRulePacks } from '../../src/engine/selfTest.js';
import { rulePackSchemas } from '../../src/schemas/rulePack.js';
import { createModerator } from '../../src/moderate.js';
import { moderationMiddleware } from '../../src/hooks/express.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(root, 'README.md'), 'utf8');
// The examples are written out here to be imported (and the CLI's rejects file).
const dir = mkdtempSync(join(tmpdir(), 'decorum-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Block {
  lang: string;
  body: string;
  /** README line of the opening fence (1-based), for failure messages. */
  line: number;
}

/** Every fenced code block, in order, with its info string. */
function fencedBlocks(text: string): Array<Block & { offset: number }> {
  const out: Array<Block & { offset: number }> = [];
  const fence = /^( *)```(\w*)\n([\s\S]*?)^\1```$/gm;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    const indent = m[1]!.length;
    // Without the newline before the closing fence.
    const body = m[3]!.slice(0, -1).split('\n').map((l) => l.slice(indent)).join('\n');
    out.push({ lang: m[2]!, body, line: text.slice(0, m.index).split('\n').length, offset: m.index });
  }
  return out;
}

/** The first fenced block of `lang` after the first occurrence of `marker` (a heading or a sentence). */
function blockAfter(marker: string, lang: string): Block {
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const block = fencedBlocks(README).find((b) => b.offset > at && b.lang === lang);
  if (block === undefined) throw new Error(`README has no \`\`\`${lang} block after "${marker}"`);
  return block;
}

/** The markdown table whose header row is `header`: its body rows, cells trimmed. */
function tableAfter(header: string): string[][] {
  const at = README.indexOf(header);
  if (at < 0) throw new Error(`README has no table "${header}"`);
  const rest = README.slice(at);
  const rows = rest.slice(0, rest.indexOf('\n\n')).split('\n').slice(2);
  // Cells split on pipes that are not escaped (`\|` inside a code span).
  return rows.map((r) => r.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
}

/** The names in backticks of a cell, without call parentheses: "`parseModel(json)`, `serializeModel(model)`" → both names. */
const namesIn = (cell: string): string[] => [...cell.matchAll(/`([A-Za-z_]\w*)/g)].map((m) => m[1]!);

/** Evaluates a JavaScript expression written in the README (an object literal in a comment, say). */
const evaluate = (source: string): unknown => new Function(`return (${source});`)();

describe('README: the Use example', () => {
  const block = blockAfter('## Use', 'ts');

  it('prints the verdict the README shows, to the last field', () => {
    const call = /moderator\.moderate\('([^']*)', \{\s*article: '([^']*)'/.exec(block.body);
    expect(call, `README line ${block.line}: the moderate() call`).not.toBeNull();
    const shown = block.body
      .split('\n')
      .filter((l) => l.startsWith('// '))
      .map((l) => l.slice(3))
      .join('\n');
    const documented = evaluate(shown.slice(shown.indexOf('{')));
    const verdict = createModerator().moderate(call![1]!, { article: call![2]! });
    expect(verdict).toEqual(documented);
  });
});

describe('README: the Express middleware', () => {
  it('answers the rejected comment with the 422 body the README shows', async () => {
    const text = /\(here for\s+"([^"]+)"\)/.exec(README)?.[1];
    expect(text, 'the sentence naming the rejected comment').toBeDefined();
    const documented = JSON.parse(blockAfter('A rejected comment gets `422`', 'json').body) as unknown;
    const sent: { status?: number; body?: string } = {};
    const res = {
      statusCode: 200,
      setHeader: () => res,
      end(body?: string) {
        sent.status = res.statusCode;
        sent.body = body;
      },
    };
    let passed = false;
    moderationMiddleware()({ body: { text } }, res, () => (passed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(false);
    expect(sent.status).toBe(422);
    expect(JSON.parse(sent.body!)).toEqual(documented);
  });
});

describe('README: the quick start', () => {
  it('shows lines the classify command prints, in its order (a line ending in "..." is cut short)', () => {
    const shown = blockAfter('The first prints', 'text').body.split('\n').filter((l) => l.trim() !== '');
    const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'classify', 'corpus/pages'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const printed = r.stdout.split('\n');
    let from = 0;
    for (const line of shown) {
      const cut = line.endsWith('...');
      const want = cut ? line.slice(0, -3) : line;
      const at = printed.findIndex((p, k) => k >= from && (cut ? p.startsWith(want) : p === want));
      expect(at, `README quick-start line not printed (in this order): ${line}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });
});

describe('README: batch moderation', () => {
  it('closes with the summary lines the README shows (its numbers are made up, its wording is not)', () => {
    // The README's summary lines, each number a slot for any number (two blank lines: the README's plural).
    const shown = blockAfter('The closing summary on stderr accounts for every line', '').body.split('\n');
    const input = ['{"id":"a","text":"Thanks for the report."}', '', 'not json', '', '{"id":"c","text":"You are an idiot."}', '{"text":42}'].join('\n');
    const rejects = join(dir, 'bad-lines.jsonl');
    const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'classify', '-', '--json', '--rejects', rejects], { cwd: root, encoding: 'utf8', input });
    expect(r.status).toBe(0);
    const summary = r.stderr.split('\n').filter((l) => l.startsWith('decorum: '));
    expect(summary).toHaveLength(shown.length);
    shown.forEach((line, k) => {
      const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '\\d+');
      expect(summary[k]).toMatch(new RegExp(`^${escaped}$`));
    });
    expect(summary[0]).toBe('decorum: 4 comments read: 2 classified (1 allow, 0 review, 1 reject), 2 rejected');
  });
});

describe('README: the save hook', () => {
  it('rejects the save of a rejected comment with the error the example throws, and passes a clean one', async () => {
    const block = blockAfter('### Save hooks: `createHook`', 'js');
    const hookFile = join(dir, 'hook.example.mjs');
    writeFileSync(hookFile, `${block.body.replace(/from 'decorum'/g, `from ${JSON.stringify(join(root, 'src/index.ts'))}`)}\nexport { moderateComment };\n`);
    const { moderateComment } = (await import(hookFile)) as { moderateComment: api.SaveHook<{ text: string; articleBody?: string }, unknown> };
    await expect(moderateComment({ text: 'You are an idiot.' })).rejects.toThrow('comment rejected: insult');
    const clean = await moderateComment({ text: 'Thanks for the clear report on the summit.', articleBody: 'The summit between the two presidents ended without a deal.' });
    expect(clean.action).toBe('allow');
  });
});

describe('README: the rule pack format', () => {
  it("its example pack loads, passes its own examples and the lint beside the shipped packs", () => {
    const pack = JSON.parse(blockAfter('### Rule packs', 'json').body) as unknown;
    const packs = assemblePacks([{ pack, file: 'README example' }], true);
    expect(testRulePacks(packs, badWordsList()).failures).toEqual([]);
    expect(lintRulePacks(packs, { profanity: badWordsList() })).toEqual([]);
  });

  it('its tables name every field the schema takes, and no other', () => {
    const { RulePackSchema, RuleSchema, TermSchema } = rulePackSchemas();
    const column = (header: string) => tableAfter(header).map((r) => namesIn(r[0]!)[0]);
    expect(column('| pack field | required | what it holds |').sort()).toEqual(Object.keys(RulePackSchema.shape).sort());
    expect(column('| rule field | required | what it holds |').sort()).toEqual(Object.keys(RuleSchema.shape).sort());
    const prose = README.slice(README.indexOf("A term object's fields"), README.indexOf('### Lint rule packs'));
    for (const field of [...Object.keys(TermSchema.options[1].shape), ...Object.keys(RuleSchema.shape.affixes.unwrap().shape)]) expect(prose).toContain(`\`${field}\``);
  });
});

describe('README: the CLI', () => {
  // Every `decorum <command> ...` line in the README's shell blocks, flags and all.
  const commandLines = fencedBlocks(README)
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((l) => /(?:^|\s)(?:npx )?decorum (\w+)( (?:test|lint))?(.*)/.exec(l.replace(/#.*$/, '')))
    .filter((m): m is RegExpExecArray => m !== null);

  it('shows only commands and flags the CLI accepts', () => {
    expect(commandLines.length).toBeGreaterThan(10);
    for (const [line, command, , rest] of commandLines) {
      expect(Object.keys(COMMANDS), line).toContain(command);
      const options = COMMANDS[command as keyof typeof COMMANDS].options;
      for (const [, flag] of rest!.matchAll(/--([a-z][a-z-]*)/g)) {
        if (flag === 'help') continue;
        expect(Object.keys(options), `${line}: --${flag}`).toContain(flag);
      }
    }
  });

  it('names every flag of every command somewhere', () => {
    for (const spec of Object.values(COMMANDS)) for (const flag of Object.keys(spec.options)) expect(README).toContain(`--${flag}`);
  });

  it('every command answers --help with its options, and exits 0', () => {
    for (const [command, spec] of Object.entries(COMMANDS)) {
      const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), command, '--help'], { cwd: root, encoding: 'utf8' });
      expect(r.status, command).toBe(0);
      expect(r.stdout).toContain(`usage: ${spec.synopsis}`);
      for (const flag of Object.keys(spec.options)) expect(r.stdout, `${command} --${flag}`).toMatch(new RegExp(`^  --${flag}\\b`, 'm'));
    }
  });
});

describe('README: the API and error tables', () => {
  const rows = tableAfter('| export | what it is |');
  const documented = (entry: string): string[] => {
    const row = rows.filter((r) => (entry === '.' ? !/^`decorum\//.test(r[0]!) : r[0]!.startsWith(`\`${entry}\``)));
    return row.flatMap((r) => namesIn(entry === '.' ? r[0]! : r[0]!.slice(r[0]!.indexOf(':'))));
  };

  it.each([
    ['.', api],
    ['decorum/node', nodeApi],
    ['decorum/vitest', vitestApi],
    // src/hooks/express.ts is the entry of decorum/express (tsup.config.ts).
    ['decorum/express', expressApi],
  ] as const)('names every run-time export of %s, and no other', (entry, module) => {
    expect(documented(entry).sort()).toEqual(Object.keys(module).sort());
  });

  it('lists every error code, and no other', () => {
    const codes = tableAfter('| code | when |').map((r) => namesIn(r[0]!)[0]);
    // The codes of the DecorumErrorCode type, read from its source (a type has no run-time value).
    const source = readFileSync(join(root, 'src/errors.ts'), 'utf8');
    const union = /export type DecorumErrorCode =([^;]*);/.exec(source)![1]!;
    expect(codes.sort()).toEqual([...union.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort());
  });

  it('lists every trainModel option, and no other', () => {
    // createModerator's table is checked in tests/schemas/options.test.ts.
    const train = README.slice(README.indexOf('### Options of `trainModel`'));
    const table = train.slice(train.indexOf('| option |'));
    const documentedOptions = table
      .slice(0, table.indexOf('\n\n'))
      .split('\n')
      .slice(2)
      .map((r) => /^\| `(\w+)` \|/.exec(r)?.[1]);
    expect(documentedOptions.sort()).toEqual(Object.keys(trainModelOptionsSchema().shape).sort());
  });
});

/**
 * The options an options table's "default" column spells out: a cell that is one code span is
 * read as JavaScript, "`x` per label" as x for each label; prose ("bundled model", "any") is left out.
 */
function documentedDefaults(heading: string): Record<string, unknown> {
  const section = README.slice(README.indexOf(heading));
  const rows = section.slice(section.indexOf('| option | default |'));
  const out: Record<string, unknown> = {};
  for (const line of rows.slice(0, rows.indexOf('\n\n')).split('\n').slice(2)) {
    const [name, cell] = line.split(/(?<!\\)\|/).slice(1, 3).map((c) => c.trim());
    const option = /^`(\w+)`$/.exec(name!)?.[1];
    const literal = /^`([^`]+)`( per label)?$/.exec(cell!);
    if (option === undefined || literal === null) continue;
    let value: unknown;
    try {
      value = evaluate(literal[1]!);
    } catch (e) {
      // A call such as `createModerator(moderatorOptions)` names a default, it is not one.
      if (e instanceof ReferenceError) continue;
      throw e;
    }
    out[option] = literal[2] ? Object.fromEntries(api.LABELS.map((l) => [l, value])) : value;
  }
  return out;
}

describe('README: the options tables\' defaults are the defaults', () => {
  const fixtures = nodeApi.readFixtures(join(root, 'corpus/fixtures/test.jsonl'));

  it('createModerator(): the same verdicts with no options as with the documented defaults passed', () => {
    const defaults = documentedDefaults('### Options of `createModerator`');
    // Every option with a literal default is read (a cell reworded into prose would silently drop out).
    expect(Object.keys(defaults).sort()).toEqual(['bundledRules', 'disable', 'explain', 'maxArticleLength', 'maxLength', 'profanity', 'rejectAt', 'reviewAt', 'rules', 'thresholds']);
    const plain = createModerator();
    const spelled = createModerator(defaults as api.ModeratorOptions);
    const article = 'The summit ended without a deal. '.repeat(4_000); // past maxArticleLength
    const long = `${'We read the report on the summit. '.repeat(700)}You are an idiot.`; // past maxLength
    for (const f of fixtures) expect(spelled.moderate(f.text, { article: f.article ?? article })).toEqual(plain.moderate(f.text, { article: f.article ?? article }));
    expect(spelled.moderate(long)).toEqual(plain.moderate(long));
  });

  it('moderationMiddleware(): the same answers with no options as with the documented defaults passed', async () => {
    const defaults = documentedDefaults('### Express / Connect middleware');
    expect(Object.keys(defaults).sort()).toEqual(['attachAs', 'moderatorOptions', 'onReject', 'onReview', 'textField']);
    const answer = async (middleware: ReturnType<typeof moderationMiddleware>, body: unknown) => {
      const req: Record<string, unknown> = { body };
      const res = { statusCode: 200, locals: {} as Record<string, unknown>, body: undefined as string | undefined, setHeader: () => res, end: (b?: string) => void (res.body = b) };
      let next: unknown = 'not called';
      middleware(req, res, (e?: unknown) => void (next = e));
      await new Promise((resolve) => setImmediate(resolve));
      return { status: res.statusCode, body: res.body, next, attached: req.moderation, locals: res.locals.moderation };
    };
    const plain = moderationMiddleware();
    const spelled = moderationMiddleware(defaults);
    for (const body of [{ text: 'Thanks for the report.' }, { text: 'Typical Demonrats.' }, { text: 'You are an idiot.' }, {}, { text: 7 }]) {
      expect(await answer(spelled, body)).toEqual(await answer(plain, body));
    }
  });

  it('trainModel(): the same model with no options as with the documented defaults passed', () => {
    const defaults = documentedDefaults('### Options of `trainModel`');
    expect(Object.keys(defaults).sort()).toEqual(['alpha', 'bundledRules', 'folds', 'minDf', 'profanity', 'rules']);
    const some = fixtures.slice(0, 200);
    expect(api.trainModel(some, defaults)).toEqual(api.trainModel(some));
  });
});

// The vitest example is a whole test file: it is written out with its imports pointed at src/
// and imported here, so its describe blocks run as part of this file.
const example = blockAfter("A site's `moderation.test.ts`", 'ts');
const file = join(dir, 'moderation.example.ts');
writeFileSync(
  file,
  `${example.body
    .replace(/from 'decorum'/g, `from ${JSON.stringify(join(root, 'src/index.ts'))}`)
    .replace(/from 'decorum\/vitest'/g, `from ${JSON.stringify(join(root, 'src/vitest/index.ts'))}`)}\nexport { moderator, site };\n`,
);
const { moderator: exampleModerator, site: examplePack } = (await import(file)) as { moderator: api.Moderator; site: api.RulePackInput };

describe("README: the vitest example's rule pack", () => {
  it('passes decorum rules lint beside the shipped packs, as a reader copying it would run it', () => {
    expect(lintRulePacks(assemblePacks([examplePack], true), { profanity: badWordsList() })).toEqual([]);
  });
});

describe('README: the vitest matchers failure message', () => {
  it('is what the matcher says for the example moderator', () => {
    const shown = blockAfter('When a matcher fails', 'text').body.split('\n');
    // The message proper: from "Error: " down to the blank line before vitest's own Expected/Received.
    const message = shown.slice(0, shown.indexOf('')).join('\n').replace(/^Error: /, '');
    const { toBeAllowed } = vitestApi.decorumMatchers(exampleModerator);
    const result = toBeAllowed.call({ isNot: false } as never, 'Sit down, you muppet!');
    expect(result.pass).toBe(false);
    expect(result.message()).toBe(message);
    expect(shown.slice(shown.indexOf('') + 1)).toEqual([`Expected: ${JSON.stringify(result.expected)}`, `Received: ${JSON.stringify(result.actual)}`]);
  });
});
