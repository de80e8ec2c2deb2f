import { describe, expect, it } from 'vitest';
import { countParams } from '../model/params.js';
import { MODELS } from '../model/catalog.js';
import type { ZeroStage } from '../layout/types.js';
import { estimateMemory } from './estimate-memory.js';
import { PRECISION_RECIPES } from './precision.js';
import { createCase, createGptFixture } from './test-fixtures.js';

const gpt = createGptFixture(32, 4096, 32, 50304, false);
const total = countParams(gpt).total;
const noSearch = { searchMicroBatch: false };

function states(zero: ZeroStage, dp: number, pp = 1) {
  const { scenario, layout } = createCase({ model: gpt, seqLen: 2048, globalBatch: dp * 8 }, { dp, pp, zero, microBatch: 1 });
  return estimateMemory(scenario, layout, noSearch).stages;
}

describe('states per GPU (BF16 mixed precision: 2 + 4 + 4 + 8 bytes per parameter)', () => {
  it('the BF16 recipe is Megatron\'s 18 bytes and fp8-block DeepSeek-V3\'s FP32 master and grads with BF16 moments', () => {
    const r = PRECISION_RECIPES.bf16;
    expect(r.weightBytes + r.gradBytes + r.masterBytes + r.momentBytes).toBe(18);
    expect(PRECISION_RECIPES['fp8-block']).toMatchObject({ masterBytes: 4, gradBytes: 4, momentBytes: 4, bf16GemmWeights: false });
  });

  it.each<[ZeroStage, number]>([
    [0, 18],
    [1, 2 + 4 + 12 / 8],
    [2, 2 + 16 / 8],
    [3, 18 / 8],
  ])('ZeRO-%i over dp 8 keeps %f bytes per parameter', (zero, bytesPerParam) => {
    const s = states(zero, 8)[0];
    expect(((s?.weightsBytes ?? 0) + (s?.gradsBytes ?? 0) + (s?.optimizerBytes ?? 0)) / total).toBeCloseTo(bytesPerParam, 10);
  });

  it('with pipelining ZeRO-3 keeps weights and gradients whole (ZeRO-1 footprint)', () => {
    const [z1, z3] = [states(1, 8, 2), states(3, 8, 2)];
    expect(z3.map((s) => s.weightsBytes + s.gradsBytes + s.optimizerBytes)).toEqual(z1.map((s) => s.weightsBytes + s.gradsBytes + s.optimizerBytes));
  });

  it('DualPipe holds two copies of the weights and gradients; ZeRO-1 shards the optimizer over both', () => {
    const model = { ...gpt, layers: 64 };
    const build = (schedule: 'dualpipe' | '1f1b') => {
      const { scenario, layout } = createCase({ model, seqLen: 2048, globalBatch: 8 * 16 }, { dp: 8, pp: 4, zero: 1, microBatch: 1, schedule });
      return estimateMemory(scenario, layout, noSearch).stages;
    };
    const sum = (stages: ReturnType<typeof build>, key: 'weightsBytes' | 'gradsBytes' | 'optimizerBytes') => stages.reduce((t, s) => t + s[key], 0);
    const [dual, single] = [build('dualpipe'), build('1f1b')];
    expect(sum(dual, 'weightsBytes')).toBeCloseTo(2 * sum(single, 'weightsBytes'), 0);
    expect(sum(dual, 'gradsBytes')).toBeCloseTo(2 * sum(single, 'gradsBytes'), 0);
    expect(sum(dual, 'optimizerBytes')).toBeCloseTo(sum(single, 'optimizerBytes'), 0);
  });

  it('experts are split by ep and etp, and their optimizer sharded over edp', () => {
    const model = MODELS['mixtral-8x7b'];
    const { scenario, layout } = createCase({ model, seqLen: 4096, globalBatch: 64 }, { dp: 8, ep: 8, zero: 1, microBatch: 1 });
    const [ep8] = estimateMemory(scenario, layout, noSearch).stages;
    const c1 = createCase({ model, seqLen: 4096, globalBatch: 64 }, { dp: 8, ep: 1, zero: 1, microBatch: 1 });
    const [ep1] = estimateMemory(c1.scenario, c1.layout, noSearch).stages;
    const moe = model.moe;
    if (moe === null || ep8 === undefined || ep1 === undefined) throw new Error('fixture');
    const experts = countParams(model).routedExperts;
    // weights: 7/8 of the experts leave each GPU, 2 bytes each
    expect(ep1.weightsBytes - ep8.weightsBytes).toBeCloseTo(experts * (7 / 8) * 2, -3);
    // optimizer: experts/ep · 12 / edp is the same for ep 1 (edp 8) and ep 8 (edp 1)
    expect(ep1.optimizerBytes).toBeCloseTo(ep8.optimizerBytes, -3);
  });
});
