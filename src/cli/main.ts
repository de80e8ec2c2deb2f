#!/usr/bin/env node
/** The `scaleplan` command line: a thin shell over the core. */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { EXIT_BAD_INPUT } from './run.js';

// A closed pipe (`scaleplan models | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command();
program
  .name('scaleplan')
  .description('Plan and simulate large-model training on GPU clusters, and the data center that houses them.')
  .version('0.1.0')
  .exitOverride();

for (const register of COMMANDS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; usage errors (unknown option, missing argument) are bad input.
    process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  }
  throw error;
}
