import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { Training } from '../training/types.js';
import { planSteps } from './steps.js';

const DEEPSEEK: Training = {
  seqLen: 4096,
  globalBatch: 15360,
  totalTokens: 14.8e12,
  precision: 'fp8-block',
  batchRamp: { startGlobalBatch: 3072, rampTokens: 469e9 },
};

const steady = (overrides: Partial<Training> = {}): Training => ({ ...DEEPSEEK, batchRamp: null, ...overrides });

describe('planSteps', () => {
  it('without a ramp: one phase of ⌈tokens / (batch · seqLen)⌉ steps', () => {
    const plan = planSteps(steady());
    // 14.8e12 / (15360 · 4096) = 14.8e12 / 62,914,560 = 235,239.3 → 235,240 steps
    expect(plan.steps).toBe(235_240);
    expect(plan.phases).toEqual([{ globalBatch: 15360, steps: 235_240, tokens: 14.8e12 }]);
    expect(plan.batchQuantum).toBeNull();
  });

  it('an exact multiple leaves no partial step', () => {
    const plan = planSteps(steady({ seqLen: 1000, globalBatch: 10, totalTokens: 1e6 }));
    expect(plan.steps).toBe(100);
    expect(plan.tokens).toBe(1e6);
  });

  it('DeepSeek-V3 ramp with the default quantum gcd(3072, 15360) = 3072: levels 3072, 6144, 9216, 12288, then 15360', () => {
    const plan = planSteps(DEEPSEEK);
    expect(plan.batchQuantum).toBe(3072);
    expect(plan.phases.map((p) => p.globalBatch)).toEqual([3072, 6144, 9216, 12288, 15360]);
    // level 0 holds until 469B/4 tokens: ⌈117.25e9 / (3072 · 4096)⌉ = 9,319 steps
    expect(plan.phases[0]?.steps).toBe(9319);
  });

  it('DeepSeek-V3 ramp with quantum dp · microBatch = 128: 96 levels + steady, more steps than without the ramp', () => {
    const plan = planSteps(DEEPSEEK, { batchQuantum: 128 });
    expect(plan.phases).toHaveLength(97);
    expect(plan.phases[1]?.globalBatch).toBe(3200);
    expect(plan.phases.at(-2)?.globalBatch).toBe(15360 - 128);
    expect(plan.steps).toBeGreaterThan(planSteps(steady()).steps);
    // ramp tokens: the levels end at the first step crossing 469B
    const rampTokens = plan.phases.slice(0, -1).reduce((sum, p) => sum + p.tokens, 0);
    expect(rampTokens).toBeGreaterThanOrEqual(469e9);
    expect(rampTokens).toBeLessThan(469e9 + 15360 * 4096);
  });

  it('the batch of every ramp phase is the linear ramp at its first token, rounded down to the grid', () => {
    const plan = planSteps(DEEPSEEK, { batchQuantum: 128 });
    let consumed = 0;
    for (const phase of plan.phases.slice(0, -1)) {
      const linear = 3072 + ((15360 - 3072) * consumed) / 469e9;
      expect(phase.globalBatch).toBeLessThanOrEqual(linear + 1e-6);
      expect(phase.globalBatch).toBeGreaterThan(linear - 128);
      consumed += phase.tokens;
    }
  });

  it('a run shorter than its ramp ends inside the ramp', () => {
    const plan = planSteps({ ...DEEPSEEK, totalTokens: 200e9 });
    expect(plan.phases.map((p) => p.globalBatch)).toEqual([3072, 6144]);
    expect(plan.tokens).toBe(200e9);
  });

  it('property: phase tokens sum to the total tokens, with and without a ramp, every phase non-empty', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8192 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 1e6, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (seqLen, quantum, startLevels, span, totalTokens, rampShare) => {
          const globalBatch = quantum * (startLevels + span);
          const ramp = { startGlobalBatch: quantum * startLevels, rampTokens: rampShare * totalTokens };
          for (const batchRamp of [null, ramp]) {
            const plan = planSteps({ seqLen, globalBatch, totalTokens, precision: 'bf16', batchRamp }, { batchQuantum: quantum });
            const tokens = plan.phases.reduce((sum, p) => sum + p.tokens, 0);
            expect(tokens).toBeCloseTo(totalTokens, -1);
            expect(plan.steps).toBe(plan.phases.reduce((sum, p) => sum + p.steps, 0));
            for (const p of plan.phases) {
              expect(p.steps).toBeGreaterThan(0);
              expect(p.tokens).toBeLessThanOrEqual(p.steps * p.globalBatch * seqLen);
              expect(p.tokens).toBeGreaterThan((p.steps - 1) * p.globalBatch * seqLen);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a quantum that does not divide the ramp span, a shrinking ramp and non-positive sizes', () => {
    expect(() => planSteps(DEEPSEEK, { batchQuantum: 100 })).toThrow(InputError);
    expect(() => planSteps(DEEPSEEK, { batchQuantum: 100 })).toThrow(/batchQuantum = 100: must divide globalBatch − startGlobalBatch/);
    expect(() => planSteps({ ...DEEPSEEK, batchRamp: { startGlobalBatch: 20000, rampTokens: 1e9 } })).toThrow(/startGlobalBatch/);
    expect(() => planSteps({ ...DEEPSEEK, batchRamp: { startGlobalBatch: 3072, rampTokens: -1 } })).toThrow(/rampTokens/);
    expect(() => planSteps(steady({ totalTokens: 0 }))).toThrow(/training.totalTokens/);
    expect(() => planSteps(steady({ globalBatch: 0 }))).toThrow(/training.globalBatch/);
    expect(() => planSteps({ ...DEEPSEEK, globalBatch: 200_001, batchRamp: { startGlobalBatch: 1, rampTokens: 1e9 } }, { batchQuantum: 1 })).toThrow(/ramp levels/);
  });
});
