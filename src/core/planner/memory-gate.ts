/**
 * The memory constraint of the search: a layout fits when the memory model's peak per GPU is at
 * most (1 − headroomFraction) × HBM. Checked before pricing (one `peakMemoryBytes` call costs about
 * 20 µs, a step estimate about 1 ms).
 *
 * Two lower bounds let the search drop layouts without evaluating each one, from the same pieces
 * as `estimateMemory` (memory/states.ts); activations and buffers only add to states:
 * - `statesFloorBytes`: every layout of a set of degrees — the weights, gradients and optimizer
 *   states of the average pipeline rank under the most economical sharding option (DualPipe's
 *   second model copy only adds; a max over ranks is at least the average);
 * - `shardingFloorsBytes`: every sharding of one layout — per rank, its states under the sharding
 *   plus the stored activations of one evaluation (activations do not depend on the sharding),
 *   with the allocator's fragmentation on both and the runtime reserve (memory/buffers.ts:
 *   fragmentation = fraction × (states + activations + comm + temporaries), reserve outside).
 */
import { frameworkOf } from '../framework/registry.js';
import type { Layout } from '../layout/types.js';
import { defaultScheduleId } from '../schedules/catalog.js';
import { DEFAULT_BUFFER_ASSUMPTIONS } from '../memory/buffers.js';
import { createShardingPeaks, peakMemoryBytes, type ShardingPeaks } from '../memory/estimate-memory.js';
import { createMemoryCache, paramCountsOf, partitionOf, rankParamsOf, type MemoryCache } from '../memory/memory-cache.js';
import { paramDtypeOptimizerRecipe, precisionRecipe } from '../memory/precision.js';
import { createSharding, sameRankParams, stateBytes, type RankParams } from '../memory/states.js';
import type { EstimateMemoryOptions } from '../memory/types.js';
import type { Scenario } from '../scenario/types.js';
import type { Sharding } from './space.js';

/**
 * The states bytes of each (sharding, pipeline rank) that `shardingFloorsBytes` computed, lent to
 * its next call on a layout that differs only in the recomputation (which the states do not read:
 * the same shardings, the same ranks' parameters), e.g. the floors of one skeleton's recomputations.
 */
export interface StatesMemo {
  bytes: Float64Array | null;
}

export interface MemoryGate {
  readonly capacityBytes: number;
  readonly limitBytes: number;
  peakBytes(scenario: Scenario, layout: Layout): number;
  /** Lower bound of the peak of every layout with `layout`'s degrees and any of `shardings`. */
  statesFloorBytes(scenario: Scenario, layout: Layout, shardings: readonly Sharding[]): number;
  /**
   * The peak of `layout`, and for each of `shardings` a lower bound of the peak of `layout` under it;
   * `peaks` prices `layout` under any sharding on what these evaluations built.
   */
  shardingFloorsBytes(
    scenario: Scenario, layout: Layout, shardings: readonly Sharding[], states?: StatesMemo,
  ): { peakBytes: number; floorsBytes: number[]; peaks: ShardingPeaks };
  /** The peaks of `layout` under any sharding (`peakBytes` of each such layout, bit for bit). */
  shardingPeaks(scenario: Scenario, layout: Layout): ShardingPeaks;
}

/**
 * States bytes [weights + gradients + optimizer] of every pipeline rank of `layout` under a sharding;
 * the gradients only when all of them are resident at the peak (`gradientLifetime` 'step', the
 * default: memory/gradient-lifetime.ts), else none (a lifetime that frees them keeps at least 0).
 */
function rankStates(
  scenario: Scenario, layout: Layout, fp8WeightCache: boolean, allGrads: boolean, paramDtypeOption: boolean | undefined,
): (sharding: Sharding) => (params: RankParams) => number {
  // The optimizer of a pure 16-bit stack keeps no master copy (memory/estimate-memory.ts): fewer bytes, so the floor stays a floor.
  const base = precisionRecipe(scenario.training.precision);
  const recipe = (paramDtypeOption ?? frameworkOf(scenario.training).optimizerDtype === 'param') ? paramDtypeOptimizerRecipe(base) : base;
  const { pp, dp, cp, edp, schedule } = layout;
  return (sharding) => {
    const sharded = createSharding({ pp, dp, cp, edp, schedule, zero: sharding.zero, fsdpShardSize: sharding.fsdpShardSize });
    return (params) => {
      const b = stateBytes(params, recipe, sharded, fp8WeightCache);
      return b.weightsBytes + (allGrads ? b.gradsBytes : 0) + b.optimizerBytes;
    };
  };
}

