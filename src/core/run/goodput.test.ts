import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import {
  checkpointOverheadFraction,
  dalyExpectedWallSeconds,
  dalyIntervalSeconds,
  estimateFailureRate,
  estimateGoodput,
  estimateMtbfSeconds,
  youngDalyIntervalSeconds,
} from './goodput.js';

describe('failure rate and MTBF (Llama 3 calibration)', () => {
  it('λ = 419 / (54 · 24 · 16,384) failures per GPU-hour', () => {
    expect(estimateFailureRate()).toBeCloseTo(419 / 21_233_664, 15);
  });

  it('Llama 3 on 16,384 GPUs: MTBF ≈ 3.1 h (54 · 24 / 419 = 3.093 h)', () => {
    expect(estimateMtbfSeconds(16_384) / 3600).toBeCloseTo((54 * 24) / 419, 9);
    expect(estimateMtbfSeconds(16_384) / 3600).toBeCloseTo(3.1, 1);
  });

  it('property: the job failure rate grows linearly with the GPU count (MTBF · N is constant)', () => {
    const reference = estimateMtbfSeconds(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (gpus) => {
        expect(estimateMtbfSeconds(gpus) * gpus).toBeCloseTo(reference, 3);
        expect(1 / estimateMtbfSeconds(2 * gpus)).toBeCloseTo(2 / estimateMtbfSeconds(gpus), 12);
      }),
    );
  });

  it('other interruption statistics and a zero rate (no failures: infinite MTBF)', () => {
    expect(estimateFailureRate({ interruptions: 10, days: 1, gpus: 1000 })).toBeCloseTo(10 / 24_000, 15);
    expect(estimateMtbfSeconds(8, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('checkpoint interval', () => {
  it('Young/Daly: τ = √(2δM); δ = 10 s, M = 10,000 s → 447.2 s', () => {
    expect(youngDalyIntervalSeconds(10, 10_000)).toBeCloseTo(Math.sqrt(200_000), 9);
  });

  it('overhead δ/τ + (τ/2 + R)/M at τ*: 10/447.2 + (223.6 + 100)/10,000 = 0.05472', () => {
    const tau = youngDalyIntervalSeconds(10, 10_000);
    expect(checkpointOverheadFraction({ intervalSeconds: tau, writeSeconds: 10, restartSeconds: 100, mtbfSeconds: 10_000 })).toBeCloseTo(0.054721, 5);
  });

  it('property: the Young/Daly interval minimises the first-order overhead — any other interval is no better', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 10, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (writeSeconds, mtbfSeconds, restartSeconds, scale) => {
          const best = youngDalyIntervalSeconds(writeSeconds, mtbfSeconds);
          const at = (intervalSeconds: number) => checkpointOverheadFraction({ intervalSeconds, writeSeconds, restartSeconds, mtbfSeconds });
          const other = best * scale;
          expect(at(best)).toBeLessThanOrEqual(at(other) * (1 + 1e-12));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('Daly\'s higher-order optimum approaches Young\'s when δ ≪ M and is M when δ ≥ 2M', () => {
    expect(dalyIntervalSeconds(1, 1e6) / youngDalyIntervalSeconds(1, 1e6)).toBeCloseTo(1, 3);
    expect(dalyIntervalSeconds(300, 100)).toBe(100);
  });

  it('the first-order wall time is within 1 % of Daly\'s exponential-failure model for Llama 3 (δ = 2.8 s, R = 603 s, M = 3.1 h)', () => {
    const mtbfSeconds = estimateMtbfSeconds(16_384);
    const input = { writeSeconds: 2.835, restartSeconds: 602.835, mtbfSeconds, intervalSeconds: youngDalyIntervalSeconds(2.835, mtbfSeconds) };
    const firstOrder = 1 / (1 - checkpointOverheadFraction(input));
    const daly = dalyExpectedWallSeconds(1, input);
    expect(Math.abs(firstOrder / daly - 1)).toBeLessThan(0.01);
  });
});

describe('estimateGoodput', () => {
  const llama3 = { idealSeconds: 54 * 86_400, gpus: 16_384, gpusPerNode: 8, params: 405e9 };

  it('Llama 3 405B on 16,384 GPUs: 5.67 TB checkpoints (14 B/param), 2.835 s at 2 TB/s, τ ≈ 251 s, ~7.7 % lost', () => {
    const goodput = estimateGoodput(llama3);
    expect(goodput.mtbfHours).toBeCloseTo(3.093, 3);
    expect(goodput.checkpointBytes).toBe(405e9 * 14);
    expect(goodput.storageBandwidthBytesPerSec).toBe(2e12);
    expect(goodput.checkpointWriteSeconds).toBeCloseTo(2.835, 9);
    expect(goodput.restartSeconds).toBeCloseTo(602.835, 9);
    expect(goodput.checkpointIntervalSeconds).toBeCloseTo(Math.sqrt(2 * 2.835 * goodput.mtbfSeconds), 9);
    expect(goodput.lostFraction).toBeCloseTo(2.835 / goodput.checkpointIntervalSeconds + (goodput.checkpointIntervalSeconds / 2 + 602.835) / goodput.mtbfSeconds, 12);
    expect(goodput.lostFraction).toBeGreaterThan(0.07);
    expect(goodput.lostFraction).toBeLessThan(0.08);
    expect(goodput.effectiveSeconds).toBeCloseTo(llama3.idealSeconds / (1 - goodput.lostFraction), 6);
    expect(goodput.effectiveDays).toBeCloseTo(goodput.effectiveSeconds / 86_400, 9);
    expect(goodput.expectedFailures).toBeCloseTo(goodput.effectiveSeconds / goodput.mtbfSeconds, 9);
  });

  it('a small cluster writes through its nodes\' storage NICs: 2 nodes · 50 GB/s = 100 GB/s', () => {
    const goodput = estimateGoodput({ idealSeconds: 3600, gpus: 16, gpusPerNode: 8, params: 7e9 });
    expect(goodput.storageBandwidthBytesPerSec).toBe(100e9);
    expect(goodput.checkpointWriteSeconds).toBeCloseTo((7e9 * 14) / 100e9, 12);
  });

  it('overrides: checkpoint bytes, bandwidth, restart and a fixed interval', () => {
    const goodput = estimateGoodput({ ...llama3, checkpointBytes: 1e12, storageBandwidthBytesPerSec: 1e11, restartOverheadSeconds: 0, checkpointIntervalSeconds: 600 });
    expect(goodput.checkpointWriteSeconds).toBe(10);
    expect(goodput.restartSeconds).toBe(10);
    expect(goodput.lostFraction).toBeCloseTo(10 / 600 + 310 / goodput.mtbfSeconds, 12);
  });

  it('lost time grows with the GPU count', () => {
    const small = estimateGoodput({ ...llama3, gpus: 2048 });
    const large = estimateGoodput(llama3);
    expect(large.lostFraction).toBeGreaterThan(small.lostFraction);
  });

  it('rejects zero bandwidth, zero bytes per param, a negative restart and a cluster too unreliable to progress', () => {
    expect(() => estimateGoodput({ ...llama3, storageBandwidthBytesPerSec: 0 })).toThrow(InputError);
    expect(() => estimateGoodput({ ...llama3, storageBandwidthBytesPerSec: 0 })).toThrow(/goodput.storageBandwidthBytesPerSec = 0: must be a finite number > 0/);
    expect(() => estimateGoodput({ ...llama3, bytesPerParam: 0 })).toThrow(/goodput.bytesPerParam/);
    expect(() => estimateGoodput({ ...llama3, restartOverheadSeconds: -1 })).toThrow(/goodput.restartOverheadSeconds/);
    expect(() => estimateGoodput({ ...llama3, failuresPerGpuHour: 1e-2 })).toThrow(/cluster.gpus = 16384: MTBF .* no progress/);
  });
});
