/**
 * Every command's flags, in one table each: the same objects are handed to parseArgs (which
 * ignores the `value` and `help` keys) and printed by `decorum <command> --help`, so a flag the
 * parser accepts is always in the help and the help never names a flag the parser refuses.
 */

interface Flag {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** What the flag's argument is called in the help (`DIR`, `N`). */
  readonly value?: string;
  readonly help: string;
}

export interface CommandSpec {
  /** The command line without its options: `decorum train --fixtures F.jsonl --out model.json`. */
  readonly synopsis: string;
  readonly about: string;
  readonly options: Readonly<Record<string, Flag>>;
}

/** The flags that choose the moderator, shared by classify and eval. */
const MODERATOR = {
  rules: { type: 'string', multiple: true, value: 'DIR', help: 'extra rule packs: a folder of *.json, or one file (repeatable); a rule with a shipped id replaces it' },
  'no-bundled-rules': { type: 'boolean', help: 'leave out the shipped rule packs' },
  disable: { type: 'string', multiple: true, value: 'RULE_ID', help: 'switch a rule off (repeatable)' },
  model: { type: 'string', value: 'FILE', help: 'a model from `decorum train` instead of the bundled one' },
  'no-model': { type: 'boolean', help: 'rules only, no model' },
} as const satisfies Record<string, Flag>;

export const COMMANDS = {
  classify: {
    synopsis: 'decorum classify <pages|folder|comments.jsonl|->...',
    about: 'Moderates every reader comment of plain-text news pages, or every JSONL row {id?, text, article?} ("-" reads standard input).',
    options: {
      json: { type: 'boolean', help: 'one verdict per line (JSONL) instead of the table' },
      rejects: { type: 'string', value: 'FILE', help: 'write malformed JSONL lines to FILE as {file, line, error, raw} (default: stderr)' },
      workers: { type: 'string', value: 'N', help: 'classify on N worker threads, output in input order (default 0: the main thread)' },
      ...MODERATOR,
    },
  },
  extract: {
    synopsis: 'decorum extract <pages|folder>...',
    about: 'Splits plain-text news pages into reader comments: JSONL {doc, index, author, text}, page furniture left out.',
    options: {},
  },
  eval: {
    synopsis: 'decorum eval --fixtures F.jsonl',
    about: 'Precision, recall and F1 per label and per rule on labelled comments {id, text, labels, article?}, and every misclassified comment.',
    options: {
      fixtures: { type: 'string', multiple: true, value: 'F.jsonl', help: 'labelled comments (required; repeatable)' },
      json: { type: 'boolean', help: 'the whole report as one JSON object (save it as a baseline)' },
      baseline: { type: 'string', value: 'B.json', help: 'compare with a saved --json report; exit 1 when F1 falls by more than the tolerance' },
      tolerance: { type: 'string', value: 'T', help: 'largest F1 drop --baseline accepts, 0 to 1 (default 0)' },
      sweep: { type: 'boolean', help: 'precision, recall and F1 per label at thresholds 0.05 to 0.95' },
      calibration: { type: 'boolean', help: 'score bins against how often the label is true (Brier, ECE)' },
      html: { type: 'string', value: 'R.html', help: 'also write the report as one self-contained page' },
      errors: { type: 'string', value: 'N', help: 'how many misclassified comments the table lists (default 20)' },
      ...MODERATOR,
    },
  },
  train: {
    synopsis: 'decorum train --fixtures F.jsonl --out model.json',
    about: 'Trains a model on labelled comments, for `--model` and createModerator({ model }).',
    options: {
      fixtures: { type: 'string', multiple: true, value: 'F.jsonl', help: 'labelled comments (required; repeatable)' },
      out: { type: 'string', value: 'FILE', help: 'where the model is written (required)' },
      rules: { type: 'string', multiple: true, value: 'DIR', help: 'extra rule packs whose matches become features, as for classify (repeatable); train with the packs you moderate with' },
      'no-bundled-rules': { type: 'boolean', help: 'leave out the shipped rule packs' },
    },
  },
  rules: {
    synopsis: 'decorum rules <test|lint>',
    about: "test: runs every rule's own examples. lint: finds mistakes in rule packs (unknown fields, duplicates, shadowed terms, unsafe patterns, ...). Both exit 1 on a failure.",
    options: {
      rules: { type: 'string', multiple: true, value: 'DIR', help: 'your rule packs, checked with the shipped ones (repeatable)' },
      'no-bundled-rules': { type: 'boolean', help: 'check only the packs given with --rules' },
      json: { type: 'boolean', help: 'the results as JSON' },
    },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** The one-line usage that error messages end with. */
export const usageLine = (command: CommandName): string =>
  `${COMMANDS[command].synopsis}${Object.keys(COMMANDS[command].options).length > 0 ? ' [options]' : ''}   (decorum ${command} --help lists them)`;

/** `decorum <command> --help`: the synopsis, what it does, and every flag with its argument. */
export function helpOf(command: CommandName): string {
  const spec: CommandSpec = COMMANDS[command];
  const flags = Object.entries(spec.options).map(([name, flag]) => [`--${name}${flag.value ? ` ${flag.value}` : ''}`, flag.help] as const);
  const width = Math.max(0, ...flags.map(([f]) => f.length)) + 2;
  const lines = [`usage: ${spec.synopsis}${flags.length > 0 ? ' [options]' : ''}`, '', spec.about];
  if (flags.length > 0) lines.push('', 'options:', ...flags.map(([f, h]) => `  ${f.padEnd(width)}${h}`));
  return lines.join('\n') + '\n';
}

/** Asks for help: `--help` or `-h` before any `--` (after it, they are file names). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
