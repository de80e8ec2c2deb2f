/** Runs a command action with the CLI's error contract: bad input → one line on stderr, exit code 2. */
import { isInputError } from '../core/index.js';
import { CliExit, currentIo, EXIT_BAD_INPUT, EXIT_INTERNAL } from './cli-io.js';

export { EXIT_BAD_INPUT, EXIT_INTERNAL };

/** Writes the error the way the contract says and ends the command (throws `CliExit`). */
export function handleError(error: unknown): never {
  if (error instanceof CliExit) throw error;
  if (isInputError(error)) {
    currentIo().stderr(`error: ${error.message}\n`);
    throw new CliExit(EXIT_BAD_INPUT);
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  currentIo().stderr(`internal error (please report): ${message}\n`);
  throw new CliExit(EXIT_INTERNAL);
}

/** Wraps an async or sync action so that every error goes through `handleError`. */
export function action<A extends unknown[]>(fn: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      handleError(error);
    }
  };
}
