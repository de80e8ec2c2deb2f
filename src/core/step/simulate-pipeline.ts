/**
 * The pipeline schedule run over a layout's stage costs: one simulation of the schedule's programs
 * (schedules/), shared by `estimateStep` and the planner's leaves.
 */
import type { Layout } from '../layout/types.js';
import { simulateCompiled } from '../schedules/simulate.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import type { StepPricer } from './pricer.js';
import type { StageCost } from './stage-times.js';

export function simulatePipeline(
  pricer: StepPricer,
  layout: Pick<Layout, 'schedule' | 'pp' | 'vp' | 'microBatches'>,
  costs: readonly StageCost[],
  p2pSeconds: number,
  recordOps = false,
): ScheduleSimulation {
  const compiled = pricer.context.schedules.compile(layout.schedule, { pp: layout.pp, vp: layout.vp, microBatches: layout.microBatches });
  return simulateCompiled(compiled, { stages: costs.map((c) => c.times), p2pSeconds }, { recordOps });
}
