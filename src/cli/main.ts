#!/usr/bin/env node
/** The `scaleplan` binary: a thin shell over `runCli`. */
import { runCli } from './run-cli.js';

// A closed pipe (`scaleplan models | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const exitCode = await runCli(process.argv.slice(2));
// Wait for both streams before ending: an error line through a pipe arrives whole. exitCode (not
// exit()) then lets the process end on its own.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exitCode = exitCode;
