/**
 * The layout planner in its own Web Worker, one per search: progress is posted as it goes and
 * the page cancels by terminating the worker. A scenario that fixes every layout field is searched
 * whole, against its own layout (as `scaleplan plan` does).
 */
import { economicsOptions, isInputError, OBJECTIVES, parseScenarioText, planLayouts, referenceOf, searchEveryField, type Objective } from '../core/index.js';
import type { PlanRequest, PlanResponse } from './protocol.js';

const post = (message: PlanResponse): void => self.postMessage(message);

function isObjective(value: string): value is Objective {
  return OBJECTIVES.some((o) => o === value);
}

self.onmessage = (event: MessageEvent<PlanRequest>): void => {
  const { text, objective, top } = event.data;
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
      onProgress: (done, total) => post({ kind: 'progress', done, total }),
    });
    post({ kind: 'result', result, searchedAll: reference !== undefined, elapsedMs: performance.now() - started });
  } catch (error) {
    post({ kind: 'error', message: isInputError(error) ? error.message : `internal error (please report): ${String(error)}` });
  }
};
