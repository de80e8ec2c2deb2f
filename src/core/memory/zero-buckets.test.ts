import { describe, expect, it } from 'vitest';
import { DEEPSPEED_DEFAULT_BUCKETS, hfAutoZeroBuckets, zeroGatherBytes, zeroReduceBytes } from './zero-buckets.js';

describe('DeepSpeed ZeRO buckets', () => {
  it('HF auto sizes: prefetch 0.9·h², reduce h², overlap_comm on', () => {
    expect(hfAutoZeroBuckets(4096)).toEqual({ prefetchBucketParams: 0.9 * 4096 * 4096, reduceBucketParams: 4096 * 4096, overlapComm: true, subGroupParams: 1e9 });
  });
  it('zeroGatherBytes = (largest module + prefetch bucket) × weight bytes', () => {
    expect(zeroGatherBytes(DEEPSPEED_DEFAULT_BUCKETS, 1e8, 2)).toBe((1e8 + 5e7) * 2);
  });
  it('zeroReduceBytes with DeepSpeed defaults: ZeRO-3 overlaps (2 buffers × bucket × 16-bit bytes), ZeRO-2 does not (1 buffer)', () => {
    expect(zeroReduceBytes(DEEPSPEED_DEFAULT_BUCKETS, 2, true)).toBe(2 * 5e8 * 2);
    expect(zeroReduceBytes(DEEPSPEED_DEFAULT_BUCKETS, 2, false)).toBe(5e8 * 2);
  });
  it('zeroReduceBytes with overlap_comm set: 2 buffers at any stage', () => {
    expect(zeroReduceBytes(hfAutoZeroBuckets(4096), 2, false)).toBe(2 * 4096 * 4096 * 2);
  });
});
