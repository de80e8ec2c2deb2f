/**
 * A pipeline rank's step, summed from its stage costs: micro-batches through each chunk × the
 * chunk's per-micro-batch cost. What the simulator will run on the rank (its ops), what of it is
 * computation, what is exposed communication, and the windows that hide its data-parallel tail.
 * Shared by `estimateStep`'s attribution and the planner's bounds.
 */
import type { PipelineRank } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { microBatchesPerChunk } from './pricer.js';
import type { StageCost } from './stage-times.js';

export interface RankSums {
  /** Σ (F + I + W) of the rank's ops over the step [s]. */
  readonly opSeconds: number;
  /** Σ MoE all-to-all its ops carry (exposed unless a paired schedule hides it) [s]. */
  readonly allToAllSeconds: number;
  /** Pure computation, recomputation included [s]. */
  readonly computeSeconds: number;
  readonly exposedTpSeconds: number;
  readonly exposedCpSeconds: number;
  readonly exposedFsdpSeconds: number;
  /**
   * Backward (I + W) of one micro-batch through all its chunks: the last micro-batch runs backward
   * through every local chunk, and each chunk's gradient buckets reduce under the backward of the
   * chunks after it [s].
   */
  readonly windowSeconds: number;
  /** Shortest forward of its chunks: the first one hides the parameter gather [s]. */
  readonly firstForwardSeconds: number;
}

export function sumRank(layout: Pick<Layout, 'schedule' | 'microBatches'>, rank: PipelineRank, costs: readonly StageCost[]): RankSums {
  const perChunk = microBatchesPerChunk(layout);
  let ops = 0;
  let allToAll = 0;
  let compute = 0;
  let tp = 0;
  let cp = 0;
  let fsdp = 0;
  let window = 0;
  let firstForward = Infinity;
  // An indexed loop: an array iterator allocates per step until the JIT compiles the loop.
  const { chunks } = rank;
  for (let c = 0; c < chunks.length; c += 1) {
    const cost = costs[chunks[c]?.modelStage ?? -1];
    if (cost === undefined) continue;
    const t = cost.times;
    const k = cost.compute;
    ops += perChunk * (t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds);
    allToAll += perChunk * ((t.forwardCommSeconds ?? 0) + (t.backwardCommSeconds ?? 0));
    compute += perChunk * (k.forwardSeconds + k.backwardInputSeconds + k.backwardWeightSeconds + k.recomputeSeconds);
    tp += perChunk * cost.exposedTpSeconds;
    cp += perChunk * cost.exposedCpSeconds;
    fsdp += perChunk * cost.exposedFsdpSeconds;
    window += t.backwardInputSeconds + t.backwardWeightSeconds;
    firstForward = Math.min(firstForward, t.forwardSeconds);
  }
  return {
    opSeconds: ops, allToAllSeconds: allToAll, computeSeconds: compute,
    exposedTpSeconds: tp, exposedCpSeconds: cp, exposedFsdpSeconds: fsdp,
    windowSeconds: window, firstForwardSeconds: firstForward,
  };
}
