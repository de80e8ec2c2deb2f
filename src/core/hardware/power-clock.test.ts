import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from './catalog.js';
import { POWER_CLOCK_EXPONENT, sustainedTensorRatio } from './power-clock.js';

describe('sustainedTensorRatio', () => {
  it('sustainedTensorRatio(H100 capped at 500 W, peak quoted at 700 W) = (500 / 700)^α', () => {
    expect(sustainedTensorRatio(ACCELERATORS['h100-96gb-500w'])).toBeCloseTo((500 / 700) ** POWER_CLOCK_EXPONENT, 12);
    expect(sustainedTensorRatio(ACCELERATORS['h100-96gb-500w'])).toBeLessThan(0.86);
  });

  it('sustainedTensorRatio(a chip at its own datasheet power) = 1', () => {
    expect(sustainedTensorRatio(ACCELERATORS['h100-sxm'])).toBe(1);
    expect(sustainedTensorRatio(ACCELERATORS.b200)).toBe(1);
  });

  it('α = ln(peak ratio) / ln(board power ratio) of the catalog pairs of one die (B200/GB200, B300/GB300), mean within 0.1 of the constant', () => {
    const alpha = (low: keyof typeof ACCELERATORS, high: keyof typeof ACCELERATORS): number => {
      const a = ACCELERATORS[low];
      const b = ACCELERATORS[high];
      return Math.log((a.peakFlopsPerSec.bf16 ?? 0) / (b.peakFlopsPerSec.bf16 ?? 1)) / Math.log(a.tdpWatts / b.tdpWatts);
    };
    const mean = (alpha('b200', 'gb200') + alpha('b300', 'gb300')) / 2;
    expect(Math.abs(mean - POWER_CLOCK_EXPONENT)).toBeLessThan(0.1);
  });
});
