/** Runs the planner in a fresh worker; cancelling terminates it. */
import type { PlanResult } from '../core/index.js';
import type { CoreRequest, CoreResponse, PlanRequest } from './protocol.js';

export interface PlanListener {
  progress(done: number, total: number): void;
  result(result: PlanResult, searchedAll: boolean, elapsedMs: number): void;
  error(message: string): void;
}

export interface PlanHandle { cancel(): void }

export function runPlan(request: PlanRequest, listener: PlanListener): PlanHandle {
  const worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module', name: 'scaleplan-plan' });
  worker.onmessage = (event: MessageEvent<CoreResponse>) => {
    const m = event.data;
    if (m.kind === 'plan-progress') return listener.progress(m.done, m.total);
    if (m.kind !== 'plan-result' && m.kind !== 'plan-error') return;
    worker.terminate();
    if (m.kind === 'plan-result') listener.result(m.result, m.searchedAll, m.elapsedMs);
    else listener.error(m.message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    listener.error(`internal error (please report): ${event.message}`);
  };
  worker.postMessage({ kind: 'plan', ...request } satisfies CoreRequest);
  return { cancel: () => worker.terminate() };
}
