import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { MODELS } from '../model/catalog.js';
import { estimateLayerCompute, estimateStageCompute } from './estimate-compute.js';
import { layerOps } from './ops.js';
import { createRooflineDevice, opSeconds } from './roofline.js';
import { DEFAULT_EFFICIENCY_PARAMS, PRIOR_EFFICIENCY_PARAMS } from './efficiency-params.js';
import type { ComputeEstimate, ComputeShape } from './types.js';

const gpt3 = MODELS['gpt3-175b'];
const deepseekV3 = MODELS['deepseek-v3'];
const h800 = ACCELERATORS.h800;
const h100 = ACCELERATORS['h100-sxm'];
const a100 = ACCELERATORS['a100-80gb'];
/** An accelerator without an efficiency record. */
const unknownGpu = { ...ACCELERATORS['h100-sxm'], id: 'no-such-gpu' };

const none = { embedding: false, head: false, mtp: false };
const ds: ComputeShape = { microBatch: 1, seqLen: 4096, tp: 1, cp: 1, sp: false, ep: 64, etp: 1, precision: 'fp8-block' };
const gpt: ComputeShape = { microBatch: 1, seqLen: 2048, tp: 8, cp: 1, sp: true, ep: 1, etp: 1, precision: 'bf16' };

function total(e: ComputeEstimate): number {
  return e.forwardSeconds + e.backwardInputSeconds + e.backwardWeightSeconds + e.recomputeSeconds;
}

