/**
 * Direct-to-chip liquid cooling (DLC): cold plates on GPUs/CPUs fed by a CDU with warm water; the
 * rest of the rack (NICs, PSUs, switches) stays on air — "supplemental air for 20-30% of remaining
 * components" (hardware-facts.md §4.1). Mandatory for GB200/GB300 NVL72 (~120–140 kW per rack), whose
 * compute and switch trays are plated: a larger share of their heat goes to liquid (LIQUID_SHARE).
 */
import { RACK_LIMITS } from '../defaults.js';
import { COOLING_CAPEX, LIQUID_SHARE } from '../defaults-site.js';
import { createCoolingTechnology } from './overhead.js';

export const DIRECT_TO_CHIP = createCoolingTechnology({
  id: 'direct-to-chip',
  name: 'Direct-to-chip liquid',
  maxRackWatts: RACK_LIMITS.directToChip.value,
  liquidHeatFraction: LIQUID_SHARE.serverDirectToChip.value,
  rackScaleLiquidHeatFraction: LIQUID_SHARE.rackScaleDirectToChip.value,
  // assumption: warm-water loops (supply ~30–45 °C) free-cool 80 % of the hours air cannot.
  freeCoolingReach: 0.8,
  capexPremiumUsdPerItWatt: COOLING_CAPEX.directToChip.value,
  source: `${RACK_LIMITS.directToChip.source}; liquid share: ${LIQUID_SHARE.serverDirectToChip.source}; rack-scale: ${LIQUID_SHARE.rackScaleDirectToChip.source}; reach: assumption`,
});