/** The ranks whose floor terms (parameters and stored activations) no rank before them has: the others repeat a floor already counted. */
function distinctRanks(params: readonly RankParams[], activationsBytes: readonly number[]): number[] {
  const distinct: number[] = [];
  for (let r = 0; r < params.length; r += 1) {
    const p = params[r];
    if (p === undefined) continue;
    let seen = false;
    for (let k = 0; k < distinct.length && !seen; k += 1) {
      const q = distinct[k] ?? 0;
      const other = params[q];
      seen = other !== undefined && activationsBytes[q] === activationsBytes[r] && sameRankParams(other, p);
    }
    if (!seen) distinct.push(r);
  }
  return distinct;
}

/** Every pipeline rank's parameters of `layout` (the default layer split). */
function defaultRankParams(scenario: Scenario, layout: Layout, cache: MemoryCache): readonly RankParams[] {
  const model = scenario.model;
  return rankParamsOf(cache, model, paramCountsOf(cache, model, layout), partitionOf(cache, model, layout));
}

export function createMemoryGate(scenario: Scenario, headroomFraction: number, options: EstimateMemoryOptions): MemoryGate {
  const capacityBytes = scenario.cluster.accelerator.hbmBytes;
  const peakOptions: EstimateMemoryOptions = { ...options, searchMicroBatch: false };
  const fp8WeightCache = options.fp8WeightCache ?? true;
  const allGrads = (options.gradientLifetime ?? 'step') === 'step';
  const buffers = { ...DEFAULT_BUFFER_ASSUMPTIONS, ...options.buffers };
  // Partitions and layer activations shared by the layouts the search checks (memory/memory-cache.ts).
  const cache = createMemoryCache(scenario.model);
  return {
    capacityBytes,
    limitBytes: (1 - headroomFraction) * capacityBytes,
    peakBytes: (s, layout) => peakMemoryBytes(s, layout, peakOptions, cache),
    statesFloorBytes(s, layout, shardings) {
      const plain: Layout = { ...layout, schedule: defaultScheduleId(1), vp: 1 };
      const params = defaultRankParams(s, plain, cache);
      const states = rankStates(s, plain, fp8WeightCache, allGrads, options.optimizerOnParamDtype);
      let floor = Infinity;
      for (const sharding of shardings) {
        const statesOf = states(sharding);
        let sum = 0;
        for (let r = 0; r < params.length; r += 1) {
          const p = params[r];
          if (p !== undefined) sum += statesOf(p);
        }
        floor = Math.min(floor, sum / plain.pp);
      }
      return floor;
    },
    shardingFloorsBytes(s, layout, shardings, memo) {
      const activationsBytes: number[] = [];
      const peaks = createShardingPeaks(s, layout, peakOptions, cache);
      const peakBytes = peaks.peakBytes(layout, activationsBytes);
      // The floors count the default layer split's parameters (as the peaks do unless a split is given).
      const ownSplit = peakOptions.stageLayers === undefined;
      const params = ownSplit ? peaks.rankParams() : defaultRankParams(s, layout, cache);
      const states = rankStates(s, layout, fp8WeightCache, allGrads, options.optimizerOnParamDtype);
      // Ranks equal in parameters and activations have equal floors: each is counted once (a max).
      const ranks = ownSplit ? peaks.distinctRanks() : distinctRanks(params, activationsBytes);
      const n = params.length;
      if (memo !== undefined && memo.bytes?.length !== shardings.length * n) memo.bytes = new Float64Array(shardings.length * n).fill(NaN);
      const known = memo?.bytes ?? null;
      const floorsBytes = shardings.map((sharding, i) => {
        let statesOf: ((params: RankParams) => number) | null = null;
        let floor = 0;
        for (let k = 0; k < ranks.length; k += 1) {
          const r = ranks[k] ?? 0;
          const p = params[r];
          if (p === undefined) continue;
          let bytes = known === null ? NaN : (known[i * n + r] ?? NaN);
          if (Number.isNaN(bytes)) {
            statesOf ??= states(sharding);
            bytes = statesOf(p);
            if (known !== null) known[i * n + r] = bytes;
          }
          const stored = bytes + (activationsBytes[r] ?? 0);
          floor = Math.max(floor, stored * (1 + buffers.fragmentationFraction) + buffers.runtimeReserveBytes);
        }
        return floor;
      });
      return { peakBytes, floorsBytes, peaks };
    },
    shardingPeaks: (s, layout) => createShardingPeaks(s, layout, peakOptions, cache),
  };
}
