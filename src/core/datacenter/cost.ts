/**
 * Money, energy and carbon of a sized data center.
 *
 *  capex [USD] = servers (installed GPUs · USD per GPU) + fabric (network.ts, DeepSeek Table 3 prices)
 *              + facility (built IT watts · USD per IT watt; C&W 2025 $11.7 M/MW traditional, modular
 *                $8–12 M/MW, hardware-facts.md §4.4) — facility cost is per block: blocks · block W · price
 *  opex [USD/yr] = average facility W · 8,760 h / 1,000 · USD/kWh  +  maintenance fraction · facility capex
 *  run energy [J]: facility = IT · PUE; carbon [kg] = facility kWh · g/kWh / 1,000 (§4.7 grid intensity)
 */
import { InputError } from '../errors.js';
import { COSTS } from './defaults.js';
import type { DatacenterSizing } from './size.js';
import { requireFraction, requireNonNegative, requirePositive } from './validate.js';

/** Joules in one kilowatt-hour. */
export const JOULES_PER_KWH = 3.6e6;
/** Hours in a (non-leap) year. */
export const HOURS_PER_YEAR = 8760;

export interface CapexInput {
  readonly sizing: DatacenterSizing;
  /** Server price per GPU, node share included [USD] (default: COSTS.serverUsdPerGpu fallback; callers pass the system price, system-prices.ts). */
  readonly serverUsdPerGpu?: number;
  /** Facility price per built IT watt [USD/W] (default: modular $10/W). */
  readonly facilityUsdPerItWatt?: number;
}

export interface CapexBreakdown {
  readonly serversUsd: number;
  readonly networkUsd: number;
  readonly facilityUsd: number;
  readonly facilityUsdPerBlock: number;
  readonly totalUsd: number;
  /** Total capex per installed GPU [USD]. */
  readonly usdPerGpu: number;
}

export function estimateCapex(input: CapexInput): CapexBreakdown {
  const { sizing } = input;
  const perGpu = requireNonNegative('serverUsdPerGpu', input.serverUsdPerGpu ?? COSTS.serverUsdPerGpu.value, 1e7);
  const perWatt = requireNonNegative('facilityUsdPerItWatt', input.facilityUsdPerItWatt ?? COSTS.modularFacilityUsdPerItWatt.value, 1000);
  const serversUsd = sizing.gpusInstalled * perGpu;
  const networkUsd = sizing.fabric.cost.totalUsd;
  const facilityUsdPerBlock = sizing.blocks.blockItWatts * perWatt;
  const facilityUsd = sizing.blocks.count * facilityUsdPerBlock;
  const totalUsd = serversUsd + networkUsd + facilityUsd;
  return { serversUsd, networkUsd, facilityUsd, facilityUsdPerBlock, totalUsd, usdPerGpu: totalUsd / sizing.gpusInstalled };
}

export interface OpexInput {
  readonly sizing: DatacenterSizing;
  readonly capex: CapexBreakdown;
  readonly electricityUsdPerKwh?: number;
  readonly facilityMaintenanceFractionPerYear?: number;
}

export interface OpexBreakdown {
  readonly facilityEnergyJoulesPerYear: number;
  readonly energyUsdPerYear: number;
  readonly maintenanceUsdPerYear: number;
  readonly totalUsdPerYear: number;
}

export function estimateOpex(input: OpexInput): OpexBreakdown {
  const price = requireNonNegative('electricityUsdPerKwh', input.electricityUsdPerKwh ?? COSTS.electricityUsdPerKwh.value, 10);
  const maintenance = requireFraction('facilityMaintenanceFractionPerYear', input.facilityMaintenanceFractionPerYear ?? COSTS.facilityMaintenanceFractionPerYear.value);
  const facilityEnergyJoulesPerYear = input.sizing.facility.averageWatts * HOURS_PER_YEAR * 3600;
  const energyUsdPerYear = (facilityEnergyJoulesPerYear / JOULES_PER_KWH) * price;
  const maintenanceUsdPerYear = maintenance * input.capex.facilityUsd;
  return { facilityEnergyJoulesPerYear, energyUsdPerYear, maintenanceUsdPerYear, totalUsdPerYear: energyUsdPerYear + maintenanceUsdPerYear };
}

/** IT energy of a run: given directly, or as average IT power × duration. */
export type RunItEnergy = { readonly itEnergyJoules: number } | { readonly averageItWatts: number; readonly seconds: number };

export type RunEnergyInput = RunItEnergy & {
  readonly pue: number;
  readonly electricityUsdPerKwh?: number;
  readonly gridGramsCo2ePerKwh?: number;
};

export interface RunEnergy {
  readonly itEnergyJoules: number;
  /** IT · PUE [J]. */
  readonly facilityEnergyJoules: number;
  /** Cooling, power-chain and misc energy: facility − IT [J]. */
  readonly overheadEnergyJoules: number;
  readonly facilityEnergyKwh: number;
  readonly energyUsd: number;
  readonly carbonKgCo2e: number;
}

function runItEnergyJoules(input: RunItEnergy): number {
  if ('itEnergyJoules' in input) return requireNonNegative('itEnergyJoules', input.itEnergyJoules);
  return requireNonNegative('averageItWatts', input.averageItWatts) * requireNonNegative('seconds', input.seconds);
}

/** Facility energy, electricity cost and carbon of a training run. */
export function estimateRunEnergy(input: RunEnergyInput): RunEnergy {
  const pue = requirePositive('pue', input.pue, 10);
  if (pue < 1) throw new InputError('pue', pue, 'must be ≥ 1 (facility power includes IT power)');
  const price = requireNonNegative('electricityUsdPerKwh', input.electricityUsdPerKwh ?? COSTS.electricityUsdPerKwh.value, 10);
  const intensity = requireNonNegative('gridGramsCo2ePerKwh', input.gridGramsCo2ePerKwh ?? COSTS.gridGramsCo2ePerKwh.value, 2000);
  const itEnergyJoules = runItEnergyJoules(input);
  const facilityEnergyJoules = itEnergyJoules * pue;
  const facilityEnergyKwh = facilityEnergyJoules / JOULES_PER_KWH;
  return {
    itEnergyJoules,
    facilityEnergyJoules,
    overheadEnergyJoules: facilityEnergyJoules - itEnergyJoules,
    facilityEnergyKwh,
    energyUsd: facilityEnergyKwh * price,
    carbonKgCo2e: (facilityEnergyKwh * intensity) / 1000,
  };
}
