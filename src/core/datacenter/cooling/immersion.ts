/**
 * Immersion cooling: servers submerged in dielectric fluid in tanks; nearly all heat goes to the fluid.
 * Density is UNVERIFIED in hardware-facts.md §4.1 ("100+ kW/tank"): the limit here is that floor.
 */
import { RACK_LIMITS } from '../defaults.js';
import { COOLING_CAPEX } from '../defaults-site.js';
import { createCoolingTechnology } from './overhead.js';

export const IMMERSION = createCoolingTechnology({
  id: 'immersion',
  name: 'Immersion (single-phase tank)',
  maxRackWatts: RACK_LIMITS.immersion.value,
  // assumption: ~95 % of heat into the fluid; room air handles network gear and losses.
  liquidHeatFraction: 0.95,
  // assumption: warm fluid loop, same reach as direct-to-chip.
  freeCoolingReach: 0.8,
  capexPremiumUsdPerItWatt: COOLING_CAPEX.immersion.value,
  source: `${RACK_LIMITS.immersion.source}; heat split and reach: assumptions`,
});
