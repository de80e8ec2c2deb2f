/**
 * Power usage effectiveness, modeled rather than typed in (The Green Grid definition):
 *
 *   PUE = (P_IT + P_cooling + P_power-chain losses + P_misc) / P_IT                 [dimensionless]
 *       = 1 + cooling(technology, climate) + (1/η_chain − 1) + misc                  (per IT watt)
 *
 * cooling: cooling/overhead.ts; chain: power-chain.ts; misc: lighting, security, controls.
 * Anchors (hardware-facts.md §4.2): Uptime industry average 1.54–1.58 (2023–2025), new sites 1.48,
 * ≥ 20 MW sites 1.44, enterprise "2.0 or higher" (2008); Google fleet 1.09–1.10, hyperscale 1.1–1.2.
 * The "modular 1.1–1.3" claim is UNVERIFIED in the data; the model reaches it from its parts.
 */
import type { Climate } from './climate.js';
import { CLIMATES } from './climate.js';
import type { CoolingId } from './cooling/types.js';
import { COOLING } from './cooling/registry.js';
import { COOLING_ENERGY } from './defaults.js';
import type { PowerChain } from './power-chain.js';
import { POWER_CHAINS, estimatePowerChainLoss } from './power-chain.js';
import { requireNonNegative } from './validate.js';

export interface PueInput {
  readonly cooling: CoolingId;
  readonly climate: Climate;
  readonly powerChain: PowerChain;
  /** Lighting, security, controls per IT watt [W/W]. */
  readonly miscWattsPerItWatt: number;
  /** Share of IT heat to liquid for the system cooled (default: the option's server share). */
  readonly liquidHeatFraction?: number;
}

export interface PueBreakdown {
  readonly pue: number;
  /** Each term per watt of IT power [W/W]; pue = 1 + cooling + powerChainLoss + misc. */
  readonly coolingWattsPerItWatt: number;
  readonly powerChainLossWattsPerItWatt: number;
  readonly miscWattsPerItWatt: number;
  readonly powerChainEfficiency: number;
  readonly liquidFreeCoolingFraction: number;
  readonly airFreeCoolingFraction: number;
  /** Share of IT heat carried by liquid in this design. */
  readonly liquidHeatFraction: number;
}

/** Annual-average PUE and its breakdown (formula in the file header). */
export function estimatePue(input: PueInput): PueBreakdown {
  const cooling = COOLING[input.cooling].coolingOverhead(input.climate, input.liquidHeatFraction);
  const chain = estimatePowerChainLoss(input.powerChain);
  const misc = requireNonNegative('pue.miscWattsPerItWatt', input.miscWattsPerItWatt, 1);
  return {
    pue: 1 + cooling.coolingWattsPerItWatt + chain.lossWattsPerItWatt + misc,
    coolingWattsPerItWatt: cooling.coolingWattsPerItWatt,
    powerChainLossWattsPerItWatt: chain.lossWattsPerItWatt,
    miscWattsPerItWatt: misc,
    powerChainEfficiency: chain.efficiency,
    liquidFreeCoolingFraction: cooling.liquidFreeCoolingFraction,
    airFreeCoolingFraction: cooling.airFreeCoolingFraction,
    liquidHeatFraction: input.liquidHeatFraction ?? COOLING[input.cooling].liquidHeatFraction,
  };
}

/**
 * Design-day (peak) PUE: the same site on a day with no free cooling, used to size the utility feed.
 * Annual energy uses `estimatePue`; the grid connection must carry this one.
 */
export function estimateDesignPue(input: PueInput): PueBreakdown {
  return estimatePue({ ...input, climate: { ...input.climate, freeCoolingHoursFraction: 0 } });
}

/** Side-by-side presets for the report: a traditional build and modular liquid-cooled blocks. */
export const PUE_PRESETS = {
  traditional: {
    cooling: 'air',
    climate: CLIMATES.temperate,
    powerChain: POWER_CHAINS.legacyAc,
    miscWattsPerItWatt: COOLING_ENERGY.miscTraditional.value,
  },
  modularLiquid: {
    cooling: 'direct-to-chip',
    climate: CLIMATES.temperate,
    powerChain: POWER_CHAINS.modernAc,
    miscWattsPerItWatt: COOLING_ENERGY.miscModular.value,
  },
  modularLiquidHvdc: {
    cooling: 'direct-to-chip',
    climate: CLIMATES.temperate,
    powerChain: POWER_CHAINS.hvdc800v,
    miscWattsPerItWatt: COOLING_ENERGY.miscModular.value,
  },
} as const satisfies Record<string, PueInput>;

export type PuePresetId = keyof typeof PUE_PRESETS;

/** Documented PUE bands the presets must land in (hardware-facts.md §4.2; DESIGN.md). */
export const PUE_BANDS = {
  traditional: { low: 1.5, high: 2.0, source: '§4.2 Uptime average 1.54–1.58; enterprise "2.0 or higher" (2008)' },
  modularLiquid: { low: 1.1, high: 1.3, source: '§4.2 Google 1.09–1.10, hyperscale 1.1–1.2, newer sites "1.3 or even better"; modular 1.1–1.3 UNVERIFIED' },
} as const;
