import { describe, expect, it } from 'vitest';
import type { Training } from './types.js';
import { DEFAULT_EXPERT_LOAD_IMBALANCE, expertLoadImbalance } from './expert-load.js';

const training: Training = { seqLen: 4096, globalBatch: 1024, totalTokens: 1e12, precision: 'bf16', batchRamp: null };

describe('expertLoadImbalance(training, ep, override)', () => {
  it('is the sourced prior (Switch Transformer capacity factor 1.25) when the scenario leaves it unset and ep > 1', () => {
    expect(DEFAULT_EXPERT_LOAD_IMBALANCE).toBe(1.25);
    expect(expertLoadImbalance(training, 8)).toBe(1.25);
  });

  it('is the scenario value when set, and the override (forced-balanced benchmarks) above both', () => {
    expect(expertLoadImbalance({ ...training, expertLoadImbalance: 1.4 }, 8)).toBe(1.4);
    expect(expertLoadImbalance({ ...training, expertLoadImbalance: 1.4 }, 8, 1)).toBe(1);
  });

  it('is 1 without expert parallelism: every GPU holds every expert and runs only its own tokens', () => {
    expect(expertLoadImbalance(training, 1)).toBe(1);
    expect(expertLoadImbalance({ ...training, expertLoadImbalance: 1.4 }, 1)).toBe(1);
  });
});
