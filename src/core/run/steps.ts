/**
 * Optimizer steps needed to consume a run's training tokens, with a linear global-batch ramp.
 *
 * Ramp discretisation (the rule of Megatron-LM `--rampup-batch-size <start> <increment> <samples>`,
 * `RampupBatchsizeNumMicroBatchesCalculator` in megatron/core/num_microbatches_calculator.py, with
 * tokens in place of samples — the same thing at a fixed sequence length):
 *
 *   n      = (G − B₀) / q                  ramp levels, q = batch quantum [sequences]
 *   b(t)   = B₀ + q · ⌊n · t / R⌋          batch [sequences] after t tokens consumed, for t < R
 *   b(t)   = G                             for t ≥ R (steady state)
 *
 * so the batch grows linearly in tokens consumed, rounded down to B₀ plus a multiple of q, and
 * reaches G exactly at R tokens. DeepSeek-V3: B₀ = 3072, G = 15360, R = 469B tokens (TR §4.2).
 * A step at batch b consumes b · seqLen tokens; a level ends at the first step that crosses its
 * token boundary. The run's last step may be partial: phase tokens sum exactly to totalTokens,
 * while the step count (and so the run time) rounds up to whole steps.
 */
import { InputError } from '../errors.js';
import type { Training } from '../training/types.js';
import { requirePositive, requirePositiveInteger } from '../datacenter/validate.js';

/** A stretch of the run at one global batch. */
export interface BatchPhase {
  /** Sequences per optimizer step. */
  readonly globalBatch: number;
  readonly steps: number;
  /** Tokens consumed in this phase (the run's last step may be partial). */
  readonly tokens: number;
}

export interface StepPlan {
  readonly phases: readonly BatchPhase[];
  readonly steps: number;
  readonly tokens: number;
  /** Batch quantum q the ramp was discretised with [sequences]; null without a ramp. */
  readonly batchQuantum: number | null;
}

export interface StepPlanOptions {
  /**
   * Ramp batch quantum q [sequences]: levels are B₀ + k·q. Pass the layout's dp · microBatch so
   * every level fills whole micro-batches. Default: gcd(B₀, G), which keeps B₀ and G on the grid.
   */
  readonly batchQuantum?: number;
}

/** Most ramp levels accepted (one phase each): far more than any published ramp needs. */
export const MAX_RAMP_LEVELS = 100_000;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

interface Cursor {
  consumed: number;
  readonly totalTokens: number;
  readonly seqLen: number;
  readonly phases: BatchPhase[];
}

/**
 * Adds a phase of whole steps at `globalBatch` until at least `untilTokens` are consumed. The last
 * step may cross the boundary (the next level starts after it); only the run's end truncates tokens.
 */
function advance(cursor: Cursor, globalBatch: number, untilTokens: number): void {
  const tokensPerStep = globalBatch * cursor.seqLen;
  const needed = Math.min(untilTokens, cursor.totalTokens) - cursor.consumed;
  if (needed <= 0) return;
  const steps = Math.max(1, Math.ceil(needed / tokensPerStep));
  const tokens = Math.min(steps * tokensPerStep, cursor.totalTokens - cursor.consumed);
  cursor.phases.push({ globalBatch, steps, tokens });
  cursor.consumed += tokens;
}

function rampLevels(training: Training, quantum: number): number {
  const ramp = training.batchRamp;
  if (ramp === null) return 0;
  const span = training.globalBatch - ramp.startGlobalBatch;
  if (span % quantum !== 0) {
    throw new InputError('batchQuantum', quantum, `must divide globalBatch − startGlobalBatch = ${training.globalBatch} − ${ramp.startGlobalBatch} = ${span}`);
  }
  const levels = span / quantum;
  if (levels > MAX_RAMP_LEVELS) {
    throw new InputError('batchQuantum', quantum, `gives ${levels} ramp levels; at most ${MAX_RAMP_LEVELS} — use a larger quantum`);
  }
  return levels;
}

function checkTraining(training: Training): void {
  requirePositiveInteger('training.seqLen', training.seqLen);
  requirePositiveInteger('training.globalBatch', training.globalBatch);
  requirePositive('training.totalTokens', training.totalTokens);
  const ramp = training.batchRamp;
  if (ramp === null) return;
  requirePositiveInteger('training.batchRamp.startGlobalBatch', ramp.startGlobalBatch);
  if (ramp.startGlobalBatch > training.globalBatch) {
    throw new InputError('training.batchRamp.startGlobalBatch', ramp.startGlobalBatch, `must be at most training.globalBatch ${training.globalBatch} (the ramp grows the batch)`);
  }
  if (!Number.isFinite(ramp.rampTokens) || ramp.rampTokens < 0) {
    throw new InputError('training.batchRamp.rampTokens', ramp.rampTokens, 'must be a finite number ≥ 0');
  }
}

/**
 * Steps to consume `training.totalTokens`: one phase per ramp level, then the steady phase.
 * @throws InputError for a non-positive batch/sequence/token count, a ramp that shrinks the batch,
 *   or a quantum that does not divide the ramp span.
 */
export function planSteps(training: Training, options: StepPlanOptions = {}): StepPlan {
  checkTraining(training);
  const ramp = training.batchRamp;
  const hasRamp = ramp !== null && ramp.rampTokens > 0 && ramp.startGlobalBatch < training.globalBatch;
  const cursor: Cursor = { consumed: 0, totalTokens: training.totalTokens, seqLen: training.seqLen, phases: [] };
  let quantum: number | null = null;
  if (hasRamp) {
    quantum = requirePositiveInteger('batchQuantum', options.batchQuantum ?? gcd(ramp.startGlobalBatch, training.globalBatch));
    const levels = rampLevels(training, quantum);
    for (let k = 0; k < levels; k += 1) {
      // level k holds while consumed tokens < (k+1)·R/n
      advance(cursor, ramp.startGlobalBatch + k * quantum, ((k + 1) * ramp.rampTokens) / levels);
    }
  }
  advance(cursor, training.globalBatch, training.totalTokens);
  const steps = cursor.phases.reduce((sum, phase) => sum + phase.steps, 0);
  const tokens = cursor.phases.reduce((sum, phase) => sum + phase.tokens, 0);
  return { phases: cursor.phases, steps, tokens, batchQuantum: quantum };
}
