import { InputError } from '../errors.js';
import { nearest } from '../suggest.js';
import { ACCELERATORS, ACCELERATOR_IDS } from './catalog.js';
import type { Accelerator } from './types.js';

function isAcceleratorId(id: string): id is keyof typeof ACCELERATORS {
  return Object.prototype.hasOwnProperty.call(ACCELERATORS, id);
}

/**
 * The catalog accelerator with this id.
 * @throws InputError('cluster.accelerator', id, 'unknown accelerator; did you mean "…"?') for an unknown id.
 */
export function findAccelerator(id: string): Accelerator {
  if (isAcceleratorId(id)) return ACCELERATORS[id];
  const suggestion = nearest(id, ACCELERATOR_IDS);
  const hint = suggestion === null ? '' : `; did you mean "${suggestion}"?`;
  throw new InputError('cluster.accelerator', id, `unknown accelerator${hint} (known: ${ACCELERATOR_IDS.join(', ')})`);
}
