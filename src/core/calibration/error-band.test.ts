import { describe, expect, it } from 'vitest';
import { errorBand, leadersWithinBand, residualLn, tabulateResiduals } from './error-band.js';

const H100_FP8 = { accelerator: 'h100-sxm', precisionClass: 'fp8' as const, moe: false, framework: 'megatron-core' };

describe('error bands from cross-validated residuals', () => {
  it('residualLn is ln(predicted / measured speed); a step time counts inversely', () => {
    expect(residualLn({ metric: 'tokensPerSecPerGpu', predicted: 110, measured: 100 })).toBeCloseTo(Math.log(1.1), 12);
    expect(residualLn({ metric: 'stepTimeS', predicted: 10, measured: 11 })).toBeCloseTo(Math.log(1.1), 12);
  });

  it('band = P·e^−(m ± 1.28·s) over the finest class with ≥ 3 runs', () => {
    const runs = [0.1, 0.2, 0.3].map((r) => ({ query: H100_FP8, residualLn: r }));
    const band = errorBand(tabulateResiduals(runs), H100_FP8);
    const s = 0.1; // sample standard deviation of 0.1, 0.2, 0.3
    expect(band?.basis).toBe('hopper/fp8/dense/megatron-core');
    expect(band?.lowFactor).toBeCloseTo(Math.exp(-(0.2 + 1.2816 * s)), 6);
    expect(band?.highFactor).toBeCloseTo(Math.exp(-(0.2 - 1.2816 * s)), 6);
  });

  it('a class with too few runs borrows from a coarser one; none at all gives no band', () => {
    const runs = [0.1, 0.2, 0.3].map((r, i) => ({ query: { ...H100_FP8, accelerator: i === 0 ? 'h100-sxm' : 'gb200' }, residualLn: r }));
    expect(errorBand(tabulateResiduals(runs), H100_FP8)?.basis).toBe('*/fp8/dense/*');
    expect(errorBand([], H100_FP8)).toBeNull();
  });

  it('leadersWithinBand counts the leading times within the winner\'s band (t₂/t₁ ≤ high/low)', () => {
    const band = { lowFactor: 0.9, highFactor: 1.1, basis: 'x', runs: 3 };
    expect(leadersWithinBand([10, 12, 12.2, 13], band)).toBe(3);
    expect(leadersWithinBand([10, 13], band)).toBe(1);
  });
});
