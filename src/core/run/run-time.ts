/**
 * Wall-clock time and GPU-hours of a run from its step phases and a step time.
 *
 *   wall seconds = Σ_phases steps · stepSeconds(globalBatch)      [s]
 *   GPU-hours    = wall seconds · GPUs / 3600                     [GPU-h]
 *
 * The step time is an input (the step model's `time.stepSeconds`), so this module does not depend
 * on it: a number (one step time for every batch) or a function of the global batch (ramps).
 */
import { InputError } from '../errors.js';
import { requirePositiveInteger } from '../datacenter/validate.js';
import type { BatchPhase } from './steps.js';

/** Seconds per optimizer step: fixed, or as a function of the global batch [sequences]. */
export type StepSeconds = number | ((globalBatch: number) => number);

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;

export interface RunTimeInput {
  readonly phases: readonly BatchPhase[];
  readonly stepSecondsForBatch: StepSeconds;
  readonly gpus: number;
}

export interface TimedPhase extends BatchPhase {
  readonly stepSeconds: number;
  readonly seconds: number;
}

export interface RunTime {
  readonly phases: readonly TimedPhase[];
  readonly wallSeconds: number;
  readonly days: number;
  readonly gpuHours: number;
}

/**
 * Step time that scales with the batch at constant throughput (tokens/s):
 * t(b) = t_ref · b / b_ref. A first-order stand-in for ramp phases when the step model is only run
 * at the steady batch (it ignores the pipeline bubble's share, which grows at small batches).
 */
export function createProportionalStepTime(stepSeconds: number, atGlobalBatch: number): (globalBatch: number) => number {
  requireStepSeconds(stepSeconds, atGlobalBatch);
  requirePositiveInteger('atGlobalBatch', atGlobalBatch);
  return (globalBatch) => (stepSeconds * globalBatch) / atGlobalBatch;
}

function requireStepSeconds(value: number, globalBatch: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError('stepSeconds', value, `must be a finite number > 0 (step time at global batch ${globalBatch})`);
  }
  return value;
}

/** Step time at `globalBatch` under either form of StepSeconds. */
export function stepSecondsAt(stepSeconds: StepSeconds, globalBatch: number): number {
  const value = typeof stepSeconds === 'number' ? stepSeconds : stepSeconds(globalBatch);
  return requireStepSeconds(value, globalBatch);
}

/** Wall seconds, days and GPU-hours of `phases` run on `gpus` GPUs. */
export function estimateRunTime(input: RunTimeInput): RunTime {
  const gpus = requirePositiveInteger('gpus', input.gpus);
  // A plain loop and a record of named fields: a batch ramp has a phase per level (thousands with
  // a small batch quantum), and the planner prices a run per quantum it searches.
  const phases: TimedPhase[] = [];
  let wallSeconds = 0;
  for (let i = 0; i < input.phases.length; i += 1) {
    const phase = input.phases[i];
    if (phase === undefined) continue;
    const stepSeconds = stepSecondsAt(input.stepSecondsForBatch, phase.globalBatch);
    const seconds = phase.steps * stepSeconds;
    phases.push({ globalBatch: phase.globalBatch, steps: phase.steps, tokens: phase.tokens, stepSeconds, seconds });
    wallSeconds += seconds;
  }
  return { phases, wallSeconds, days: wallSeconds / SECONDS_PER_DAY, gpuHours: (wallSeconds * gpus) / SECONDS_PER_HOUR };
}
