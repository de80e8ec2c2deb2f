/** Test support: the InputError a call throws, for assertions on its field, value and rule. */
import { InputError } from './errors.js';

export function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
