/**
 * Rear-door heat exchanger (RDHx): a water coil in the rack door takes the heat out of the exhaust air
 * before it enters the room. Water must stay ≥ 2 °C above dew point (hardware-facts.md §4.1), so the
 * loop runs cool: only a small extra share of the year free-cools beyond plain air.
 */
import { RACK_LIMITS } from '../defaults.js';
import { COOLING_CAPEX } from '../defaults-site.js';
import { createCoolingTechnology } from './overhead.js';

export const REAR_DOOR = createCoolingTechnology({
  id: 'rear-door',
  name: 'Rear-door heat exchanger',
  maxRackWatts: RACK_LIMITS.rearDoor.value,
  // assumption: the door coil takes the rack exhaust; network/storage racks without doors, leakage
  // around the door and the room's own loads stay on room air → ~80 % of the heat to water.
  liquidHeatFraction: 0.8,
  // assumption: cool water (≥ dew point + 2 °C, §4.1) free-cools a quarter of the remaining hours.
  freeCoolingReach: 0.25,
  capexPremiumUsdPerItWatt: COOLING_CAPEX.rearDoor.value,
  source: `${RACK_LIMITS.rearDoor.source}; heat split and reach: assumptions`,
});
