/**
 * The cooling option and the modeled annual PUE of a scenario's data center: the one facility basis
 * that run energy, cost and carbon use everywhere (estimate, datacenter, report).
 */
import { CLIMATES } from '../datacenter/climate.js';
import { COOLING } from '../datacenter/cooling/registry.js';
import type { CoolingId } from '../datacenter/cooling/types.js';
import { COOLING_ENERGY } from '../datacenter/defaults.js';
import { POWER_CHAINS } from '../datacenter/power-chain.js';
import { estimatePue, type PueInput } from '../datacenter/pue.js';
import { compatibleCooling } from '../datacenter/racks.js';
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';

/** Preference order when the scenario names no cooling: the lowest-PUE option that holds the rack. */
const COOLING_PREFERENCE: readonly CoolingId[] = ['direct-to-chip', 'immersion', 'rear-door', 'air'];

/** The scenario's cooling, or the lowest-PUE option that holds its rack. */
/** "HGX H100 8-GPU" → "HGX H100 8-GPU rack"; a system already named a rack keeps its name. */
function withRack(system: string): string {
  return /\brack$/i.test(system) ? system : `${system} rack`;
}

export function chooseCooling(scenario: Scenario): CoolingId {
  const given = scenario.datacenter.cooling;
  const fits = compatibleCooling(scenario.cluster.accelerator, COOLING_PREFERENCE);
  if (given !== undefined) {
    if (!fits.includes(given)) throw new InputError('datacenter.cooling', given, `cannot hold a ${withRack(scenario.cluster.accelerator.system.name)} (${Math.round(scenario.cluster.accelerator.system.powerWatts / 1e3)} kW per unit); options that can: ${fits.join(', ')}`);
    return given;
  }
  const first = fits[0];
  if (first === undefined) throw new InputError('cluster.accelerator', scenario.cluster.accelerator.id, 'no cooling option holds this system\'s rack');
  return first;
}

/** PUE inputs of the scenario's design (defaults: temperate climate, modern AC chain). */
export function scenarioPueInput(scenario: Scenario): PueInput {
  const dc = scenario.datacenter;
  const cooling = chooseCooling(scenario);
  return {
    cooling,
    climate: CLIMATES[dc.climate ?? 'temperate'],
    powerChain: POWER_CHAINS[dc.powerChain ?? 'modernAc'],
    miscWattsPerItWatt: COOLING_ENERGY.miscModular.value,
    // The system's own heat share to liquid: an NVL72 rack plates more than an 8-GPU server.
    liquidHeatFraction: COOLING[cooling].liquidHeatFractionFor(scenario.cluster.accelerator.system),
  };
}

/** Modeled annual PUE of the scenario's data center. */
export function estimateScenarioPue(scenario: Scenario): number {
  return estimatePue(scenarioPueInput(scenario)).pue;
}
