/**
 * What the `scaleplan` process does around `runCli`: a closed pipe is not an error, both streams
 * drain before the process ends, and the exit code is set (not forced), so an error line through
 * a pipe arrives whole. Shared by the two ways the binary starts (`main.ts`).
 */
import { runCli } from './run-cli.js';

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

export async function runBinary(argv: readonly string[]): Promise<void> {
  // A closed pipe (`scaleplan models | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const exitCode = await runCli(argv);
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exitCode = exitCode;
}
