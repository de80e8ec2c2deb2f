/**
 * Where a CLI run writes: the process's streams for the binary, string buffers for in-process
 * runs (tests, embedding). Commands ask `currentIo()`; `runCli` binds one per run, so concurrent
 * in-process runs never mix their output.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Exit code of bad input (a usage error or an InputError). */
export const EXIT_BAD_INPUT = 2;
/** Exit code of a bug (an error that is not bad input). */
export const EXIT_INTERNAL = 1;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

export const PROCESS_IO: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get stdoutIsTTY() { return process.stdout.isTTY === true; },
  get stderrIsTTY() { return process.stderr.isTTY === true; },
};

/** Options of the whole command line that every command honours (set once, before the action runs). */
export interface RunOptions {
  /** `--profile <file>`: a calibration profile in force for every estimate of this run. */
  profile?: string;
  /** The calibration profile applied while reading inputs, named in the output. */
  applied?: { readonly name: string; readonly file: string };
  /** The text output has named the profile in force. */
  announced?: boolean;
}

interface Bound {
  readonly io: CliIo;
  readonly options: RunOptions;
}

const bound = new AsyncLocalStorage<Bound>();
const PROCESS_RUN: Bound = { io: PROCESS_IO, options: {} };

export function currentIo(): CliIo {
  return (bound.getStore() ?? PROCESS_RUN).io;
}

/** This run's command-line-wide options (a fresh record per `runCli`). */
export function currentRunOptions(): RunOptions {
  return (bound.getStore() ?? PROCESS_RUN).options;
}

export function withIo<T>(io: CliIo, fn: () => T): T {
  return bound.run({ io, options: {} }, fn);
}

/** Ends a command with an exit code; `runCli` turns it into its return value (never `process.exit`). */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
