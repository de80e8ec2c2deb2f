/**
 * System units → racks under a cooling technology's density limit.
 *
 *   unitsPerRack = min(reference units per rack, ⌊maxRackWatts / unit power⌋)
 *
 * e.g. DGX H100 10.2 kW, 4 per rack = 40.8 kW fits air (hardware-facts.md §2.2); DGX B200 14.3 kW
 * drops from 4 to 2 per rack on air; a GB200 NVL72 rack (~120 kW, §2.1) fits no air rack at all.
 */
import type { Accelerator } from '../hardware/types.js';
import { COOLING } from './cooling/registry.js';
import type { CoolingId } from './cooling/types.js';
import { requirePositive, requirePositiveInteger } from './validate.js';

export type RackPlan = FeasibleRackPlan | InfeasibleRackPlan;

export interface FeasibleRackPlan {
  readonly feasible: true;
  readonly cooling: CoolingId;
  readonly unitsPerRack: number;
  readonly referenceUnitsPerRack: number;
  /** True when the density limit forced fewer units than the reference design. */
  readonly limitedByCooling: boolean;
  /** Power of one full rack at nameplate [W]. */
  readonly rackWatts: number;
  readonly maxRackWatts: number;
}

export interface InfeasibleRackPlan {
  readonly feasible: false;
  readonly cooling: CoolingId;
  readonly unitWatts: number;
  readonly maxRackWatts: number;
  /** One sentence a shell can print. */
  readonly reason: string;
}

/** How many system units one rack holds under a cooling technology. */
export function planRacks(accelerator: Accelerator, cooling: CoolingId): RackPlan {
  const unitWatts = requirePositive('accelerator.system.powerWatts', accelerator.system.powerWatts);
  const reference = requirePositiveInteger('accelerator.system.unitsPerRack', accelerator.system.unitsPerRack);
  const tech = COOLING[cooling];
  const byDensity = Math.floor(tech.maxRackWatts / unitWatts);
  if (byDensity < 1) {
    const kw = (w: number): string => `${(w / 1000).toFixed(1)} kW`;
    return {
      feasible: false,
      cooling,
      unitWatts,
      maxRackWatts: tech.maxRackWatts,
      reason: `${accelerator.system.name} draws ${kw(unitWatts)} per unit, above the ${kw(tech.maxRackWatts)} rack limit of ${tech.name}`,
    };
  }
  const unitsPerRack = Math.min(reference, byDensity);
  return {
    feasible: true,
    cooling,
    unitsPerRack,
    referenceUnitsPerRack: reference,
    limitedByCooling: unitsPerRack < reference,
    rackWatts: unitsPerRack * unitWatts,
    maxRackWatts: tech.maxRackWatts,
  };
}

/** Cooling options that can hold at least one system unit of this accelerator per rack. */
export function compatibleCooling(accelerator: Accelerator, ids: readonly CoolingId[]): CoolingId[] {
  return ids.filter((id) => planRacks(accelerator, id).feasible);
}
