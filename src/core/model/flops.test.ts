import { describe, expect, it } from 'vitest';
import { MODELS } from './catalog.js';
import { flopsPerToken, layerForwardFlops, megatronGptFlopsPerIteration } from './flops.js';
import { countParams, embeddingParams, positionEmbeddingParams } from './params.js';
import type { ModelSpec } from './types.js';

const catalog: readonly ModelSpec[] = Object.values(MODELS);

describe('flopsPerToken(deepseek-v3, 4096)', () => {
  const f = flopsPerToken(MODELS['deepseek-v3'], 4096);

  it('is 250 GFLOP per token within 2% (ISCA Table 2; notes derive 249.8)', () => {
    expect(Math.abs(f.total / 250e9 - 1)).toBeLessThan(0.02);
  });

  it('matches the Megatron-Core formula of notes §4.1 term by term (GFLOP, without MTP)', () => {
    expect(f.attentionProjections / 1e9).toBeCloseTo(68.48, 2);
    expect(f.attentionCore / 1e9).toBeCloseTo(30.70, 2);
    expect((f.denseMlp + f.experts) / 1e9).toBeCloseTo(145.07, 2);
    expect(f.outputHead / 1e9).toBeCloseTo(5.56, 2);
    // Megatron's formula omits the router GEMM 6·h·E·58 = 0.64 GFLOP; the rest is 249.8
    expect((f.total - f.router) / 1e9).toBeCloseTo(249.8, 1);
    expect(f.router).toBe(3 * 2 * 7168 * 256 * 58);
  });

  it('with MTP adds one MoE block, the projection and a second logits: 260 GFLOP (notes §1.5)', () => {
    expect((f.totalWithMtp - f.router - 3 * 2 * 7168 * 256) / 1e9).toBeCloseTo(260.0, 0);
  });
});

describe('flopsPerToken parts', () => {
  it.each(catalog.map((m) => [m.id, m] as const))('flopsPerToken(%s, 4096): parts sum to total = 3 × forward', (_id, m) => {
    const f = flopsPerToken(m, 4096);
    const sum = f.attentionProjections + f.attentionCore + f.denseMlp + f.experts + f.router + f.outputHead;
    expect(sum).toBeCloseTo(f.total, -3);
    expect(f.total).toBeCloseTo(3 * f.forward, -3);
    expect(f.totalWithMtp).toBe(f.total + f.mtp);
  });

  it.each(catalog.map((m) => [m.id, m] as const))('flopsPerToken(%s).forward = Σ layerForwardFlops + logits', (_id, m) => {
    let forward = 2 * m.hidden * m.vocab;
    for (let i = 0; i < m.layers; i += 1) {
      const l = layerForwardFlops(m, i, 4096);
      forward += l.attentionProjections + l.attentionCore + l.mlp + l.router;
    }
    expect(flopsPerToken(m, 4096).forward).toBeCloseTo(forward, -3);
  });

  it('causal masking halves the attention core and nothing else', () => {
    const m = MODELS['llama3-70b'];
    const causal = flopsPerToken(m, 8192);
    const full = flopsPerToken(m, 8192, { causal: false });
    expect(full.attentionCore).toBe(2 * causal.attentionCore);
    expect(full.total - causal.total).toBeCloseTo(causal.attentionCore, -3);
  });

  it('dense model: total = 6·(params − embedding − norms) + causal attention (Kaplan 6N, PaLM App. B)', () => {
    const m = MODELS['llama3-8b'];
    const f = flopsPerToken(m, 8192);
    const p = countParams(m);
    const matmulParams = p.total - embeddingParams(m) - positionEmbeddingParams(m) - p.norms;
    // PaLM's attention term 12·L·H·Q·T, halved for causal masking: 32 heads of 128 at T = 8192
    const attention = (12 * m.layers * 32 * 128 * 8192) / 2;
    expect(Math.abs(f.total / (6 * matmulParams + attention) - 1)).toBeLessThan(1e-12);
  });

  it('MoE layers count only activated experts: mixtral-8x7b uses 2 of 8', () => {
    const m = MODELS['mixtral-8x7b'];
    const layer = layerForwardFlops(m, 0, 4096);
    expect(layer.mlp).toBe(2 * 2 * 3 * 4096 * 14336);
    expect(layer.router).toBe(2 * 4096 * 8);
  });

  it('layerForwardFlops(deepseek-v3, 2 | 3) switches from the dense FFN to shared + 8 routed experts', () => {
    const m = MODELS['deepseek-v3'];
    expect(layerForwardFlops(m, 2, 4096).mlp).toBe(2 * 3 * 7168 * 18432);
    expect(layerForwardFlops(m, 3, 4096).mlp).toBe(2 * 9 * 3 * 7168 * 2048);
    expect(layerForwardFlops(m, 2, 4096).router).toBe(0);
  });
});

describe('megatronGptFlopsPerIteration (Korthikanti 2022 App. A; Narayanan 2021 eq. 3)', () => {
  // Megatron's s/(6h) term counts full (non-causal) attention: compare with causal: false
  const gpts = ['gpt-1.7b', 'gpt-22b', 'gpt-175b', 'gpt-1t', 'mcore-gpt-70b'] as const;

  it.each(gpts)('flopsPerToken(%s, causal: false) × B·s equals 72·B·s·l·h²(1 + s/(6h) + V/(12hl)) within 1%', (id) => {
    const m = MODELS[id];
    const batch = 512;
    const s = m.maxPositions;
    const ours = flopsPerToken(m, s, { causal: false }).total * batch * s;
    const paper = megatronGptFlopsPerIteration(batch, s, m.layers, m.hidden, m.vocab, { recompute: false });
    expect(Math.abs(ours / paper - 1)).toBeLessThan(0.01);
    // the only gap is biases and norms, which Megatron does not count: far below 1%
    expect(Math.abs(ours / paper - 1)).toBeLessThan(1e-9);
  });

  it('full recompute (eq. 3) adds exactly one non-causal forward of every layer, not of the logits', () => {
    const m = MODELS['gpt-175b'];
    const [batch, s] = [1536, 2048];
    const withRecompute = megatronGptFlopsPerIteration(batch, s, m.layers, m.hidden, m.vocab, { recompute: true });
    const without = megatronGptFlopsPerIteration(batch, s, m.layers, m.hidden, m.vocab, { recompute: false });
    const layer = layerForwardFlops(m, 0, s, { causal: false });
    const oneForward = m.layers * (layer.attentionProjections + layer.attentionCore + layer.mlp) * batch * s;
    expect(Math.abs((withRecompute - without) / oneForward - 1)).toBeLessThan(1e-12);
  });
});
