import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { createProportionalStepTime, estimateRunTime } from './run-time.js';

describe('estimateRunTime', () => {
  const phases = [
    { globalBatch: 1000, steps: 10, tokens: 1e7 },
    { globalBatch: 2000, steps: 5, tokens: 1e7 },
  ];

  it('wall seconds = Σ steps · stepSeconds(batch); GPU-hours = seconds · GPUs / 3600', () => {
    const time = estimateRunTime({ phases, stepSecondsForBatch: (b) => b / 100, gpus: 360 });
    // 10 · 10 s + 5 · 20 s = 200 s
    expect(time.wallSeconds).toBe(200);
    expect(time.gpuHours).toBe(20);
    expect(time.days).toBeCloseTo(200 / 86_400, 15);
    expect(time.phases.map((p) => p.seconds)).toEqual([100, 100]);
  });

  it('a fixed step time applies to every phase', () => {
    expect(estimateRunTime({ phases, stepSecondsForBatch: 3, gpus: 1 }).wallSeconds).toBe(45);
  });

  it('createProportionalStepTime keeps tokens/s constant: t(b) = t_ref · b / b_ref', () => {
    const t = createProportionalStepTime(19.926, 15360);
    expect(t(15360)).toBe(19.926);
    expect(t(3072)).toBeCloseTo(19.926 / 5, 12);
  });

  it('rejects a non-positive or non-finite step time and a bad GPU count', () => {
    expect(() => estimateRunTime({ phases, stepSecondsForBatch: 0, gpus: 8 })).toThrow(InputError);
    expect(() => estimateRunTime({ phases, stepSecondsForBatch: () => Number.NaN, gpus: 8 })).toThrow(/stepSeconds/);
    expect(() => estimateRunTime({ phases, stepSecondsForBatch: 1, gpus: 0 })).toThrow(/gpus/);
    expect(() => createProportionalStepTime(-1, 10)).toThrow(/stepSeconds/);
  });
});
