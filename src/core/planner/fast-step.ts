/**
 * The planner's inner-loop form of `estimateStep`: the same stage costs (the step pricer's), one
 * pipeline simulation per (skeleton, recomputation) shared by every sharding, then each sharding's
 * data-parallel tail and optimizer added by the step model's own `combineRankTails`:
 *
 *   step = max over ranks (last op end + exposed gradient reduce) + max optimizer + max exposed gather
 *
 * With pp > 1 a sharding changes only that tail (ZeRO-3 per-layer gathers enter the stage costs
 * only when pp = 1, and such layouts get their own simulation). `estimateStep` itself runs only
 * for the layouts the planner returns; `plan.test.ts` checks that both give the same step time.
 */
import type { Layout } from '../layout/types.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import { combineRankTails, type RankTailInput } from '../step/rank-tail.js';
import { simulatePipeline as simulateStages } from '../step/simulate-pipeline.js';
import type { BoundContext, PipelineBound, RankTail } from './bound.js';

/** One pipeline simulation with the costs of a pipeline bound. */
export function simulatePipeline(bc: BoundContext, layout: Layout, pipeline: PipelineBound): ScheduleSimulation {
  return simulateStages(bc.pricer, layout, pipeline.costs, pipeline.p2pSeconds);
}

/** Step time and the critical rank's compute of one sharding, from a shared simulation. */
export interface FastStep {
  readonly stepSeconds: number;
  readonly computeSeconds: number;
}

export function fastStep(bc: BoundContext, pipeline: PipelineBound, sim: ScheduleSimulation, tail: readonly RankTail[]): FastStep {
  const inputs = pipeline.ranks.map((r, i): RankTailInput | undefined => {
    const stats = sim.perStage[i];
    const t = tail[i];
    if (stats === undefined || t === undefined) return undefined;
    return {
      lastEndSeconds: stats.lastEndSeconds, busySeconds: stats.busySeconds, gradReduceSeconds: t.gradReduceSeconds, windowSeconds: r.windowSeconds, lastBucketSeconds: t.lastBucketSeconds,
      optimizerSeconds: t.optimizerSeconds, paramGatherSeconds: t.paramGatherSeconds, firstForwardSeconds: r.firstForwardSeconds,
    };
  });
  const end = combineRankTails(inputs, bc.pricer.framework);
  return { stepSeconds: end.pipelineEnd + end.optimizer + end.paramGather, computeSeconds: pipeline.ranks[end.critical]?.computeSeconds ?? 0 };
}
