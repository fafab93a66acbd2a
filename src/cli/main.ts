import { isDecorumError } from '../errors.js';
import { classifyCommand, evalCommand, extractCommand, trainCommand, type Io } from './commands.js';
import { rulesCommand } from './rules.js';

const HELP = `decorum — moderate reader comments

usage:
  decorum classify <pages|folder|comments.jsonl|->  [--json] [--rejects FILE] [--workers N] [--rules DIR] [--model FILE]
  decorum extract <pages|folder>                     split pages into comments (JSONL)
  decorum eval --fixtures F.jsonl [--json] [--baseline B.json --tolerance T] [--sweep] [--html R.html]
  decorum train --fixtures F.jsonl --out model.json
  decorum rules test [--rules DIR]                   run every rule's examples
  decorum rules lint [--rules DIR]                   find mistakes in rule packs
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
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
