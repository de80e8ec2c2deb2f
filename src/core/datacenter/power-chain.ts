/**
 * The electrical path from the utility to the IT load: transformer → UPS → distribution (AC PDUs or
 * high-voltage DC). Its losses are part of facility power.
 *
 *   η_AC   = η_transformer · η_UPS · η_distribution                       [fraction]
 *   η_HVDC = min(1, η_AC · (1 + g))      g = 0.05, NVIDIA 800 VDC "up to 5%" (hardware-facts.md §4.8)
 *   loss per IT watt = 1/η − 1                                              [W/W]
 */
import { POWER_CHAIN } from './defaults.js';
import { requireEfficiency, requireFraction } from './validate.js';

export type Distribution = 'ac' | 'hvdc';

export interface PowerChain {
  readonly id: string;
  readonly name: string;
  readonly transformerEfficiency: number;
  readonly upsEfficiency: number;
  readonly distributionEfficiency: number;
  readonly distribution: Distribution;
  /** Relative end-to-end gain of HVDC over the same AC chain (used when distribution = 'hvdc'). */
  readonly hvdcGain: number;
  /** Most power the chain practically feeds one rack [W] (208 V rows 20 kW, AC-fed 54 V busbars 120 kW, 800 V DC ~1 MW). */
  readonly rackFeedWatts: number;
}

export const POWER_CHAINS = {
  legacyAc: {
    id: 'legacy-ac',
    name: 'Legacy AC (double-conversion UPS, 208 V PDUs)',
    transformerEfficiency: POWER_CHAIN.legacyTransformer.value,
    upsEfficiency: POWER_CHAIN.legacyUps.value,
    distributionEfficiency: POWER_CHAIN.legacyDistribution.value,
    distribution: 'ac',
    hvdcGain: POWER_CHAIN.hvdcGain.value,
    rackFeedWatts: POWER_CHAIN.legacyRackFeedWatts.value,
  },
  modernAc: {
    id: 'modern-ac',
    name: 'Modern AC (high-efficiency UPS, 415 V)',
    transformerEfficiency: POWER_CHAIN.modernTransformer.value,
    upsEfficiency: POWER_CHAIN.modernUps.value,
    distributionEfficiency: POWER_CHAIN.modernDistribution.value,
    distribution: 'ac',
    hvdcGain: POWER_CHAIN.hvdcGain.value,
    rackFeedWatts: POWER_CHAIN.acRackFeedWatts.value,
  },
  hvdc800v: {
    id: 'hvdc-800v',
    name: '800 V DC distribution',
    transformerEfficiency: POWER_CHAIN.modernTransformer.value,
    upsEfficiency: POWER_CHAIN.modernUps.value,
    distributionEfficiency: POWER_CHAIN.modernDistribution.value,
    distribution: 'hvdc',
    hvdcGain: POWER_CHAIN.hvdcGain.value,
    rackFeedWatts: POWER_CHAIN.hvdcRackFeedWatts.value,
  },
} as const satisfies Record<string, PowerChain>;

export interface PowerChainLoss {
  /** End-to-end efficiency utility → IT [fraction]. */
  readonly efficiency: number;
  /** Power lost in the chain per IT watt delivered [W/W]. */
  readonly lossWattsPerItWatt: number;
}

/** Efficiency and loss of a power chain (formula in the file header). */
export function estimatePowerChainLoss(chain: PowerChain): PowerChainLoss {
  const ac =
    requireEfficiency('powerChain.transformerEfficiency', chain.transformerEfficiency) *
    requireEfficiency('powerChain.upsEfficiency', chain.upsEfficiency) *
    requireEfficiency('powerChain.distributionEfficiency', chain.distributionEfficiency);
  const gain = requireFraction('powerChain.hvdcGain', chain.hvdcGain);
  const efficiency = chain.distribution === 'hvdc' ? Math.min(1, ac * (1 + gain)) : ac;
  return { efficiency, lossWattsPerItWatt: 1 / efficiency - 1 };
}
