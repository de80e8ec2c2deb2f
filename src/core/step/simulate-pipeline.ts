/**
 * The pipeline schedule run over a layout's stage costs, shared by `estimateStep` and the
 * planner's leaves. Without a trace it runs the schedule's steady state and extrapolates
 * (`simulateSteadyState`: three runs of at most ~4·pp·vp micro-batches one period apart, used only
 * when they are periodic), so its cost does not grow with the number of micro-batches; with a
 * trace (`recordOps`) it simulates every op.
 */
import type { Layout } from '../layout/types.js';
import { simulateSteadyState } from '../schedules/estimate.js';
import { simulateCompiled } from '../schedules/simulate.js';
import type { ScheduleSimulation, ScheduleTimes } from '../schedules/types.js';
import type { StepPricer } from './pricer.js';
import type { StageCost } from './stage-times.js';

export function simulatePipeline(
  pricer: StepPricer,
  layout: Pick<Layout, 'schedule' | 'pp' | 'vp' | 'microBatches'>,
  costs: readonly StageCost[],
  p2pSeconds: number,
  recordOps = false,
): ScheduleSimulation {
  const params = { pp: layout.pp, vp: layout.vp, microBatches: layout.microBatches };
  const times: ScheduleTimes = { stages: costs.map((c) => c.times), p2pSeconds };
  const cache = pricer.context.schedules;
  if (recordOps) return simulateCompiled(cache.compile(layout.schedule, params), times, { recordOps });
  return simulateSteadyState(layout.schedule, params, times, { cache });
}
