import { describe, expect, it } from 'vitest';
import { CHUNKED_LOSS_CHUNKS, lossSavedBytesPerLogit, lossTransientBytesPerLogit } from './loss-kernel.js';

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
