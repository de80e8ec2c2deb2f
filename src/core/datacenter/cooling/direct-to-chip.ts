/**
 * Direct-to-chip liquid cooling (DLC): cold plates on GPUs/CPUs fed by a CDU with warm water; the
 * rest of the rack (NICs, PSUs, switches) stays on air — "supplemental air for 20-30% of remaining
 * components" (hardware-facts.md §4.1). Mandatory for GB200/GB300 NVL72 (~120–140 kW per rack).
 */
import { RACK_LIMITS } from '../defaults.js';
import { createCoolingTechnology } from './overhead.js';

export const DIRECT_TO_CHIP = createCoolingTechnology({
  id: 'direct-to-chip',
  name: 'Direct-to-chip liquid',
  maxRackWatts: RACK_LIMITS.directToChip.value,
  // §4.1 (imdcontrols summarizing DCD): 20–30 % of heat still to air → 75 % liquid (midpoint).
  liquidHeatFraction: 0.75,
  // assumption: warm-water loops (supply ~30–45 °C) free-cool 80 % of the hours air cannot.
  freeCoolingReach: 0.8,
  source: `${RACK_LIMITS.directToChip.source}; liquid share from §4.1 DLC "20-30% of remaining components" on air; reach: assumption`,
});
