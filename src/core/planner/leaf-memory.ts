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
 *
 * `outOfMemory` asks the most recomputing variant's floors alone, before a leaf is bounded: one
 * evaluation rejects every recomputation of the shardings it rules out (and every leaf of a
 * skeleton none of whose shardings fits). It rejects only leaves the check would reject, so a
 * search that drops them before bounding them admits the same leaves. (Asking each leaf's own
 * recomputation's floors too rejected more leaves but cost more evaluations than the bounds they
 * saved: the most recomputing leaves bound highest, so their floors are otherwise rarely needed.)
 *
 * The diagnosis of a search that finds nothing quotes the smallest peak it found: that of every
 * sharding's most recomputing variant when one of its leaves reached the check (and of the leaves
 * themselves when that variant fits), and the floors of those that cannot fit. Those evaluations
 * are recorded per skeleton and run only then (`settleMemoryDiagnosis`).
 */
import type { Layout, Recompute } from '../layout/types.js';
import type { ShardingPeaks } from '../memory/estimate-memory.js';
import { leafLayout, type Skeleton } from './enumerate.js';
import type { StatesMemo } from './memory-gate.js';
import type { SearchState, World } from './search-state.js';
import type { Sharding } from './space.js';

/** The memory check of a skeleton's leaves (by sharding index). */
export interface LeafMemory {
  /**
   * True when the most recomputing variant's floors show the leaf's sharding cannot fit under any
   * recomputation. The leaf counts as having reached the check; one that passes is then checked by
   * `peak(…, true)`.
   */
  outOfMemory(shardingIndex: number, recompute: Recompute): boolean;
  /** The peak per GPU of a leaf, or Infinity when it cannot fit; `checked`: `outOfMemory` saw it already. */
  peak(shardingIndex: number, layout: Layout, checked?: boolean): number;
  /**
   * Lets go of the peaks' shared evaluations once the skeleton's leaves are decided: a search keeps
   * every visited skeleton's check for its diagnosis (`settleMemoryDiagnosis`), which rebuilds them
   * only if it runs. The floors stay; every figure is the same either way.
   */
  release(): void;
}

interface Floors {
  readonly firstPeakBytes: number;
  readonly floorsBytes: readonly number[];
}

export function createLeafMemory(state: SearchState, world: World, skeleton: Skeleton, shardings: readonly Sharding[], most: Recompute): LeafMemory {
  const limit = world.memory.limitBytes;
  const byRecompute = new Map<Recompute, Floors>();
  /** The floors' states per (sharding, rank): the recomputations of a skeleton share them. */
  const states: StatesMemo = { bytes: null };
  /** Peaks per recomputation under any sharding: what the floors' evaluation built, or built for a peak. */
  const peaksByRecompute = new Map<Recompute, ShardingPeaks>();
  /** The recomputations of each sharding whose leaves reached the check. */
  const reached = new Map<number, Recompute[]>();

  const floorsAt = (recompute: Recompute): Floors => {
    const known = byRecompute.get(recompute);
    if (known !== undefined) return known;
    const first = shardings[0];
    if (first === undefined) return { firstPeakBytes: Infinity, floorsBytes: [] };
    state.memoryEvaluations += 1;
    const { peakBytes, floorsBytes, peaks } = world.memory.shardingFloorsBytes(world.g.scenario, leafLayout(world.g, skeleton, first, recompute), shardings, states);
    if (!peaksByRecompute.has(recompute)) peaksByRecompute.set(recompute, peaks);
    const floors = { firstPeakBytes: peakBytes, floorsBytes };
    byRecompute.set(recompute, floors);
    return floors;
  };

  const peakOf = (shardingIndex: number, recompute: Recompute): number => {
    const sharding = shardings[shardingIndex];
    if (sharding === undefined) return Infinity;
    state.memoryEvaluations += 1;
    // The leaves of one recomputation differ only in the sharding (`leafLayout`): one set of peaks serves them all.
    let peaks = peaksByRecompute.get(recompute);
    if (peaks === undefined) {
      peaks = world.memory.shardingPeaks(world.g.scenario, leafLayout(world.g, skeleton, sharding, recompute));
      peaksByRecompute.set(recompute, peaks);
    }
    return peaks.peakBytes(sharding);
  };

  /** The diagnosis' evaluations: the smallest peak and floor that did not fit, as checking each sharding's most recomputing variant first finds them. */
  const replay = (): void => {
    const record = (peak: number): void => {
      if (peak > limit) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peak);
    };
    const atMost = floorsAt(most);
    for (const floor of atMost.floorsBytes) if (floor > limit) state.memoryFloorBytes = Math.min(state.memoryFloorBytes, floor);
    record(atMost.firstPeakBytes);
    for (const [i, recomputes] of reached) {
      if (i !== 0 && (atMost.floorsBytes[i] ?? 0) > limit) continue;
      const peakAtMost = i === 0 ? atMost.firstPeakBytes : peakOf(i, most);
      record(peakAtMost);
      if (peakAtMost > limit) continue;
      for (const r of recomputes) if (r !== most) record(peakOf(i, r));
    }
  };

  const reach = (shardingIndex: number, recompute: Recompute): void => {
    const recomputes = reached.get(shardingIndex);
    if (reached.size === 0) state.memoryReplays.push(replay);
    if (recomputes === undefined) reached.set(shardingIndex, [recompute]);
    else recomputes.push(recompute);
  };

  /** Whether `floors` show sharding `i` cannot fit (sharding 0: its exact peak; the others: their floors). */
  const exceeds = (floors: Floors, i: number): boolean => (i === 0 ? floors.firstPeakBytes : (floors.floorsBytes[i] ?? 0)) > limit;

  return {
    outOfMemory(shardingIndex, recompute) {
      reach(shardingIndex, recompute);
      // Memory falls with recomputation (memory/properties.test.ts): a sharding that does not fit
      // with the most recomputation fits with no less. One evaluation serves every leaf of the skeleton.
      return exceeds(floorsAt(most), shardingIndex);
    },
    peak(shardingIndex, layout, checked = false) {
      if (!checked) reach(shardingIndex, layout.recompute);
      const own = floorsAt(layout.recompute);
      if ((own.floorsBytes[shardingIndex] ?? 0) > limit) return Infinity;
      if (shardingIndex === 0) return own.firstPeakBytes;
      if ((byRecompute.get(most)?.floorsBytes[shardingIndex] ?? 0) > limit) return Infinity;
      return peakOf(shardingIndex, layout.recompute);
    },
    release() {
      peaksByRecompute.clear();
      states.bytes = null;
    },
  };
}

/** Runs the memory evaluations a diagnosis quotes (for a search that found nothing); returns the state. */
export function settleMemoryDiagnosis(state: SearchState): SearchState {
  for (const replay of state.memoryReplays.splice(0)) replay();
  return state;
}
