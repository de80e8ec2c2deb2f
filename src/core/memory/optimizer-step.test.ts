import { describe, expect, it } from 'vitest';
import { estimateMemory } from './estimate-memory.js';
import { fp32GradientCopyBytes, optimizerStepExtraBytes, optimizerStepTemporaryBytes } from './optimizer-step.js';
import { createCase, createGptFixture } from './test-fixtures.js';

const GIB = 1024 ** 3;

describe('optimizer step phase', () => {
  it('optimizerStepTemporaryBytes(foreach, master 4 + moments 8) = one moment = optimizer bytes × 4/12', () => {
    expect(optimizerStepTemporaryBytes({ implementation: 'foreach', optimizerBytes: 12 * GIB, momentBytesPerParam: 8, masterBytesPerParam: 4 })).toBeCloseTo(4 * GIB, 0);
  });

  it('optimizerStepTemporaryBytes(fused) = 0', () => {
    expect(optimizerStepTemporaryBytes({ implementation: 'fused', optimizerBytes: 12 * GIB, momentBytesPerParam: 8, masterBytesPerParam: 4 })).toBe(0);
  });

  it('optimizerStepExtraBytes = temporaries + FP32 gradient copy + gradients not yet resident − activations − comm buffers', () => {
    const x = {
      implementation: 'foreach' as const, optimizerBytes: 4 * GIB, momentBytesPerParam: 4, masterBytesPerParam: 0,
      stepGradBytes: 2 * GIB, residentGradBytes: 0.5 * GIB, gradientCopyBytes: 0.75 * GIB, activationsBytes: 1 * GIB, commBytes: 0.25 * GIB,
    };
    expect(optimizerStepExtraBytes(x)).toBeCloseTo((2 + 0.75 + 2 - 0.5 - 1 - 0.25) * GIB, 0);
  });

  it('fp32GradientCopyBytes(params, 16-bit grads, FP32 master, sub-group) = 4 B × min(params, sub-group); none for FP32 grads or no master', () => {
    expect(fp32GradientCopyBytes(3e9, 2, 4)).toBe(12e9);
    expect(fp32GradientCopyBytes(3e9, 2, 4, 1e9)).toBe(4e9);
    expect(fp32GradientCopyBytes(3e9, 4, 4)).toBe(0);
    expect(fp32GradientCopyBytes(3e9, 2, 0)).toBe(0);
  });

  it('estimateMemory: with recompute and AdamW on 16-bit weights, foreach puts the peak in the step (weights + grads + m + v + √v = 5 × 2 B per parameter)', () => {
    const model = createGptFixture(8, 1024, 8, 32000);
    const { scenario, layout } = createCase({ model, seqLen: 1024, globalBatch: 1 }, { dp: 1, microBatch: 1, recompute: 'full' });
    const options = { searchMicroBatch: false, optimizerOnParamDtype: true, gradientLifetime: 'backward' as const };
    const fused = estimateMemory(scenario, layout, options).stages[0];
    const foreach = estimateMemory(scenario, layout, { ...options, optimizerImplementation: 'foreach' }).stages[0];
    if (fused === undefined || foreach === undefined) throw new Error('no stage');
    const params = fused.weightsBytes / 2;
    const allocated = foreach.totalBytes - foreach.buffers.fragmentationBytes - foreach.buffers.runtimeReserveBytes;
    expect(allocated).toBeCloseTo(10 * params, 0);
    expect(foreach.totalBytes).toBeGreaterThan(fused.totalBytes);
  });
});
