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

/** Where `sumRankInto` writes each of a rank's sums, after its offset. */
export const RANK_SUM = {
  opSeconds: 0, allToAllSeconds: 1, computeSeconds: 2, exposedTpSeconds: 3, exposedCpSeconds: 4, exposedFsdpSeconds: 5, windowSeconds: 6, firstForwardSeconds: 7,
} as const satisfies Record<keyof RankSums, number>;

/** Entries one rank's sums take (`RANK_SUM`). */
export const RANK_SUM_SLOTS = 8;

/**
 * The sums of `RankSums` written to `out` at `at + RANK_SUM.*`: the planner's bounds sum many
 * ranks and keep no record of them (a typed array holds the numbers unboxed).
 */
export function sumRankInto(layout: Pick<Layout, 'schedule' | 'microBatches'>, rank: PipelineRank, costs: readonly StageCost[], out: Float64Array, at: number): void {
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
  out[at + RANK_SUM.opSeconds] = ops;
  out[at + RANK_SUM.allToAllSeconds] = allToAll;
  out[at + RANK_SUM.computeSeconds] = compute;
  out[at + RANK_SUM.exposedTpSeconds] = tp;
  out[at + RANK_SUM.exposedCpSeconds] = cp;
  out[at + RANK_SUM.exposedFsdpSeconds] = fsdp;
  out[at + RANK_SUM.windowSeconds] = window;
  out[at + RANK_SUM.firstForwardSeconds] = firstForward;
}

export function sumRank(layout: Pick<Layout, 'schedule' | 'microBatches'>, rank: PipelineRank, costs: readonly StageCost[]): RankSums {
  const out = new Float64Array(RANK_SUM_SLOTS);
  sumRankInto(layout, rank, costs, out, 0);
  return {
    opSeconds: out[RANK_SUM.opSeconds] ?? 0, allToAllSeconds: out[RANK_SUM.allToAllSeconds] ?? 0, computeSeconds: out[RANK_SUM.computeSeconds] ?? 0,
    exposedTpSeconds: out[RANK_SUM.exposedTpSeconds] ?? 0, exposedCpSeconds: out[RANK_SUM.exposedCpSeconds] ?? 0, exposedFsdpSeconds: out[RANK_SUM.exposedFsdpSeconds] ?? 0,
    windowSeconds: out[RANK_SUM.windowSeconds] ?? 0, firstForwardSeconds: out[RANK_SUM.firstForwardSeconds] ?? Infinity,
  };
}
