/**
 * The memory check of one skeleton's leaves (its shardings × recomputations), with as few memory
 * evaluations as the verdicts allow. One `shardingFloorsBytes` evaluation per recomputation gives
 * the exact peak of the first sharding and a lower bound for every other one (memory-gate.ts:
 * states under the sharding + the stored activations, which the sharding does not change, with
 * fragmentation and the runtime reserve), so a leaf is rejected without its own evaluation when
 *
 *   its sharding's floor under its own recomputation exceeds the limit, or
 *   its sharding's floor under the most recomputing variant does, when that was evaluated
 *   (memory falls with recomputation: no recomputation of that sharding fits);
 *
 * otherwise it is evaluated. The verdict is that of evaluating every leaf's peak against the limit;
 * only the number of evaluations changes. Floors are evaluated for the recomputations of the leaves
 * that reach the memory check, when the first of them does.
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

  const floorsAt = (recompute: Recompute): Floors => {
    const known = byRecompute.get(recompute);
    if (known !== undefined) return known;
    const first = shardings[0];
    if (first === undefined) return { firstPeakBytes: Infinity, floorsBytes: [] };
    state.memoryEvaluations += 1;
    const { peakBytes, floorsBytes } = world.memory.shardingFloorsBytes(world.g.scenario, leafLayout(world.g, skeleton, first, recompute), shardings);
    if (peakBytes > limit) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peakBytes);
    if (recompute === most) {
      // For the diagnosis: the smallest floor of a sharding none of whose recomputations fits.
      for (const floor of floorsBytes) if (floor > limit) state.memoryFloorBytes = Math.min(state.memoryFloorBytes, floor);
    }
    const floors = { firstPeakBytes: peakBytes, floorsBytes };
    byRecompute.set(recompute, floors);
    return floors;
  };

  return (shardingIndex, layout) => {
    const own = floorsAt(layout.recompute);
    if ((own.floorsBytes[shardingIndex] ?? 0) > limit) return Infinity;
    if (shardingIndex === 0) return own.firstPeakBytes;
    if ((byRecompute.get(most)?.floorsBytes[shardingIndex] ?? 0) > limit) return Infinity;
    // Peak memory per GPU, remembering the smallest peak that did not fit (for the diagnosis).
    state.memoryEvaluations += 1;
    const peak = world.memory.peakBytes(world.g.scenario, layout);
    if (peak > limit) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peak);
    return peak;
  };
}
