import { describe, expect, it } from 'vitest';
import { DEEPSPEED_DEFAULT_BUCKETS, hfAutoZeroBuckets, zeroGatherBytes, zeroReduceBytes } from './zero-buckets.js';

describe('DeepSpeed ZeRO buckets', () => {
  it('HF auto sizes: prefetch 0.9·h², reduce h²', () => {
    expect(hfAutoZeroBuckets(4096)).toEqual({ prefetchBucketParams: 0.9 * 4096 * 4096, reduceBucketParams: 4096 * 4096 });
  });
  it('zeroGatherBytes = (largest module + prefetch bucket) × weight bytes', () => {
    expect(zeroGatherBytes(DEEPSPEED_DEFAULT_BUCKETS, 1e8, 2)).toBe((1e8 + 5e7) * 2);
  });
  it('zeroReduceBytes = 2 buffers × reduce bucket × 16-bit bytes', () => {
    expect(zeroReduceBytes(DEEPSPEED_DEFAULT_BUCKETS, 2)).toBe(2 * 5e8 * 2);
  });
});
