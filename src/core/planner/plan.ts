/**
 * `planLayouts`: search every layout field the scenario leaves `auto` (or lists), keep the best N
 * by the objective, the Pareto front, and explain the winner against the runner-up and against
 * the scenario's own layout. Never throws for an empty search space: `best` is null and
 * `diagnosis` says which constraint eliminated how many layouts and what to relax.
 * @throws InputError only for malformed options (top < 1, headroom outside [0, 1), …).
 */
import type { Scenario } from '../scenario/types.js';
import { diagnose } from './diagnose.js';
import { rejectedByRule } from './enumerate.js';
import { compareSteps } from './explain.js';
import { finalizeCandidate, scenarioLayout } from './finalize.js';
import { settleMemoryDiagnosis } from './leaf-memory.js';
import { checkPlanOptions } from './plan-request.js';
import { runSearch } from './search.js';
import { createSearchState, resolvePlanOptions, type Candidate, type SearchState } from './search-state.js';
import { createSearchSpace, searchedFields } from './space.js';
import type { PlannedLayout, PlanOptions, PlanResult } from './types.js';

/**
 * The returned layouts with their reports; a layout both in the top and on the Pareto front (the
 * same candidate) is reported once and listed in both.
 */
function finalizeAll(state: SearchState): { top: PlannedLayout[]; pareto: PlannedLayout[] } {
  const made = new Map<Candidate, PlannedLayout>();
  const make = (c: Candidate): PlannedLayout => {
    const known = made.get(c);
    if (known !== undefined) return known;
    const planned = finalizeCandidate(state, c);
    made.set(c, planned);
    return planned;
  };
  return { top: state.top.entries.map(make), pareto: state.front.entries().map(make) };
}

/**
 * The layout the winner is explained against: the best other one whose step time differs (shardings
 * that leave the step unchanged rank as exact ties and explain nothing), else the second.
 */
function runnerUpOf(top: readonly PlannedLayout[]): PlannedLayout | null {
  const best = top[0];
  if (best === undefined) return null;
  const t = best.step.time.stepSeconds;
  return top.find((p) => p.gpus !== best.gpus || Math.abs(p.step.time.stepSeconds - t) > 1e-9 * t) ?? top[1] ?? null;
}

/**
 * Searches the layouts of `scenario`. Defaults: objective time, top 10, the shared fit headroom (FIT_HEADROOM_FRACTION), the
 * scenario's GPU count, the step model's default assumptions.
 */
export function planLayouts(scenario: Scenario, options: PlanOptions = {}): PlanResult {
  checkPlanOptions(options);
  const resolved = resolvePlanOptions(options);
  const space = createSearchSpace(scenario, options.gpuCounts, options.space);
  const state = createSearchState(space, resolved);
  runSearch(state);
  const { top, pareto } = finalizeAll(state);
  resolved.onProgress(state.done, state.total);
  const best = top[0] ?? null;
  const runnerUp = runnerUpOf(top);
  const own = scenarioLayout(state, scenario, options.reference);
  const { counts } = state;
  return {
    objective: resolved.objective,
    best,
    top,
    pareto,
    paretoAxes: state.front.axes,
    evaluated: state.evaluated,
    simulations: state.simulations,
    memoryEvaluations: state.memoryEvaluations,
    counts: { enumerated: state.total, ...counts },
    pruned: {
      byRule: rejectedByRule(state.tally),
      byMemory: counts.byMemory,
      byBudget: counts.byBudget,
      byDeadline: counts.byDeadline,
      byGpuLimit: counts.byGpuLimit,
      byBound: counts.byBound,
    },
    scenarioLayout: own,
    explanation: {
      vsRunnerUp: best !== null && runnerUp !== null ? compareSteps('runner-up', best, runnerUp) : null,
      vsScenario: best !== null && own?.status === 'priced' ? compareSteps('scenario', best, own.planned) : null,
    },
    diagnosis: best === null ? diagnose(settleMemoryDiagnosis(state)) : null,
    stoppedEarly: state.stopped,
    gpuCounts: space.gpuCounts,
    searched: searchedFields(scenario.layout),
  };
}
