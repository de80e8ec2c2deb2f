/**
 * Runs `planLayouts` off the main thread so that the main thread stays free for the progress bar
 * and Ctrl-C: the search polls a shared flag (Atomics) that the main thread sets on SIGINT, and
 * returns the best layouts found so far.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isInputError } from '../core/index.js';
import { planLayouts, type PlanOptions } from '../core/index.js';
import type { Scenario } from '../core/index.js';

export interface PlanWorkerInput {
  readonly scenario: Scenario;
  readonly options: Omit<PlanOptions, 'onProgress' | 'shouldStop'>;
  /** Int32Array(1) on a SharedArrayBuffer: 1 = stop. */
  readonly stopFlag: SharedArrayBuffer;
}

export type PlanWorkerMessage =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'result'; readonly result: ReturnType<typeof planLayouts> }
  | { readonly kind: 'input-error'; readonly field: string; readonly value: unknown; readonly rule: string }
  | { readonly kind: 'error'; readonly message: string };

// The worker's one input, posted by `commands/plan.ts` (structured clone of plain data).
const input: PlanWorkerInput = workerData;
const stop = new Int32Array(input.stopFlag);
const post = (message: PlanWorkerMessage): void => parentPort?.postMessage(message);
try {
  const result = planLayouts(input.scenario, {
    ...input.options,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (done, total) => post({ kind: 'progress', done, total }),
  });
  post({ kind: 'result', result });
} catch (error) {
  if (isInputError(error)) post({ kind: 'input-error', field: error.field, value: error.value, rule: error.rule });
  else post({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
