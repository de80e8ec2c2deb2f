/**
 * Climate of a site, reduced to what the cooling model needs: the share of the year in which outside
 * air or water is cold enough for economizer (free) cooling at conventional supply temperatures
 * (chilled water / room air). Warm-water liquid cooling reaches further; see cooling/overhead.ts.
 */
import { CLIMATE_FREE_COOLING } from './defaults.js';
import { requireFraction } from './validate.js';

export interface Climate {
  readonly id: string;
  readonly name: string;
  /** Fraction of the 8,760 h of a year with free cooling at conventional supply temperatures [0, 1]. */
  readonly freeCoolingHoursFraction: number;
  readonly source: string;
}

/** Named climate presets (assumptions: hardware-facts.md has no climate data). */
export const CLIMATES = {
  cold: {
    id: 'cold',
    name: 'Cold (Nordic-type)',
    freeCoolingHoursFraction: CLIMATE_FREE_COOLING.cold.value,
    source: CLIMATE_FREE_COOLING.cold.source,
  },
  temperate: {
    id: 'temperate',
    name: 'Temperate (mid-latitude)',
    freeCoolingHoursFraction: CLIMATE_FREE_COOLING.temperate.value,
    source: CLIMATE_FREE_COOLING.temperate.source,
  },
  hot: {
    id: 'hot',
    name: 'Hot / humid',
    freeCoolingHoursFraction: CLIMATE_FREE_COOLING.hot.value,
    source: CLIMATE_FREE_COOLING.hot.source,
  },
} as const satisfies Record<string, Climate>;

export type ClimateId = keyof typeof CLIMATES;

/** A climate from a free-cooling fraction the caller knows for its site. */
export function createClimate(freeCoolingHoursFraction: number, name = 'custom'): Climate {
  requireFraction('climate.freeCoolingHoursFraction', freeCoolingHoursFraction);
  return { id: 'custom', name, freeCoolingHoursFraction, source: 'given by the caller' };
}
