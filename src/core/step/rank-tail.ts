/**
 * How a step ends, from each pipeline rank's view: the rank's last op, then the part of its
 * gradient reduction its last backward did not hide (bucketed overlap), then the optimizer, then
 * the part of the parameter gather the next step's first forward does not hide:
 *
 *   step = max over ranks (last op end + exposed gradient reduce) + max optimizer + max exposed gather
 *
 * Shared by `estimateStep` and the planner's inner loop, so both add a step up the same way.
 */
import type { RankParams } from './data-parallel.js';
import type { OverlapAssumptions } from './options.js';
import { overlappedSeconds } from './overlap-cost.js';

/**
 * Reduction time of the last gradient bucket [s]: buckets fill in backward order and each is
 * reduced once full, so the last one starts only after the last backward op. Its share of the
 * rank's reduction is bucket / rank parameters (Megatron-Core, DDP, DeepSpeed buckets), or one
 * layer of the rank's `layers` for stacks that reduce per layer (`bucketParams` 0: FSDP2, XLA).
 */
export function lastBucketSeconds(reduceSeconds: number, params: RankParams, layers: number, bucketParams: number): number {
  const total = params.dense + params.expert;
  if (reduceSeconds === 0 || total === 0) return 0;
  const share = bucketParams > 0 ? Math.min(1, bucketParams / total) : 1 / Math.max(1, layers);
  return share * reduceSeconds;
}

/** What the step's tail needs of the stack: which data-parallel collectives overlap, and what a hidden second costs (`StepFramework`). */
export interface TailFramework {
  readonly overlap: Pick<OverlapAssumptions, 'dpGradReduce' | 'dpParamGather'>;
  /** Compute seconds a hidden second of a data-parallel collective costs (`StepFramework.collectiveGemmSlowdown`). */
  readonly collectiveGemmSlowdown: number;
}

/**
 * Exposed gradient reduction of one rank [s]: overlapped, what the backward window
 * (`windowSeconds`, RankTailInput) cannot hide but at least the last bucket, plus the contention
 * of the hidden part (`overlap-cost.ts`); not overlapped, all of it.
 */
export function exposedGradReduceSeconds(r: Pick<RankTailInput, 'gradReduceSeconds' | 'lastBucketSeconds'>, windowSeconds: number, framework: TailFramework): number {
  if (!framework.overlap.dpGradReduce) return r.gradReduceSeconds;
  const window = Math.max(0, Math.min(windowSeconds, r.gradReduceSeconds - r.lastBucketSeconds));
  return overlappedSeconds(r.gradReduceSeconds, window, framework.collectiveGemmSlowdown);
}

/**
 * Exposed parameter gather of one rank [s]: overlapped, what the next step's first forward
 * (`firstForwardSeconds`) cannot hide, plus the contention of the hidden part; else all of it.
 */
export function exposedParamGatherSeconds(gatherSeconds: number, firstForwardSeconds: number, framework: TailFramework): number {
  if (!framework.overlap.dpParamGather) return gatherSeconds;
  return overlappedSeconds(gatherSeconds, firstForwardSeconds, framework.collectiveGemmSlowdown);
}

export interface RankTailInput {
  readonly lastEndSeconds: number;
  readonly busySeconds: number;
  readonly gradReduceSeconds: number;
  /**
   * Backward time of the rank's last micro-batch through all its chunks, which bucketed reduction
   * overlaps [s] (with interleaving the last micro-batch runs backward through every local chunk,
   * and each chunk's buckets are reduced under the backward of the chunks after it).
   */
  readonly windowSeconds: number;
  /** Reduction time of the last bucket, which no backward hides [s] (`lastBucketSeconds`). */
  readonly lastBucketSeconds: number;
  readonly optimizerSeconds: number;
  readonly paramGatherSeconds: number;
  /** Forward time of the rank's first micro-batch, which the parameter gather overlaps [s]. */
  readonly firstForwardSeconds: number;
}

export interface StepTail {
  readonly pipelineEnd: number;
  readonly optimizer: number;
  readonly paramGather: number;
  /** Index of the busiest rank (the one the breakdown is attributed to). */
  readonly critical: number;
}

export function combineRankTails(ranks: readonly (RankTailInput | undefined)[], framework: TailFramework): StepTail {
  let pipelineEnd = 0;
  let optimizer = 0;
  let paramGather = 0;
  let critical = 0;
  let busiest = -1;
  ranks.forEach((r, i) => {
    if (r === undefined) return;
    const grad = exposedGradReduceSeconds(r, r.windowSeconds, framework);
    pipelineEnd = Math.max(pipelineEnd, r.lastEndSeconds + grad);
    optimizer = Math.max(optimizer, r.optimizerSeconds);
    paramGather = Math.max(paramGather, exposedParamGatherSeconds(r.paramGatherSeconds, r.firstForwardSeconds, framework));
    if (r.busySeconds > busiest) {
      busiest = r.busySeconds;
      critical = i;
    }
  });
  return { pipelineEnd, optimizer, paramGather, critical };
}
