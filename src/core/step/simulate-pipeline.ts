/**
 * The pipeline schedule run over a layout's stage costs, shared by `estimateStep` and the
 * planner's leaves. Without a trace it runs the schedule's steady state and extrapolates
 * (`simulateSteadyState`: three runs of at most ~4·pp·vp micro-batches one period apart, used only
 * when they are periodic), so its cost does not grow with the number of micro-batches; with a
 * trace (`recordOps`) it simulates every op.
 *
 * A simulation is a pure function of the schedule's shape, the stage costs and the p2p time, so the
 * pricer keeps the most recent ones: a layout priced again (the planner's returned layouts, a
 * report and its analysis) does not run its pipeline twice.
 */
import type { Layout } from '../layout/types.js';
import { simulateSteadyState } from '../schedules/estimate.js';
import { simulateCompiled } from '../schedules/simulate.js';
import type { ScheduleSimulation, ScheduleTimes } from '../schedules/types.js';
import { stageCostId, type StepPricer } from './pricer.js';
import type { StageCost } from './stage-times.js';

/** Simulations a pricer keeps (oldest evicted first); each holds per-rank records only. */
const SIMULATIONS_KEPT = 256;

export function simulatePipeline(
  pricer: StepPricer,
  layout: Pick<Layout, 'schedule' | 'pp' | 'vp' | 'microBatches'>,
  costs: readonly StageCost[],
  p2pSeconds: number,
  recordOps = false,
): ScheduleSimulation {
  const params = { pp: layout.pp, vp: layout.vp, microBatches: layout.microBatches };
  const cache = pricer.context.schedules;
  const timesOf = (): ScheduleTimes => ({ stages: costs.map((c) => c.times), p2pSeconds });
  if (recordOps) return simulateCompiled(cache.compile(layout.schedule, params), timesOf(), { recordOps });
  const key = `${layout.schedule}|${layout.pp}|${layout.vp}|${layout.microBatches}|${p2pSeconds}|${costs.map((c) => stageCostId(pricer, c)).join(',')}`;
  const known = pricer.simulations.get(key);
  if (known !== undefined) return known;
  const sim = simulateSteadyState(layout.schedule, params, timesOf(), { cache });
  pricer.simulations.set(key, sim);
  if (pricer.simulations.size > SIMULATIONS_KEPT) {
    const oldest = pricer.simulations.keys().next().value;
    if (oldest !== undefined) pricer.simulations.delete(oldest);
  }
  return sim;
}
