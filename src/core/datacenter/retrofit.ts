/**
 * Retrofit an existing hall: the same systems in 5–10 kW air racks (RETROFIT.hallRackWatts, §4.1)
 * against the AI design's 30–140 kW racks.
 *
 *   units per rack = ⌊hall rack W / unit W⌋ (none: the system cannot be cooled in that hall)
 *   racks = ⌈units / per rack⌉ + the design's support racks;  floor = racks · m² per rack;
 *   halls = ⌈racks / racks per hall⌉
 *
 * A second row at the 20 kW that the densest existing rows reach (RACK_LIMITS.typicalExistingAir,
 * Uptime 2023) shows what a stretched retrofit buys.
 */
import { RACK_LIMITS, SIZING } from './defaults.js';
import { RETROFIT } from './defaults-site.js';
import type { DatacenterSizing } from './size.js';

export interface RetrofitRow {
  readonly rackWatts: number;
  /** Whether one system unit fits a rack of this power at all. */
  readonly coolable: boolean;
  readonly unitsPerRack: number;
  readonly racks: number;
  readonly floorAreaM2: number;
  readonly halls: number;
  /** One sentence a shell can print when the system does not fit. */
  readonly reason: string | null;
}

export interface RetrofitPlan {
  readonly hallRacks: number;
  /** The typical existing hall (10 kW) and its densest rows (20 kW). */
  readonly rows: readonly RetrofitRow[];
}

function retrofitRow(sizing: DatacenterSizing, rackWatts: number): RetrofitRow {
  const unitWatts = sizing.systems.unitWatts;
  const unitsPerRack = Math.min(sizing.racks.referenceUnitsPerRack, Math.floor(rackWatts / unitWatts));
  if (unitsPerRack < 1) {
    const kw = (w: number): string => `${(w / 1e3).toFixed(1)} kW`;
    return { rackWatts, coolable: false, unitsPerRack: 0, racks: 0, floorAreaM2: 0, halls: 0, reason: `one ${sizing.systems.name} draws ${kw(unitWatts)}, above a ${kw(rackWatts)} air rack` };
  }
  const racks = Math.ceil(sizing.systems.units / unitsPerRack) + sizing.racks.supportRacks;
  return { rackWatts, coolable: true, unitsPerRack, racks, floorAreaM2: racks * SIZING.whiteSpaceM2PerRack.value, halls: Math.ceil(racks / RETROFIT.hallRacks.value), reason: null };
}

/** The sized cluster in existing air halls (formulas in the header). */
export function planRetrofit(sizing: DatacenterSizing): RetrofitPlan {
  return {
    hallRacks: RETROFIT.hallRacks.value,
    rows: [retrofitRow(sizing, RETROFIT.hallRackWatts.value), retrofitRow(sizing, RACK_LIMITS.typicalExistingAir.value)],
  };
}
