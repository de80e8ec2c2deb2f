import { describe, expect, it } from 'vitest';
import { residentGradientBytes } from './gradient-lifetime.js';

describe('residentGradientBytes(lifetime, all, unit, transient)', () => {
  it('step: all gradients sit beside the activations', () => {
    expect(residentGradientBytes('step', 10, 1, 30)).toBe(10);
  });
  it('backward: gradients count only by what they exceed the freed transient bytes by = max(0, all − transient)', () => {
    expect(residentGradientBytes('backward', 10, 1, 30)).toBe(0);
    expect(residentGradientBytes('backward', 40, 1, 30)).toBe(10);
  });
  it('fused-step: one unit’s gradients only = min(all, unit)', () => {
    expect(residentGradientBytes('fused-step', 10, 1, 30)).toBe(1);
    expect(residentGradientBytes('fused-step', 0.5, 1, 30)).toBe(0.5);
  });
});

describe('residentGradientBytes with gradient accumulation', () => {
  it('backward with more than one micro-batch per step: the accumulated gradients sit beside the activations (all)', () => {
    expect(residentGradientBytes('backward', 10, 1, 30, 8)).toBe(10);
  });
});
