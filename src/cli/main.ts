#!/usr/bin/env node
/** The `scaleplan` binary: a thin shell over `runCli`. */
import { runCli } from './run-cli.js';

// A closed pipe (`scaleplan models | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode (not exit()) lets stdout and stderr drain before the process ends.
process.exitCode = await runCli(process.argv.slice(2));
