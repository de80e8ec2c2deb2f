/**
 * One cooling technology: how dense a rack it can cool and how much power it spends doing so.
 * Every option (air, rear-door heat exchanger, direct-to-chip liquid, immersion) implements this
 * interface, is registered in `COOLING` (registry.ts) and passes the contract suite.
 */
import type { Climate } from '../climate.js';

export type CoolingId = 'air' | 'rear-door' | 'direct-to-chip' | 'immersion';

/** Cooling power per watt of IT heat at a climate, and how it was reached. */
export interface CoolingOverhead {
  /** Cooling power / IT power [W/W]; the cooling term of PUE. */
  readonly coolingWattsPerItWatt: number;
  /** Share of the year the liquid path runs on free cooling [0, 1] (0 when there is no liquid path). */
  readonly liquidFreeCoolingFraction: number;
  /** Share of the year the air path runs on free cooling [0, 1]. */
  readonly airFreeCoolingFraction: number;
}

export interface CoolingTechnology {
  readonly id: CoolingId;
  readonly name: string;
  /** Largest rack power the technology removes [W]. */
  readonly maxRackWatts: number;
  /** Share of IT heat carried away by liquid (door coil, cold plates, tank) for an 8-GPU server; the rest goes to room air. */
  readonly liquidHeatFraction: number;
  /**
   * Share of a system's heat carried by liquid: a rack-scale system (one unit fills the rack, NVL72)
   * plates more of its parts than a server does (defaults-site.ts LIQUID_SHARE).
   */
  liquidHeatFractionFor(system: { readonly unitsPerRack: number }): number;
  /**
   * Share of the non-free hours that the liquid path still free-cools thanks to its warmer coolant
   * [0, 1]: effective free fraction = f + reach · (1 − f).
   */
  readonly freeCoolingReach: number;
  /** Cooling power per IT watt at a climate (heat split: `liquidHeatFraction` unless given). */
  coolingOverhead(climate: Climate, liquidHeatFraction?: number): CoolingOverhead;
  /** Cooling-plant capex above an air-cooled hall [USD per IT W] (defaults-site.ts COOLING_CAPEX). */
  readonly capexPremiumUsdPerItWatt: number;
  /** Where the density limit and heat split come from. */
  readonly source: string;
}
