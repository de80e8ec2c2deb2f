/**
 * The memory check of one skeleton's leaves (its shardings × recomputations), with as few memory
 * evaluations as the verdicts allow. One `shardingFloorsBytes` evaluation per recomputation gives
 * the exact peak of the first sharding and a lower bound for every other one (memory-gate.ts:
 * states under the sharding + the stored activations, which the sharding does not change, with
 * fragmentation and the runtime reserve), so a leaf is rejected without its own evaluation when
 *
 *   its sharding's floor under the most recomputing variant exceeds the limit (memory falls with
 *   recomputation: no recomputation of that sharding fits), or
 *   its sharding's floor under its own recomputation exceeds the limit;
 *
 * otherwise a sharding not yet judged is evaluated at its most recomputing variant first (one
 * evaluation rejects all its recomputations), and then the leaf itself. The verdict is the same as
 * evaluating every leaf's peak against the limit; only the number of evaluations changes.
 */
import type { Layout, Recompute } from '../layout/types.js';
import { leafLayout, type Skeleton } from './enumerate.js';
import type { SearchState, World } from './search-state.js';
import type { Sharding } from './space.js';

/** The peak per GPU of a leaf (sharding index, layout), or Infinity when it cannot fit. */
export type LeafPeak = (shardingIndex: number, layout: Layout) => number;

interface Floors {
  readonly firstPeakBytes: number;
  readonly floorsBytes: readonly number[];
}

export function createLeafMemory(state: SearchState, world: World, skeleton: Skeleton, shardings: readonly Sharding[], most: Recompute): LeafPeak {
  const limit = world.memory.limitBytes;
  const byRecompute = new Map<Recompute, Floors>();
  /** Per sharding: whether its most recomputing variant fits (absent: not judged yet). */
  const fitsAtMost = new Map<number, boolean>();

  const floorsAt = (recompute: Recompute): Floors => {
    const known = byRecompute.get(recompute);
    if (known !== undefined) return known;
    const first = shardings[0];
    if (first === undefined) return { firstPeakBytes: Infinity, floorsBytes: [] };
    state.memoryEvaluations += 1;
    const { peakBytes, floorsBytes } = world.memory.shardingFloorsBytes(world.g.scenario, leafLayout(world.g, skeleton, first, recompute), shardings);
    if (peakBytes > limit) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peakBytes);
    const floors = { firstPeakBytes: peakBytes, floorsBytes };
    byRecompute.set(recompute, floors);
    if (recompute === most) {
      // For the diagnosis: the smallest floor that did not fit (every recomputation of it is out).
      floorsBytes.forEach((floor, i) => {
        if (floor <= limit) return;
        fitsAtMost.set(i, false);
        state.memoryFloorBytes = Math.min(state.memoryFloorBytes, floor);
      });
      fitsAtMost.set(0, peakBytes <= limit);
    }
    return floors;
  };

  /** Peak memory per GPU of a layout, remembering the smallest peak that did not fit (for the diagnosis). */
  const peakOf = (layout: Layout): number => {
    state.memoryEvaluations += 1;
    const peak = world.memory.peakBytes(world.g.scenario, layout);
    if (peak > limit) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peak);
    return peak;
  };

  return (shardingIndex, layout) => {
    floorsAt(most);
    const recompute = layout.recompute;
    if (fitsAtMost.get(shardingIndex) === false) return Infinity;
    if (recompute !== most) {
      const own = floorsAt(recompute);
      if ((own.floorsBytes[shardingIndex] ?? 0) > limit) return Infinity;
      if (shardingIndex === 0) return own.firstPeakBytes;
    } else if (shardingIndex === 0) {
      return floorsAt(most).firstPeakBytes;
    }
    if (!fitsAtMost.has(shardingIndex)) {
      const atMost = recompute === most ? layout : { ...layout, recompute: most };
      const peak = peakOf(atMost);
      fitsAtMost.set(shardingIndex, peak <= limit);
      if (peak > limit) return Infinity;
      if (atMost === layout) return peak;
    }
    return peakOf(layout);
  };
}
