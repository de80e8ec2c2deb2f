/**
 * How a step ends, from each pipeline rank's view: the rank's last op, then the part of its
 * gradient reduction its last backward did not hide (bucketed overlap), then the optimizer, then
 * the part of the parameter gather the next step's first forward does not hide:
 *
 *   step = max over ranks (last op end + exposed gradient reduce) + max optimizer + max exposed gather
 *
 * Shared by `estimateStep` and the planner's inner loop, so both add a step up the same way.
 */
import type { OverlapAssumptions } from './options.js';

export interface RankTailInput {
  readonly lastEndSeconds: number;
  readonly busySeconds: number;
  readonly gradReduceSeconds: number;
  /** Backward time of the rank's last micro-batch, which bucketed reduction overlaps [s]. */
  readonly windowSeconds: number;
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

export function combineRankTails(ranks: readonly (RankTailInput | undefined)[], overlap: OverlapAssumptions): StepTail {
  let pipelineEnd = 0;
  let optimizer = 0;
  let paramGather = 0;
  let critical = 0;
  let busiest = -1;
  ranks.forEach((r, i) => {
    if (r === undefined) return;
    const grad = overlap.dpGradReduce ? Math.max(0, r.gradReduceSeconds - r.windowSeconds) : r.gradReduceSeconds;
    pipelineEnd = Math.max(pipelineEnd, r.lastEndSeconds + grad);
    optimizer = Math.max(optimizer, r.optimizerSeconds);
    paramGather = Math.max(paramGather, overlap.dpParamGather ? Math.max(0, r.paramGatherSeconds - r.firstForwardSeconds) : r.paramGatherSeconds);
    if (r.busySeconds > busiest) {
      busiest = r.busySeconds;
      critical = i;
    }
  });
  return { pipelineEnd, optimizer, paramGather, critical };
}
