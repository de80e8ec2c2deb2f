import { describe, expect, it } from 'vitest';
import { overlappedSeconds } from './overlap-cost.js';
import { smShareSlowdown } from './options.js';
import { exposedGradReduceSeconds, exposedParamGatherSeconds, type TailFramework } from './rank-tail.js';

const overlapped = (slowdown: number): TailFramework => ({ overlap: { dpGradReduce: true, dpParamGather: true }, collectiveGemmSlowdown: slowdown });
const exposedAll: TailFramework = { overlap: { dpGradReduce: false, dpParamGather: false }, collectiveGemmSlowdown: 0.1 };

describe('overlappedSeconds(comm, window, slowdown)', () => {
  it('= max(0, comm − window) + slowdown · min(comm, window)', () => {
    expect(overlappedSeconds(2, 5, 0.1)).toBeCloseTo(0.2, 12);
    expect(overlappedSeconds(5, 2, 0.1)).toBeCloseTo(3 + 0.2, 12);
    expect(overlappedSeconds(3, 3, 0)).toBe(0);
  });
});

describe('smShareSlowdown(f): a collective kernel holding f of the SMs', () => {
  it('costs the GEMMs beside it f / (1 − f) of each hidden second (20 of 132 SMs: 20/112)', () => {
    expect(smShareSlowdown(20 / 132)).toBeCloseTo(20 / 112, 12);
    expect(smShareSlowdown(0)).toBe(0);
  });
});

describe('the data-parallel tail pays the contention of its hidden part', () => {
  it('exposedGradReduceSeconds: the last bucket exposed, the rest hidden under the backward window at slowdown × its seconds', () => {
    const r = { gradReduceSeconds: 1, lastBucketSeconds: 0.1 };
    expect(exposedGradReduceSeconds(r, 5, overlapped(0.1))).toBeCloseTo(0.1 + 0.1 * 0.9, 12);
    expect(exposedGradReduceSeconds(r, 0.5, overlapped(0.1))).toBeCloseTo(0.5 + 0.1 * 0.5, 12);
    expect(exposedGradReduceSeconds(r, 5, overlapped(0))).toBeCloseTo(0.1, 12);
    expect(exposedGradReduceSeconds(r, 5, exposedAll)).toBe(1);
  });
  it('exposedParamGatherSeconds: what the first forward cannot hide, plus slowdown × the hidden part', () => {
    expect(exposedParamGatherSeconds(1, 3, overlapped(0.1))).toBeCloseTo(0.1, 12);
    expect(exposedParamGatherSeconds(1, 0.25, overlapped(0.1))).toBeCloseTo(0.75 + 0.025, 12);
    expect(exposedParamGatherSeconds(1, 3, exposedAll)).toBe(1);
  });
  it('a longer window never exposes more (the planner bounds with the longest window)', () => {
    const r = { gradReduceSeconds: 1, lastBucketSeconds: 0.2 };
    let last = Infinity;
    for (const w of [0, 0.1, 0.4, 0.8, 1, 3]) {
      const e = exposedGradReduceSeconds(r, w, overlapped(0.1));
      expect(e).toBeLessThanOrEqual(last);
      last = e;
    }
  });
});
