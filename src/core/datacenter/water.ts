/**
 * Site water use. WUE (The Green Grid) = site water [L] / IT energy [kWh]. Heat leaves by
 * evaporation (cooling towers) or by dry coolers (no water); per path (cooling/overhead.ts):
 *
 *   make-up [L per kWh of heat evaporated] = L_evap · C / (C − 1)     (1.48 L/kWh; C = 4 cycles, blowdown)
 *   wet share, air path    = (1 − f) + f · w_econ    (chillers reject through towers; waterside economizers too)
 *   wet share, liquid path = 1 − f_liq               (warm loops use dry coolers in their free hours)
 *   WUE = make-up · ((1 − h) · wet_air + h · wet_liquid)
 *
 * h = the design's heat share to liquid, f = the climate's free-cooling fraction, f_liq = f + reach · (1 − f).
 * w_econ is calibrated so that an air-cooled temperate hall lands on the industry WUE ≈ 1.8 L/kWh
 * (datacenter-references.md Efficiency); Meta reports 0.26 L/kWh. IT heat only (chain losses are not
 * counted); no water for power generation (that is the grid's, not the site's).
 */
import { HOURS_PER_YEAR, JOULES_PER_KWH } from './cost.js';
import { WATER } from './defaults-site.js';
import type { PueBreakdown } from './pue.js';
import { requireNonNegative } from './validate.js';

/** Litres of water per kilowatt-hour of IT energy [L/kWh]. */
export function estimateWue(pue: Pick<PueBreakdown, 'liquidHeatFraction' | 'liquidFreeCoolingFraction' | 'airFreeCoolingFraction'>): number {
  const c = WATER.towerCyclesOfConcentration.value;
  const makeUp = WATER.litresEvaporatedPerKwh.value * (c / (c - 1));
  const f = pue.airFreeCoolingFraction;
  const wetAir = 1 - f + f * WATER.airEconomizerWetFraction.value;
  const wetLiquid = 1 - pue.liquidFreeCoolingFraction;
  const h = pue.liquidHeatFraction;
  return makeUp * ((1 - h) * wetAir + h * wetLiquid);
}

export interface WaterUse {
  readonly wueLitresPerKwh: number;
  /** Average IT power over a year · WUE [L]. */
  readonly litresPerYear: number;
  /** The training run's IT energy · WUE [L]. */
  readonly runLitres: number;
}


/** Annual and whole-run site water of a design. */
export function estimateWaterUse(pue: PueBreakdown, itAverageWatts: number, runItEnergyJoules: number): WaterUse {
  const wue = estimateWue(pue);
  const yearKwh = (requireNonNegative('itAverageWatts', itAverageWatts) * HOURS_PER_YEAR * 3600) / JOULES_PER_KWH;
  const runKwh = requireNonNegative('itEnergyJoules', runItEnergyJoules) / JOULES_PER_KWH;
  return { wueLitresPerKwh: wue, litresPerYear: wue * yearKwh, runLitres: wue * runKwh };
}
