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

const bound = new AsyncLocalStorage<CliIo>();

export function currentIo(): CliIo {
  return bound.getStore() ?? PROCESS_IO;
}

export function withIo<T>(io: CliIo, fn: () => T): T {
  return bound.run(io, fn);
}

/** Ends a command with an exit code; `runCli` turns it into its return value (never `process.exit`). */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
