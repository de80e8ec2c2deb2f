/**
 * The layouts a search returns, made whole: the step model's own report (`estimateStep`), the
 * whole-run estimate and the memory verdict; and the scenario's own layout priced the same way.
 */
import { checkLayout, fixLayout, layoutContext, type FixedLayout } from '../layout/create-layout.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { layoutOf } from './enumerate.js';
import { estimateLayoutRun, objectiveValue, runMetrics, scoreOf } from './objective.js';
import { createWorld, type Candidate, type SearchState } from './search-state.js';
import { createGpuSpace } from './space.js';
import type { PlannedLayout, ScenarioLayoutResult } from './types.js';

/** A kept candidate with the step model's report and the whole-run estimate. */
export function finalizeCandidate(state: SearchState, c: Candidate): PlannedLayout {
  const scenario = c.world.g.scenario;
  const step = c.step ?? estimateStep(scenario, c.layout, state.options.stepOptions, c.world.stepContext);
  const run = estimateLayoutRun(scenario, c.layout, step, state.options.run);
  const metrics = runMetrics(run);
  const { limitBytes, capacityBytes } = c.world.memory;
  const gpus = c.world.g.gpus;
  const planned: PlannedLayout = {
    gpus,
    layout: c.layout,
    step,
    memory: { peakBytesPerGpu: c.peakBytes, capacityBytes, limitBytes, fits: c.peakBytes <= limitBytes },
    run,
    metrics,
    objectiveValue: objectiveValue(state.options.objective, metrics),
    point: { score: scoreOf(state.options.objective, metrics), days: metrics.days, usd: metrics.usd, gpus },
  };
  return planned;
}

/**
 * The reference layout — `reference` over the scenario's fields, or the scenario's own when every
 * field is given (null otherwise) — priced like a candidate.
 */
export function scenarioLayout(state: SearchState, scenario: Scenario, reference: FixedLayout = {}): ScenarioLayoutResult | null {
  let candidate;
  try {
    candidate = fixLayout(scenario, reference);
  } catch {
    return null;
  }
  const violation = checkLayout(layoutContext(scenario), candidate);
  if (violation !== null) return { status: 'invalid', violation };
  const world = createWorld(state, createGpuSpace(state.space, scenario.cluster.gpus));
  const layout = layoutOf(world.g, candidate);
  const step = estimateStep(scenario, layout, state.options.stepOptions, world.stepContext);
  const peakBytes = world.memory.peakBytes(scenario, layout);
  const candidateOf: Candidate = {
    world, layout, step, stepSeconds: step.time.stepSeconds, computeSeconds: step.time.computeSeconds, peakBytes,
    metrics: { days: 0, usd: 0, facilityMwh: 0, tokensPerJoule: 0 }, point: { score: 0, days: 0, usd: 0, gpus: world.g.gpus },
  };
  const planned = finalizeCandidate(state, candidateOf);
  // GiB, the unit every command prints memory in.
  const limitGiB = (planned.memory.limitBytes / 2 ** 30).toFixed(1);
  const note = planned.memory.fits
    ? null
    : `needs ${(planned.memory.peakBytesPerGpu / 2 ** 30).toFixed(1)} GiB per GPU, above the ${limitGiB} GiB limit (${(state.options.headroomFraction * 100).toFixed(0)} % headroom): the planner cannot choose it`;
  return { status: 'priced', planned, note };
}
