import { isDecorumError } from '../errors.js';
import { classifyCommand, evalCommand, extractCommand, trainCommand, type Io } from './commands.js';
import { rulesCommand } from './rules.js';
import { COMMANDS, helpOf, wantsHelp, type CommandName } from './usage.js';

const HELP = `decorum — moderate reader comments

usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.synopsis}${Object.keys(c.options).length > 0 ? ' [options]' : ''}`)
  .join('\n')}

decorum <command> --help describes a command and lists its options.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && Object.hasOwn(COMMANDS, command) && wantsHelp(rest)) {
    io.out(helpOf(command as CommandName));
    return 0;
  }
  try {
    switch (command) {
      case 'classify':
        return await classifyCommand(rest, io);
      case 'extract':
        return extractCommand(rest, io);
      case 'eval':
        return evalCommand(rest, io);
      case 'train':
        return trainCommand(rest, io);
      case 'rules':
        return rulesCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.err(`decorum: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (isDecorumError(error)) {
      io.err(`decorum: ${error.code}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
