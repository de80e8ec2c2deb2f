/**
 * The layout planner as the core worker runs it, in a worker of its own per search: progress is
 * posted as it goes and the page cancels by terminating that worker. A scenario that fixes every
 * layout field is searched whole, against its own layout (as `scaleplan plan` does).
 */
import { economicsOptions, isInputError, OBJECTIVES, parseScenarioText, planLayouts, referenceOf, searchEveryField, type Objective } from '../core/index.js';
import type { PlanRequest, PlanResponse } from './protocol.js';

function isObjective(value: string): value is Objective {
  return OBJECTIVES.some((o) => o === value);
}

export function runPlanRequest({ text, objective, top }: PlanRequest, post: (message: PlanResponse) => void): void {
  const started = performance.now();
  try {
    const base = parseScenarioText(text);
    const reference = referenceOf(base);
    const scenario = reference === undefined ? base : searchEveryField(base);
    const result = planLayouts(scenario, {
      objective: isObjective(objective) ? objective : 'time',
      top,
      ...(reference === undefined ? {} : { reference }),
      run: economicsOptions(base.economics),
      onProgress: (done, total) => post({ kind: 'plan-progress', done, total }),
    });
    post({ kind: 'plan-result', result, searchedAll: reference !== undefined, elapsedMs: performance.now() - started });
  } catch (error) {
    post({ kind: 'plan-error', message: isInputError(error) ? error.message : `internal error (please report): ${String(error)}` });
  }
}
