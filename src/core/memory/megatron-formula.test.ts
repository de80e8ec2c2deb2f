/**
 * Megatron-LM `megatron/training/theoretical_memory_usage.py` (commit 00caa53, notes §4.2–4.3) for a
 * GPT configuration, re-implemented here and compared with estimateMemory's first pipeline stage.
 */
import { describe, expect, it } from 'vitest';
import type { ScheduleId } from '../layout/types.js';
import { estimateMemory } from './estimate-memory.js';
import { createCase, createGptFixture } from './test-fixtures.js';

const L = 96;
const h = 12288;
const a = 96;
const V = 51200;
const s = 2048;
const gpt = createGptFixture(L, h, a, V);

/** compute_weight_and_optimizer_memory: MHA, no SwiGLU, tied embedding. */
function megatronWeightAndOptimizerBytes(tp: number, pp: number, dp: number, distributedOptimizer: boolean): number {
  const transformer = 2 * L * h * h * (1 + 1 + 4 + 2 / h + 1 / (L * h));
  const embedding = h * V;
  const mostLoadedShard = (transformer / pp + embedding) / tp;
  const bytesPerParam = distributedOptimizer ? 6 + 12 / dp : 18;
  return mostLoadedShard * bytesPerParam;
}

/** compute_activation_memory (SP + selective recompute, the formula's assumption). */
function megatronActivationBytes(b: number, tp: number, pp: number, vp: number | null, microBatches: number): number {
  let bytes = s * b * h * (18 + 4 * 4) * L;
  bytes += 8 * s * b * pp;
  bytes += s * b * h * pp;
  if (vp !== null) bytes *= 1 + (pp - 1) / (pp * vp);
  if (vp === null && pp > 1) bytes *= Math.min(1, microBatches / pp);
  if (pp === 1) bytes += s * b * h * 4 * (1 + V / h);
  return bytes / tp;
}

const options = { flashAttention: false, dropout: true, recomputeModules: ['core-attn'] as const, searchMicroBatch: false };

function firstStage(tp: number, pp: number, dp: number, zero: 0 | 1, b: number, microBatches: number, schedule: ScheduleId = '1f1b', vp = 1) {
  const { scenario, layout } = createCase(
    { model: gpt, seqLen: s, globalBatch: dp * b * microBatches },
    { tp, pp, dp, vp, zero, microBatch: b, schedule, sequenceParallel: true, recompute: 'selective' },
  );
  const stage = estimateMemory(scenario, layout, options).stages[0];
  if (stage === undefined) throw new Error('no stage');
  return stage;
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(tolerance);
}

describe('Megatron theoretical memory, GPT 175B-shaped (L 96, h 12288, a 96, V 51200, s 2048)', () => {
  it('weights + grads + optimizer without the distributed optimizer: 18 bytes per parameter of the most loaded shard', () => {
    const stage = firstStage(8, 8, 16, 0, 1, 8);
    // Megatron counts every parameter split by tp; we keep the LayerNorms replicated: 2e-4 apart.
    expectRelative(stage.weightsBytes + stage.gradsBytes + stage.optimizerBytes, megatronWeightAndOptimizerBytes(8, 8, 16, false), 5e-4);
  });

  it.each([2, 16, 64])('with the distributed optimizer over dp = %i: 6 + 12/dp bytes per parameter', (dp) => {
    const stage = firstStage(8, 8, dp, 1, 1, 8);
    expectRelative(stage.weightsBytes + stage.gradsBytes + stage.optimizerBytes, megatronWeightAndOptimizerBytes(8, 8, dp, true), 5e-4);
  });

  it.each([
    [8, 8, 1, 16],
    [8, 8, 2, 4],
    [4, 16, 1, 64],
  ])('activations of the first stage, tp %i pp %i b %i m %i (1F1B: p micro-batches of L/p layers)', (tp, pp, b, m) => {
    const stage = firstStage(tp, pp, 1, 1, b, m);
    // Megatron divides the int64 input ids by tp too; we keep them on every rank: + 8·s·b·min(p, m)·(1 − 1/t).
    const idsCorrection = 8 * s * b * Math.min(pp, m) * (1 - 1 / tp);
    expectRelative(stage.activationsBytes, megatronActivationBytes(b, tp, pp, null, m) + idsCorrection, 1e-12);
  });

  it('activations with fewer micro-batches than stages are discounted by m/p', () => {
    const stage = firstStage(8, 8, 1, 1, 1, 4);
    expectRelative(stage.activationsBytes, megatronActivationBytes(1, 8, 8, null, 4) + 8 * s * 4 * (1 - 1 / 8), 1e-12);
  });

  it('interleaved (v = 3): the first stage pays 1 + (p − 1)/(p·v)', () => {
    const stage = firstStage(8, 4, 1, 1, 1, 8, 'interleaved', 3);
    const inFlight = 4 * (1 + 3 / 12);
    expectRelative(stage.activationsBytes, megatronActivationBytes(1, 8, 4, 3, 8) + 8 * s * inFlight * (1 - 1 / 8), 1e-12);
  });

  it('without pipelining the output layer and loss inputs are added: 4·s·b·h·(1 + V/h)/t', () => {
    const stage = firstStage(8, 1, 1, 1, 1, 4);
    expectRelative(stage.activationsBytes, megatronActivationBytes(1, 8, 1, null, 4) + 8 * s * (1 - 1 / 8), 1e-12);
  });
});
