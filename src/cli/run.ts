/** Runs a command action with the CLI's error contract: bad input → one line on stderr, exit code 2. */
import { isInputError } from '../core/index.js';

export const EXIT_BAD_INPUT = 2;

export function handleError(error: unknown): never {
  if (isInputError(error)) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`internal error (please report): ${message}\n`);
  process.exit(1);
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
