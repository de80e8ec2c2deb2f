import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { MODELS } from '../model/catalog.js';
import { createComputeEstimator } from './compute-estimator.js';
import { estimateLayerCompute, estimateStageCompute } from './estimate-compute.js';
import type { ComputeShape } from './types.js';

const deepseekV3 = MODELS['deepseek-v3'];
const h800 = ACCELERATORS.h800;
const ds: ComputeShape = { microBatch: 1, seqLen: 4096, tp: 1, cp: 1, sp: false, ep: 64, etp: 1, precision: 'fp8-block' };

describe('createComputeEstimator', () => {
  it('estimateStage equals estimateStageCompute for first, middle and last stages, cached or not', () => {
    const estimator = createComputeEstimator(deepseekV3, h800);
    const stages = [
      { layers: [0, 1, 2, 3], flags: { embedding: true, head: false, mtp: false } },
      { layers: [20, 21, 22, 23], flags: { embedding: false, head: false, mtp: false } },
      { layers: [57, 58, 59, 60], flags: { embedding: false, head: true, mtp: true } },
    ];
    for (const shape of [ds, { ...ds, recompute: 'full' as const }, { ...ds, ep: 32, tokensPerExpertImbalance: 1.2 }]) {
      for (const { layers, flags } of stages) {
        const direct = estimateStageCompute(deepseekV3, layers, flags, shape, h800);
        expect(estimator.estimateStage(layers, flags, shape)).toEqual(direct);
        expect(estimator.estimateStage(layers, flags, shape)).toEqual(direct);
      }
    }
  });

  it('estimateLayer equals estimateLayerCompute and tells shapes apart', () => {
    const estimator = createComputeEstimator(deepseekV3, h800);
    expect(estimator.estimateLayer(10, ds)).toEqual(estimateLayerCompute(deepseekV3, 10, ds, h800));
    expect(estimator.estimateLayer(10, { ...ds, computeSmFraction: 0.85 }).forwardSeconds).toBeGreaterThan(estimator.estimateLayer(10, ds).forwardSeconds);
    expect(estimator.estimateLayer(10, { ...ds, microBatch: 2 }).flops.forward).toBeCloseTo(2 * estimator.estimateLayer(10, ds).flops.forward, -3);
  });

  it('layerAttentionSeconds equals estimateLayer(...).byKind.attention for a dense and a MoE layer', () => {
    const estimator = createComputeEstimator(deepseekV3, h800);
    for (const shape of [ds, { ...ds, recompute: 'full' as const }, { ...ds, computeSmFraction: 0.85 }]) {
      for (const layer of [0, 10]) expect(estimator.layerAttentionSeconds(layer, shape)).toBe(estimateLayerCompute(deepseekV3, layer, shape, h800).byKind.attention);
    }
  });

  it('a shape on fewer SMs right after one of the same token counts and expert split prices its stages as directly (their op lists shared)', () => {
    const estimator = createComputeEstimator(deepseekV3, h800);
    const flags = { embedding: true, head: true, mtp: true };
    for (const ep of [8, 16, 32]) {
      for (const shape of [{ ...ds, ep }, { ...ds, ep, computeSmFraction: 0.85 }, { ...ds, ep, microBatch: 2, computeSmFraction: 0.85 }]) {
        expect(estimator.estimateStageOf(3, 2, flags, shape)).toEqual(estimateStageCompute(deepseekV3, [0, 1, 2, 3, 4], flags, shape, h800));
      }
    }
  });

  it('shapes that share token counts but not the expert split price every stage as directly, also once older MoE FFN segments were dropped', () => {
    const estimator = createComputeEstimator(deepseekV3, h800);
    const flags = { embedding: true, head: true, mtp: true };
    const shapes: ComputeShape[] = [];
    for (const ep of [1, 2, 4, 8, 16, 32, 64, 128, 256]) {
      for (const imbalance of [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8]) shapes.push({ ...ds, ep, tokensPerExpertImbalance: imbalance, computeSmFraction: ep > 8 ? 0.85 : 1 });
    }
    for (const shape of [...shapes, ...shapes.slice(0, 3), { ...ds, recompute: 'selective' as const }]) {
      expect(estimator.estimateStageOf(3, 2, flags, shape)).toEqual(estimateStageCompute(deepseekV3, [0, 1, 2, 3, 4], flags, shape, h800));
    }
  });
});
