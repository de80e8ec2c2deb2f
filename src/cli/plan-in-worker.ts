/**
 * Runs a search in a worker thread (`plan-worker.ts`, beside this file in the sources and in the
 * bundle): the main thread draws the progress bar (stderr, only for searches longer than a moment)
 * and turns Ctrl-C into a stop flag the search polls, so the best layouts found so far are still
 * printed. A second Ctrl-C exits at once.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import { InputError, type PlanResult, type Scenario } from '../core/index.js';
import type { PlanWorkerInput, PlanWorkerMessage } from './plan-worker.js';

/** Searches longer than this draw a progress bar [ms]. */
const BAR_AFTER_MS = 300;

export function planInWorker(scenario: Scenario, options: PlanWorkerInput['options'], timeoutSeconds?: number): Promise<PlanResult> {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const worker = new Worker(new URL('./plan-worker.js', import.meta.url), { workerData: { scenario, options, stopFlag } satisfies PlanWorkerInput });
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'planning [{bar}] {percentage}% | {value}/{total} layouts | {eta}s left', stream: process.stderr, hideCursor: true }) : null;
  const started = performance.now();
  let barStarted = false;
  const onSigint = (): void => {
    if (Atomics.load(stop, 0) === 1) process.exit(130);
    Atomics.store(stop, 0, 1);
  };
  process.on('SIGINT', onSigint);
  // --timeout: the same stop flag, set when the time is up.
  const timer = timeoutSeconds === undefined ? undefined : setTimeout(() => Atomics.store(stop, 0, 1), timeoutSeconds * 1000);
  return new Promise<PlanResult>((resolve, reject) => {
    const finish = (): void => {
      if (barStarted) bar?.stop();
      clearTimeout(timer);
      process.off('SIGINT', onSigint);
      void worker.terminate();
    };
    worker.on('message', (message: PlanWorkerMessage) => {
      if (message.kind === 'progress') {
        if (bar === null || performance.now() - started < BAR_AFTER_MS) return;
        if (!barStarted) {
          bar.start(message.total, message.done);
          barStarted = true;
        } else bar.update(message.done);
        return;
      }
      finish();
      if (message.kind === 'result') resolve(message.result);
      else if (message.kind === 'input-error') reject(new InputError(message.field, message.value, message.rule));
      else reject(new Error(message.message));
    });
    worker.on('error', (error) => {
      finish();
      reject(error);
    });
  });
}
