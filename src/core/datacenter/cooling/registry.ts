/** The cooling options, one object checked with `satisfies`: add an option here and nowhere else. */
import { AIR } from './air.js';
import { DIRECT_TO_CHIP } from './direct-to-chip.js';
import { IMMERSION } from './immersion.js';
import { REAR_DOOR } from './rear-door.js';
import type { CoolingId, CoolingTechnology } from './types.js';

export const COOLING = {
  air: AIR,
  'rear-door': REAR_DOOR,
  'direct-to-chip': DIRECT_TO_CHIP,
  immersion: IMMERSION,
} as const satisfies Record<CoolingId, CoolingTechnology>;

/** Ids in order of increasing liquid share (air → immersion). */
export const COOLING_IDS: readonly CoolingId[] = ['air', 'rear-door', 'direct-to-chip', 'immersion'];

export function isCoolingId(value: string): value is CoolingId {
  return Object.hasOwn(COOLING, value);
}
