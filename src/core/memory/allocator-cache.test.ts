import { describe, expect, it } from 'vitest';
import { allocatedPeakBytes, peakOnStatistic, reservedPeakBytes } from './allocator-cache.js';

const stage = { totalBytes: 100, buffers: { commBytes: 0, tempBytes: 0, fragmentationBytes: 9, runtimeReserveBytes: 1 } };

describe('allocator peaks', () => {
  it('allocated = total − cache − runtime reserve', () => {
    expect(allocatedPeakBytes(stage)).toBe(90);
  });
  it('reserved = allocated + cache (= total − runtime reserve)', () => {
    expect(reservedPeakBytes(stage, null)).toBe(99);
  });
  it('reserved ≤ capacity − runtime reserve: the allocator drops its cache before failing, never below allocated', () => {
    expect(reservedPeakBytes(stage, 95)).toBe(94);
    expect(reservedPeakBytes(stage, 50)).toBe(90);
  });
  it('peakOnStatistic selects the statistic', () => {
    expect(peakOnStatistic(stage, 'allocated', null)).toBe(90);
    expect(peakOnStatistic(stage, 'reserved', null)).toBe(99);
  });
});
