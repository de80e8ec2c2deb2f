#!/usr/bin/env node
/** The `scaleplan` binary: a thin shell over `runCli`. */
import { invokedCommand } from './commands/index.js';
import { runCli } from './run-cli.js';

/**
 * Optimise a function later than V8's default (interrupt budget 67,584 bytecode units, Node 20):
 * a command runs its model code for a second or two, long enough that V8 otherwise optimises many
 * functions on little type feedback and re-optimises them after deoptimisation, which cost more CPU
 * than the optimised code saved (`plan` of every example, measured in `npm run bench -- "cli plan"`).
 * Set before a command loads the core, so every function of the core starts with this budget; not
 * for `--help` alone, which runs no model code (loading `node:v8` costs it ~5 ms).
 */
const INTERRUPT_BUDGET = 16 * 67_584;
const argv = process.argv.slice(2);
if (invokedCommand(argv) !== undefined) (await import('node:v8')).setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);

// A closed pipe (`scaleplan models | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const exitCode = await runCli(argv);
// Wait for both streams before ending: an error line through a pipe arrives whole. exitCode (not
// exit()) then lets the process end on its own.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exitCode = exitCode;
