#!/usr/bin/env node
import { run } from './main.js';

// EPIPE (`decorum classify ... | head`) is a normal way for a reader to stop: exit quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// No top-level await: the same file is also emitted as CommonJS.
void run(process.argv.slice(2), {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
