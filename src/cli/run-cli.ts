/**
 * The CLI's one entry function: arguments in; output through `io`; exit code out. The binary
 * (`main.ts`) and the in-process tests call the same function.
 */
import { Command, CommanderError, Help } from 'commander';
import { COMMANDS, invokedCommand } from './commands/index.js';
import { CliExit, EXIT_BAD_INPUT, EXIT_INTERNAL, PROCESS_IO, currentRunOptions, withIo, type CliIo } from './cli-io.js';

export const VERSION = '0.1.0';

/**
 * The program with the invoked command registered in full and every other command as a listing
 * entry (name, usage, summary): only the invoked command's module is loaded.
 */
async function createProgram(io: CliIo, argv: readonly string[]): Promise<Command> {
  const program = new Command();
  const usageOf = new Map<Command, string>();
  program
    .name('scaleplan')
    .description('Plan and simulate large-model training on GPU clusters, and the data center that houses them.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .configureHelp({
      subcommandTerm(this: Help, cmd: Command): string {
        const usage = usageOf.get(cmd);
        return usage === undefined ? Help.prototype.subcommandTerm.call(this, cmd) : `${cmd.name()} ${usage}`;
      },
    })
    .option('--profile <file>', 'a calibration profile (written by `scaleplan calibrate`) in force for every estimate; also `calibration:` in a scenario')
    .hook('preAction', (_program, action) => {
      const profile: unknown = action.optsWithGlobals().profile;
      if (typeof profile === 'string') currentRunOptions().profile = profile;
    })
    .addHelpText('after', '\nEvery command takes --help and --json, e.g. `scaleplan plan --help`.');
  const invoked = invokedCommand(argv);
  for (const entry of COMMANDS) {
    if (entry === invoked) (await entry.load())(program);
    else usageOf.set(program.command(entry.name).summary(entry.summary), entry.usage);
  }
  return program;
}

/** Runs one command line (`argv` without `node` and the script) and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return withIo(io, async () => {
    try {
      const program = await createProgram(io, argv);
      await program.parseAsync([...argv], { from: 'user' });
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
