import { describe, expect, it } from 'vitest';
import { CHUNKED_LOSS_CHUNKS, lossSavedBytesPerLogit, lossSavedGradientBytes, lossTransientBytesPerLogit } from './loss-kernel.js';

describe('loss kernel bytes per logit', () => {
  it('eager: 4 saved (FP32 log-probs), the eager transient as given', () => {
    expect(lossSavedBytesPerLogit('eager')).toBe(4);
    expect(lossTransientBytesPerLogit('eager', 8)).toBe(8);
  });
  it('chunked: 4 saved, transient / 8 chunks', () => {
    expect(CHUNKED_LOSS_CHUNKS).toBe(8);
    expect(lossSavedBytesPerLogit('chunked')).toBe(4);
    expect(lossTransientBytesPerLogit('chunked', 8)).toBe(1);
  });
  it('fused-linear: no logits tensor, 0 saved and 0 transient', () => {
    expect(lossSavedBytesPerLogit('fused-linear')).toBe(0);
    expect(lossTransientBytesPerLogit('fused-linear', 8)).toBe(0);
  });
  it('vocab-parallel (DTensor loss_parallel): 4 saved, one FP32 tensor more than the eager transient', () => {
    expect(lossSavedBytesPerLogit('vocab-parallel')).toBe(4);
    expect(lossTransientBytesPerLogit('vocab-parallel', 8)).toBe(12);
  });
});

describe('lossSavedGradientBytes(kernel, head params, weight bytes, tokens, hidden)', () => {
  it('fused-linear holds the head weight gradient and the hidden-state gradient from the forward: P·w + T·h·2', () => {
    expect(lossSavedGradientBytes('fused-linear', 1000, 2, 10, 8)).toBe(1000 * 2 + 10 * 8 * 2);
  });
  it('the other kernels make them in the backward: 0', () => {
    for (const k of ['eager', 'chunked', 'vocab-parallel'] as const) expect(lossSavedGradientBytes(k, 1000, 2, 10, 8)).toBe(0);
  });
});
