/**
 * The second way an unknown layout field of a published run is resolved (issue "Unknown is not a
 * default", `runs/record-conventions.ts` is the first): the value the planner would choose with
 * the rest of the layout fixed — what a tuned run uses. Done for the micro-batch, the field without
 * a convention in most stacks: of the sizes b that divide the per-replica batch and that the
 * schedule accepts, the one whose layout fits in HBM (the memory model, no headroom) and gives the
 * shortest step. The run is then marked `planner` (assumed, but resolved: fitted on).
 *
 * The choice is priced with the literature priors (`PRIOR_EFFICIENCY_PARAMS`), not the fitted
 * efficiencies, so that the calibration's inputs do not depend on its own previous output.
 */
import { PRIOR_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import { forFramework } from '../compute/efficiency.js';
import { isInputError } from '../errors.js';
import { divisors } from '../layout/check-layout.js';
import { createLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import { peakMemoryBytes, usableHbmBytes } from '../memory/estimate-memory.js';
import type { AssumedField } from '../runs/record-conventions.js';
import type { RunCase } from '../runs/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';

const PLANNER_SOURCE = 'the planner\'s choice with the rest of the layout fixed: the fastest micro-batch that fits in HBM';

/** Step seconds of `c` at micro-batch `b`, or null when the layout is invalid or does not fit. */
function stepAtMicroBatch(c: RunCase, b: number, options: StepOptions): { layout: Layout; seconds: number } | null {
  const scenario = { ...c.scenario, layout: { ...c.scenario.layout, microBatch: b } };
  try {
    const layout = createLayout(scenario);
    if (peakMemoryBytes(scenario, layout) > usableHbmBytes(scenario.cluster.accelerator.hbmBytes)) return null;
    return { layout, seconds: estimateStep(scenario, layout, options).time.stepSeconds };
  } catch (error) {
    if (isInputError(error)) return null;
    throw error;
  }
}

/** `c` with an unknown micro-batch replaced by the planner's choice; unchanged when none is unknown or none fits. */
export function resolveMicroBatchByPlanner(c: RunCase, options: StepOptions = { ...DEFAULT_STEP_OPTIONS, efficiency: PRIOR_EFFICIENCY_PARAMS }): RunCase {
  const index = c.assumed.findIndex((a) => a.field === 'microBatch' && a.basis === 'unknown');
  if (index < 0) return c;
  const perReplica = c.scenario.training.globalBatch / c.layout.dp;
  if (!Number.isInteger(perReplica)) return c;
  const stackOptions = { ...options, efficiency: forFramework(options.efficiency, c.tags.framework) };
  let best: { b: number; layout: Layout; seconds: number } | null = null;
  for (const b of divisors(perReplica)) {
    const priced = stepAtMicroBatch(c, b, stackOptions);
    if (priced !== null && (best === null || priced.seconds < best.seconds)) best = { b, ...priced };
  }
  if (best === null) return c;
  const entry: AssumedField = { field: 'microBatch', value: best.b, basis: 'planner', source: PLANNER_SOURCE };
  return {
    ...c,
    scenario: { ...c.scenario, layout: { ...c.scenario.layout, microBatch: best.b } },
    layout: best.layout,
    assumed: c.assumed.map((a, i) => (i === index ? entry : a)),
    notes: [...c.notes, `layout.microBatch not given: ${best.b} (planner: ${PLANNER_SOURCE})`],
  };
}