describe('estimateStageCompute', () => {
  it('a stage of layers equals the sum of its layers (dense and MoE kinds cached)', () => {
    const layers = [1, 2, 3, 4];
    const stage = estimateStageCompute(deepseekV3, layers, none, ds, h800);
    const sum = layers.map((i) => estimateLayerCompute(deepseekV3, i, ds, h800)).reduce((s, e) => s + e.forwardSeconds, 0);
    expect(stage.forwardSeconds).toBeCloseTo(sum, 12);
    expect(stage.flops.forward).toBeCloseTo(
      layers.map((i) => estimateLayerCompute(deepseekV3, i, ds, h800).flops.forward).reduce((s, f) => s + f, 0),
      0,
    );
  });

  it('packed documents of D tokens cut the attention core to D/S of the sequence\'s FLOPs and leave every other op alone', () => {
    const full = layerOps(gpt3, 0, gpt);
    const packed = layerOps(gpt3, 0, { ...gpt, documentTokens: 512 });
    const core = (ops: typeof full) => ops.find((o) => o.kind === 'attention');
    const a = core(full);
    const b = core(packed);
    if (a?.kind !== 'attention' || b?.kind !== 'attention') throw new Error('no attention core');
    expect(b.flops / a.flops).toBeCloseTo(512 / 2048, 12);
    expect(packed.filter((o) => o.kind !== 'attention')).toEqual(full.filter((o) => o.kind !== 'attention'));
  });

  it('byKind adds up to forward + backward + recompute', () => {
    const e = estimateStageCompute(deepseekV3, [2, 3], { embedding: true, head: true, mtp: true }, { ...ds, recompute: 'selective' }, h800);
    const { gemm, attention, elementwise, moe } = e.byKind;
    expect(gemm + attention + elementwise + moe).toBeCloseTo(total(e), 12);
    expect(moe).toBeGreaterThan(0);
  });

  it('DeepSeek-V3 model FLOPs: 3x forward GEMM+attention per token = 249.8 GFLOP within 1% (notes §1.5, Megatron formula)', () => {
    const all = Array.from({ length: 61 }, (_, i) => i);
    const e = estimateStageCompute(deepseekV3, all, { embedding: true, head: true, mtp: false }, ds, h800);
    const perToken = (3 * e.flops.forward) / 4096;
    expect(Math.abs(perToken / 249.8e9 - 1)).toBeLessThan(0.01);
  });

  it('GPT model FLOPs per iteration = 72·b·s·l·h²·(1 + V/(12·h·l)) for GEMMs (Korthikanti et al. 2022 App. A)', () => {
    const { layers: l, hidden: h, vocab: V } = gpt3;
    const shape = { ...gpt, tp: 1, sp: false };
    const e = estimateStageCompute(gpt3, Array.from({ length: l }, (_, i) => i), { embedding: true, head: true, mtp: false }, shape, a100);
    const gemmOnly = 3 * e.flops.forward - 3 * l * 2 * 2048 * 2048 * h; // minus causal attention (2·b·s²·h fwd per layer)
    const expected = 72 * 2048 * l * h * h * (1 + V / (12 * h * l));
    expect(gemmOnly / expected).toBeCloseTo(1, 10);
  });

  it('sanity: a 4-MoE-layer DeepSeek-V3 H800 stage costs tens of ms forward (profile: ~129 ms for F&B, notes §2.10)', () => {
    const e = estimateStageCompute(deepseekV3, [10, 11, 12, 13], none, { ...ds, computeSmFraction: 112 / 132 }, h800);
    expect(e.forwardSeconds).toBeGreaterThan(0.015);
    expect(e.forwardSeconds).toBeLessThan(0.06);
    const fAndB = e.forwardSeconds + e.backwardInputSeconds + e.backwardWeightSeconds;
    expect(fAndB).toBeGreaterThan(0.06);
    expect(fAndB).toBeLessThan(0.2);
  });

  it('recompute: none = 0, full = the whole forward, selective (default) = the attention-core forward', () => {
    const layer = 0;
    const noRc = estimateLayerCompute(gpt3, layer, gpt, h100);
    const full = estimateLayerCompute(gpt3, layer, { ...gpt, recompute: 'full' }, h100);
    const sel = estimateLayerCompute(gpt3, layer, { ...gpt, recompute: 'selective' }, h100);
    const device = createRooflineDevice(h100, 'bf16', DEFAULT_EFFICIENCY_PARAMS);
    const core = layerOps(gpt3, layer, gpt).filter((op) => op.kind === 'attention');
    expect(noRc.recomputeSeconds).toBe(0);
    expect(full.recomputeSeconds).toBeCloseTo(full.forwardSeconds, 15);
    expect(full.flops.recompute).toBe(full.flops.forward);
    expect(sel.recomputeSeconds).toBeCloseTo(core.reduce((s, op) => s + opSeconds(op, 'forward', device), 0), 15);
  });

  it('DeepSeek-style selective (fp8-block) re-runs norms, MLA up-projections and the MoE SwiGLU, not the core (priced at the literature priors: a claim about the inventory, not the fit)', () => {
    const e = estimateLayerCompute(deepseekV3, 10, { ...ds, recompute: 'selective' }, h800, PRIOR_EFFICIENCY_PARAMS);
    const upProj = layerOps(deepseekV3, 10, ds).filter((op) => op.name === 'attn.wq_b' || op.name === 'attn.wkv_b');
    const device = createRooflineDevice(h800, 'fp8-block', PRIOR_EFFICIENCY_PARAMS);
    const upSeconds = upProj.reduce((s, op) => s + opSeconds(op, 'forward', device), 0);
    expect(e.recomputeSeconds).toBeGreaterThan(upSeconds);
    expect(e.recomputeSeconds).toBeLessThan(0.2 * e.forwardSeconds);
    const coreOnly = estimateLayerCompute(deepseekV3, 10, { ...ds, recompute: 'selective', recomputeModules: ['core-attn'] }, h800, PRIOR_EFFICIENCY_PARAMS);
    // Fewer FLOPs re-run than the attention core (the times are within 1% of each other, a knife edge of the fit).
    expect(coreOnly.flops.recompute).toBeGreaterThan(e.flops.recompute);
  });

  it('head and MTP flags add their work to the stage', () => {
    const bare = estimateStageCompute(deepseekV3, [60], none, ds, h800);
    const head = estimateStageCompute(deepseekV3, [60], { ...none, head: true }, ds, h800);
    const mtp = estimateStageCompute(deepseekV3, [60], { ...none, head: true, mtp: true }, ds, h800);
    expect(head.forwardSeconds).toBeGreaterThan(bare.forwardSeconds);
    expect(mtp.forwardSeconds - head.forwardSeconds).toBeGreaterThan(bare.forwardSeconds);
  });

  it('FP8 is faster than BF16 for a large layer on H100; TP 8 cuts the per-GPU layer time', () => {
    const bf16 = estimateLayerCompute(gpt3, 0, gpt, h100);
    const fp8 = estimateLayerCompute(gpt3, 0, { ...gpt, precision: 'fp8' }, h100);
    expect(total(fp8)).toBeLessThan(total(bf16));
    const tp1 = estimateLayerCompute(gpt3, 0, { ...gpt, tp: 1, sp: false }, h100);
    expect(total(bf16)).toBeLessThan(total(tp1) / 5);
  });

  it('an accelerator without an efficiency record is priced with the generic prior', () => {
    const e = estimateLayerCompute(gpt3, 0, gpt, unknownGpu);
    expect(e.forwardSeconds).toBeGreaterThan(0);
    expect(Number.isFinite(total(e))).toBe(true);
  });

  it('routing imbalance slows the MoE part only', () => {
    const balanced = estimateLayerCompute(deepseekV3, 10, ds, h800);
    const skewed = estimateLayerCompute(deepseekV3, 10, { ...ds, tokensPerExpertImbalance: 1.3 }, h800);
    expect(skewed.byKind.moe).toBeGreaterThan(1.2 * balanced.byKind.moe);
    expect(skewed.byKind.gemm).toBe(balanced.byKind.gemm);
  });
});
