/**
 * The planner's inner-loop form of `estimateStep`: the same stage costs (bound.ts prices them with
 * the step model's own functions), one pipeline simulation per (skeleton, recomputation) shared by
 * every sharding, then each sharding's data-parallel tail and optimizer added exactly as
 * estimate-step.ts adds them:
 *
 *   step = max over ranks (last op end + exposed gradient reduce) + max optimizer + max exposed gather
 *
 * With pp > 1 a sharding changes only that tail (ZeRO-3 per-layer gathers enter the stage costs
 * only when pp = 1, and such layouts get their own simulation). `estimateStep` itself runs only
 * for the layouts the planner returns, and `plan.ts` checks that it agrees.
 */
import { simulateCompiled } from '../schedules/simulate.js';
import type { Layout } from '../layout/types.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import type { StepContext } from '../step/estimate-step.js';
import { combineRankTails, type RankTailInput } from '../step/rank-tail.js';
import type { BoundContext, PipelineBound, RankTail } from './bound.js';

/** One pipeline simulation with the costs of a pipeline bound. */
export function simulatePipeline(step: StepContext, layout: Layout, pipeline: PipelineBound): ScheduleSimulation {
  const compiled = step.schedules.compile(layout.schedule, { pp: layout.pp, vp: layout.vp, microBatches: layout.microBatches });
  return simulateCompiled(compiled, { stages: pipeline.costs.map((c) => c.times), p2pSeconds: pipeline.p2pSeconds }, { recordOps: false });
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
  const end = combineRankTails(inputs, bc.step.framework.overlap);
  return { stepSeconds: end.pipelineEnd + end.optimizer + end.paramGather, computeSeconds: pipeline.ranks[end.critical]?.computeSeconds ?? 0 };
}
