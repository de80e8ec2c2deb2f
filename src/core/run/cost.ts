/**
 * Money and carbon of a run.
 *
 *   rental [USD] = GPU-hours · price per GPU-hour          (price includes power and facility)
 *   owned  [USD] = GPUs · capex per GPU / (years · 8,760 h) · run hours   (straight-line amortisation)
 *                + facility kWh · electricity price
 *   carbon [t CO2e] = facility kWh · grid g/kWh / 10⁶
 *
 * Electricity price, grid intensity and the server price per GPU are the data-center model's
 * defaults (datacenter COSTS, hardware-facts.md §4.5, §4.7); energy and carbon go through its
 * `estimateRunEnergy`, so both folders compute them one way.
 */
import { defaultServerUsdPerGpu } from '../datacenter/system-prices.js';
import type { Accelerator } from '../hardware/types.js';
import { COSTS } from '../datacenter/defaults.js';
import { HOURS_PER_YEAR, JOULES_PER_KWH, estimateRunEnergy } from '../datacenter/cost.js';
import type { Sourced } from '../datacenter/sourced.js';
import { requireNonNegative, requirePositive, requirePositiveInteger } from '../datacenter/validate.js';
import { OWNERSHIP, RENTAL_PRICE_FALLBACK, RENTAL_PRICES } from './defaults.js';
import { SECONDS_PER_HOUR } from './run-time.js';

/** Largest price accepted per GPU-hour [USD] (AWS on-demand H100 is ~$12, §4.6). */
const MAX_USD_PER_GPU_HOUR = 1000;

function isPriced(acceleratorId: string): acceleratorId is keyof typeof RENTAL_PRICES {
  return Object.hasOwn(RENTAL_PRICES, acceleratorId);
}

/** The default rental price of an accelerator (§4.6), or the named fallback. */
export function defaultRentalPrice(acceleratorId: string): Sourced {
  return isPriced(acceleratorId) ? RENTAL_PRICES[acceleratorId] : RENTAL_PRICE_FALLBACK;
}

/** How a run is paid for. Omitted fields take the defaults (sources in defaults.ts and datacenter COSTS). */
export type Pricing =
  | { readonly basis: 'rental'; readonly usdPerGpuHour?: number }
  | {
      readonly basis: 'owned';
      readonly capexUsdPerGpu?: number;
      readonly amortisationYears?: number;
      readonly electricityUsdPerKwh?: number;
    };

export interface RentalCostInput {
  readonly acceleratorId: string;
  readonly gpuHours: number;
  readonly usdPerGpuHour?: number;
}

export interface RunCost {
  readonly basis: 'rental' | 'owned';
  readonly usd: number;
  /** usd / GPU-hours [USD per GPU-hour]. */
  readonly usdPerGpuHour: number;
  readonly gpuHours: number;
  /** Hardware share: rental charges, or the amortised capex [USD]. */
  readonly hardwareUsd: number;
  /** Electricity bought by the owner (0 for rental: included in the price) [USD]. */
  readonly energyUsd: number;
  /** Where the price (or the capex) comes from. */
  readonly source: string;
}

/** Rental: GPU-hours × price (default per accelerator, hardware-facts.md §4.6). */
export function estimateRentalCost(input: RentalCostInput): RunCost {
  const gpuHours = requireNonNegative('gpuHours', input.gpuHours);
  const fallback = defaultRentalPrice(input.acceleratorId);
  const price = requireNonNegative('pricing.usdPerGpuHour', input.usdPerGpuHour ?? fallback.value, MAX_USD_PER_GPU_HOUR);
  const source = input.usdPerGpuHour === undefined ? fallback.source : 'given';
  const usd = gpuHours * price;
  return { basis: 'rental', usd, usdPerGpuHour: price, gpuHours, hardwareUsd: usd, energyUsd: 0, source };
}

export interface OwnedCostInput {
  /** Prices the servers by system (datacenter SYSTEM_PRICES) when `capexUsdPerGpu` is absent. */
  readonly accelerator?: Pick<Accelerator, 'id' | 'system'>;
  readonly gpus: number;
  readonly seconds: number;
  readonly facilityJoules: number;
  readonly capexUsdPerGpu?: number;
  readonly amortisationYears?: number;
  readonly electricityUsdPerKwh?: number;
}

/** Owned hardware: capex amortised over its life for the run's duration, plus electricity. */
export function estimateOwnedCost(input: OwnedCostInput): RunCost {
  const gpus = requirePositiveInteger('gpus', input.gpus);
  const seconds = requireNonNegative('seconds', input.seconds);
  const server = input.accelerator === undefined ? COSTS.serverUsdPerGpu : defaultServerUsdPerGpu(input.accelerator);
  const capex = requireNonNegative('pricing.capexUsdPerGpu', input.capexUsdPerGpu ?? server.value, 1e7);
  const years = requirePositive('pricing.amortisationYears', input.amortisationYears ?? OWNERSHIP.amortisationYears.value, 100);
  const price = requireNonNegative('pricing.electricityUsdPerKwh', input.electricityUsdPerKwh ?? COSTS.electricityUsdPerKwh.value, 10);
  const gpuHours = (gpus * seconds) / SECONDS_PER_HOUR;
  const hardwareUsd = (capex / (years * HOURS_PER_YEAR)) * gpuHours;
  const energyUsd = (requireNonNegative('facilityJoules', input.facilityJoules) / JOULES_PER_KWH) * price;
  const usd = hardwareUsd + energyUsd;
  const source = input.capexUsdPerGpu === undefined ? `capex: ${server.source}` : 'capex given';
  return { basis: 'owned', usd, usdPerGpuHour: gpuHours > 0 ? usd / gpuHours : 0, gpuHours, hardwareUsd, energyUsd, source };
}

export interface CarbonInput {
  readonly facilityJoules: number;
  readonly gridGramsCo2ePerKwh?: number;
}

export interface RunCarbon {
  readonly tonnesCo2e: number;
  readonly gramsPerKwh: number;
  readonly source: string;
}

/** Facility energy × grid intensity (default: global average 2025, 458 g/kWh, §4.7). */
export function estimateCarbon(input: CarbonInput): RunCarbon {
  const facilityJoules = requireNonNegative('facilityJoules', input.facilityJoules);
  const gramsPerKwh = input.gridGramsCo2ePerKwh ?? COSTS.gridGramsCo2ePerKwh.value;
  // PUE 1: the energy given is already facility energy
  const energy = estimateRunEnergy({ itEnergyJoules: facilityJoules, pue: 1, gridGramsCo2ePerKwh: gramsPerKwh });
  const source = input.gridGramsCo2ePerKwh === undefined ? COSTS.gridGramsCo2ePerKwh.source : 'given';
  return { tonnesCo2e: energy.carbonKgCo2e / 1000, gramsPerKwh, source };
}
