import { assemblePacks } from '../bundled/assemble.js';
import { badWordsList } from '../bundled/profanity.js';
import { lintRulePacks } from '../engine/lint.js';
import { testRulePacks } from '../engine/selfTest.js';
import { DecorumError } from '../errors.js';
import { loadRulePacks } from '../node/rulePacks.js';
import { parse } from './args.js';
import { COMMANDS, usageLine } from './usage.js';
import type { Io } from './commands.js';

export function rulesCommand(argv: string[], io: Io): number {
  const usage = usageLine('rules');
  const [sub, ...rest] = argv;
  const { values } = parse(rest, COMMANDS.rules.options, usage);
  // The lint reports schema problems (unknown fields, bad values) as findings; `test` needs valid packs.
  const custom = (values.rules ?? []).flatMap((p) => loadRulePacks(p, { validate: sub !== 'lint' }));
  // As a moderator assembles them: a rule of yours with a shipped rule's id replaces that rule.
  const packs = assemblePacks(custom, values['no-bundled-rules'] !== true);
  if (sub === 'test') {
    const result = testRulePacks(packs, badWordsList());
    if (values.json) io.out(JSON.stringify(result) + '\n');
    else {
      for (const f of result.failures) {
        io.out(`FAIL ${f.file} ${f.ruleId}: ${f.kind === 'match' ? 'should match' : 'should not match'} ${JSON.stringify(f.text)}${f.found.length ? ` (matched ${f.found.map((s) => JSON.stringify(s)).join(', ')})` : ''}\n`);
      }
      io.out(`${result.rules} rules, ${result.examples} examples: ${result.examples - result.failures.length} passed, ${result.failures.length} failed\n`);
    }
    return result.failures.length === 0 ? 0 : 1;
  }
  if (sub === 'lint') {
    const findings = lintRulePacks(packs, { profanity: badWordsList() });
    if (values.json) io.out(JSON.stringify(findings) + '\n');
    else {
      for (const f of findings) io.out(`${f.kind.padEnd(17)} ${f.file}${f.ruleId ? ` ${f.ruleId}` : ''}${f.field ? ` ${f.field}` : ''}: ${f.message}\n`);
      io.out(`${packs.length} packs: ${findings.length} finding${findings.length === 1 ? '' : 's'}\n`);
    }
    return findings.length === 0 ? 0 : 1;
  }
  throw new DecorumError('INVALID_OPTION', sub === undefined || sub.startsWith('-') ? `say which: decorum rules test, or decorum rules lint\nusage: ${usage}` : `unknown rules command "${sub}" (test or lint)\nusage: ${usage}`);
}
