/**
 * The CLI's one entry function: arguments in; output through `io`; exit code out. The binary
 * (`main.ts`) and the in-process tests call the same function.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { CliExit, PROCESS_IO, withIo, type CliIo } from './cli-io.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from './run.js';

export const VERSION = '0.1.0';

function createProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('scaleplan')
    .description('Plan and simulate large-model training on GPU clusters, and the data center that houses them.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs one command line (`argv` without `node` and the script) and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return withIo(io, async () => {
    try {
      await createProgram(io).parseAsync([...argv], { from: 'user' });
      return 0;
    } catch (error) {
      if (error instanceof CliExit) return error.exitCode;
      // --help and --version exit 0; usage errors (unknown option, missing argument) are bad input.
      if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr(`internal error (please report): ${message}\n`);
      return EXIT_INTERNAL;
    }
  });
}

export interface CapturedRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command line in-process and captures its streams (off a terminal). */
export async function runCliCaptured(argv: readonly string[]): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stdoutIsTTY: false, stderrIsTTY: false };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}
