import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from './catalog.js';
import { peakFlopsPerSec } from './peak-flops.js';
import { inputErrorOf as thrown } from '../input-error.testing.js';


describe('peakFlopsPerSec', () => {
  it('peakFlopsPerSec(h100-sxm, bf16) is 989.4 TFLOP/s dense', () => {
    expect(peakFlopsPerSec(ACCELERATORS['h100-sxm'], 'bf16')).toBeCloseTo(989.4e12, -3);
  });

  it('fp8, fp8-block and mxfp8 run at the FP8 peak; nvfp4 at the FP4 peak (B200: 4.5 / 9 PFLOP/s)', () => {
    const b200 = ACCELERATORS.b200;
    expect(peakFlopsPerSec(b200, 'fp8')).toBe(4500e12);
    expect(peakFlopsPerSec(b200, 'fp8-block')).toBe(4500e12);
    expect(peakFlopsPerSec(b200, 'mxfp8')).toBe(4500e12);
    expect(peakFlopsPerSec(b200, 'nvfp4')).toBe(9000e12);
    expect(peakFlopsPerSec(ACCELERATORS.h800, 'fp8-block')).toBe(1979e12);
  });

  it('peakFlopsPerSec(a100-80gb, fp8) throws InputError on training.precision (no FP8 tensor cores)', () => {
    const error = thrown(() => peakFlopsPerSec(ACCELERATORS['a100-80gb'], 'fp8'));
    expect(error.field).toBe('training.precision');
    expect(error.rule).toContain('FP8');
  });

  it('Hopper has no FP4 peak and no native MXFP8: nvfp4 and mxfp8 on h100-sxm throw', () => {
    expect(thrown(() => peakFlopsPerSec(ACCELERATORS['h100-sxm'], 'nvfp4')).field).toBe('training.precision');
    expect(thrown(() => peakFlopsPerSec(ACCELERATORS['h100-sxm'], 'mxfp8')).rule).toContain('Blackwell');
  });
});
