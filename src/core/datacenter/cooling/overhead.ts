/**
 * The cooling-energy model shared by every technology.
 *
 * IT heat splits into a liquid path (share h) and an air path (1 − h). Each path spends
 * `economizer` W per W of heat in free-cooling hours and `mechanical` W per W when compressors run:
 *
 *   f_air = f                                   (conventional supply temperature)
 *   f_liq = f + reach · (1 − f)                 (warm coolant free-cools more of the year)
 *   overhead [W/W] = h · (f_liq·e_liq + (1 − f_liq)·m_liq) + (1 − h) · (f_air·e_air + (1 − f_air)·m_air)
 *
 * with f the climate's free-cooling hours fraction. The four coefficients (defaults.ts COOLING_ENERGY)
 * are calibrated to the PUE anchors of hardware-facts.md §4.2; the overhead never rises with f as long
 * as economizer ≤ mechanical on each path, which the contract suite checks.
 */
import type { Climate } from '../climate.js';
import { COOLING_ENERGY } from '../defaults.js';
import { requireFraction } from '../validate.js';
import type { CoolingId, CoolingOverhead, CoolingTechnology } from './types.js';

/** W of cooling per W of heat on one path, in free-cooling and in compressor hours. */
export interface PathEnergy {
  readonly economizerWattsPerWatt: number;
  readonly mechanicalWattsPerWatt: number;
}

export const AIR_PATH: PathEnergy = {
  economizerWattsPerWatt: COOLING_ENERGY.airEconomizer.value,
  mechanicalWattsPerWatt: COOLING_ENERGY.airMechanical.value,
};

export const LIQUID_PATH: PathEnergy = {
  economizerWattsPerWatt: COOLING_ENERGY.liquidEconomizer.value,
  mechanicalWattsPerWatt: COOLING_ENERGY.liquidMechanical.value,
};

export interface CoolingParams {
  readonly id: CoolingId;
  readonly name: string;
  readonly maxRackWatts: number;
  readonly liquidHeatFraction: number;
  /** Heat share to liquid of a rack-scale system (default: liquidHeatFraction). */
  readonly rackScaleLiquidHeatFraction?: number;
  readonly freeCoolingReach: number;
  readonly capexPremiumUsdPerItWatt: number;
  readonly source: string;
  readonly airPath?: PathEnergy;
  readonly liquidPath?: PathEnergy;
}

/** Blend of one path's two modes at free-cooling fraction f [W/W]. */
export function pathOverhead(path: PathEnergy, freeFraction: number): number {
  return freeFraction * path.economizerWattsPerWatt + (1 - freeFraction) * path.mechanicalWattsPerWatt;
}

/** Cooling overhead of a technology at a climate (formula in the file header). */
export function estimateCoolingOverhead(params: CoolingParams, climate: Climate): CoolingOverhead {
  const f = requireFraction('climate.freeCoolingHoursFraction', climate.freeCoolingHoursFraction);
  const h = params.liquidHeatFraction;
  const liquidFree = h > 0 ? f + params.freeCoolingReach * (1 - f) : 0;
  const liquid = h * pathOverhead(params.liquidPath ?? LIQUID_PATH, liquidFree);
  const air = (1 - h) * pathOverhead(params.airPath ?? AIR_PATH, f);
  return { coolingWattsPerItWatt: liquid + air, liquidFreeCoolingFraction: liquidFree, airFreeCoolingFraction: f };
}

/** Build a CoolingTechnology from its parameters; each option file is one call of this. */
export function createCoolingTechnology(params: CoolingParams): CoolingTechnology {
  return {
    id: params.id,
    name: params.name,
    maxRackWatts: params.maxRackWatts,
    liquidHeatFraction: params.liquidHeatFraction,
    liquidHeatFractionFor: (system) => (system.unitsPerRack === 1 ? params.rackScaleLiquidHeatFraction ?? params.liquidHeatFraction : params.liquidHeatFraction),
    freeCoolingReach: params.freeCoolingReach,
    capexPremiumUsdPerItWatt: params.capexPremiumUsdPerItWatt,
    source: params.source,
    coolingOverhead: (climate: Climate, liquidHeatFraction?: number) =>
      estimateCoolingOverhead(liquidHeatFraction === undefined ? params : { ...params, liquidHeatFraction: requireFraction('liquidHeatFraction', liquidHeatFraction) }, climate),
  };
}
