/**
 * Air cooling: room air through CRAH/CRAC units, hot/cold-aisle containment, chillers with
 * economizers. All heat leaves by air. Density limit: 40.8 kW (4 × DGX H100, hardware-facts.md §2.2).
 */
import { RACK_LIMITS } from '../defaults.js';
import { COOLING_CAPEX } from '../defaults-site.js';
import { createCoolingTechnology } from './overhead.js';

export const AIR = createCoolingTechnology({
  id: 'air',
  name: 'Air (CRAH + containment)',
  maxRackWatts: RACK_LIMITS.air.value,
  liquidHeatFraction: 0,
  freeCoolingReach: 0,
  capexPremiumUsdPerItWatt: COOLING_CAPEX.air.value,
  source: RACK_LIMITS.air.source,
});
