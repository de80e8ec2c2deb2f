/**
 * Setup of every test file: each test starts and ends with a turn of the event loop. Tests do long
 * synchronous work (a search, a validation); without a turn between them, the replies vitest's
 * worker awaits from the main process would wait behind several tests in a row, and on a loaded
 * machine time out ("Timeout calling onTaskUpdate") although every test passed.
 */
import { afterEach, beforeEach } from 'vitest';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

beforeEach(turn);
afterEach(turn);
