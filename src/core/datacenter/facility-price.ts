/**
 * Facility capex per IT watt of a block, from the build style, the block size, the cooling option and
 * the redundancy (sources in defaults.ts COSTS and defaults-site.ts):
 *
 *   base [USD/W] = edge price when block ≤ 1 MW (SITE_COSTS), else modular $10/W or traditional $11.7/W (§4.4)
 *   facility [USD/W] = (base + cooling premium over air (cooling option, COOLING_CAPEX)) · redundancy multiplier (redundancy.ts)
 *   shared site [USD/W] = facility · 10 % (C&W 2025 "site" share): paid once for the whole site;
 *   per block [USD/W] = facility − shared
 */
import { COOLING } from './cooling/registry.js';
import type { CoolingId } from './cooling/types.js';
import { COSTS } from './defaults.js';
import { SITE_COSTS } from './defaults-site.js';
import { DEFAULT_REDUNDANCY, planRedundancy, type Redundancy } from './redundancy.js';

export type BuildStyleId = 'modular' | 'traditional';

export interface FacilityPriceInput {
  readonly style: BuildStyleId;
  readonly cooling: CoolingId;
  readonly blockItWatts: number;
  readonly redundancy?: Redundancy;
}

export interface FacilityPrice {
  /** Style or edge price before cooling and redundancy [USD/W]. */
  readonly baseUsdPerItWatt: number;
  readonly edge: boolean;
  readonly coolingPremiumUsdPerItWatt: number;
  readonly redundancyMultiplier: number;
  /** Everything per built IT watt [USD/W]. */
  readonly usdPerItWatt: number;
  /** The part of it shared by the whole site (site work, utility connection) [USD/W]. */
  readonly sharedUsdPerItWatt: number;
  /** The part each block brings [USD/W]. */
  readonly blockUsdPerItWatt: number;
}

/** Facility price per IT watt (formula in the header). */
export function estimateFacilityPrice(input: FacilityPriceInput): FacilityPrice {
  const edge = input.style === 'modular' && input.blockItWatts <= SITE_COSTS.edgeBlockMaxItWatts.value;
  const styleUsd = input.style === 'modular' ? COSTS.modularFacilityUsdPerItWatt.value : COSTS.traditionalFacilityUsdPerItWatt.value;
  const baseUsdPerItWatt = edge ? SITE_COSTS.edgeBlockUsdPerItWatt.value : styleUsd;
  const coolingPremiumUsdPerItWatt = COOLING[input.cooling].capexPremiumUsdPerItWatt;
  // The multiplier does not depend on the watts: price it on one watt.
  const redundancyMultiplier = planRedundancy(input.redundancy ?? DEFAULT_REDUNDANCY, 1, 1).facilityCostMultiplier;
  const usdPerItWatt = (baseUsdPerItWatt + coolingPremiumUsdPerItWatt) * redundancyMultiplier;
  const sharedUsdPerItWatt = usdPerItWatt * SITE_COSTS.sharedSiteFraction.value;
  return { baseUsdPerItWatt, edge, coolingPremiumUsdPerItWatt, redundancyMultiplier, usdPerItWatt, sharedUsdPerItWatt, blockUsdPerItWatt: usdPerItWatt - sharedUsdPerItWatt };
}
