import { describe, expect, it } from 'vitest';
import type { Recompute } from '../layout/types.js';
import { layerActivation, layerTensors, type SelectivePolicy } from './activations.js';
import type { ActivationShape } from './layer-tensors.js';
import { MODELS } from '../model/catalog.js';
import { createGptFixture } from './test-fixtures.js';

// GPT-3 175B block (Korthikanti et al. 2022 Table 3): h = 12288, a = 96, s = 2048, b = 1.
const h = 12288;
const a = 96;
const s = 2048;
const b = 1;
const gpt = createGptFixture(96, h, a, 51200);
const sbh = s * b * h;
const megatronSelective: SelectivePolicy = { kind: 'modules', modules: ['core-attn'] };

/** Korthikanti's setting: 16-bit activations, 1-byte dropout masks, no flash attention. */
function shape(tp: number, sequenceParallel: boolean): ActivationShape {
  return { tokens: s * b, seqLen: s, tp, sequenceParallel, etp: 1, flashAttention: false, dropout: true, linearInputBytes: 2, expertLoadFactor: 1 };
}

function stored(tp: number, sp: boolean, recompute: Recompute): number {
  return layerActivation(gpt, false, shape(tp, sp), recompute, megatronSelective).storedBytes;
}

function expectExact(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-12);
}

describe('Korthikanti et al. 2022 Table 2, activation bytes per layer (GPT-3 175B block, s 2048, b 1)', () => {
  it('no parallelism: s·b·h·(34 + 5·a·s/h)', () => {
    expectExact(stored(1, false, 'none'), sbh * (34 + (5 * a * s) / h));
  });

  it.each([2, 4, 8])('tensor parallel t = %i: s·b·h·(10 + 24/t + 5·a·s/(h·t))', (t) => {
    expectExact(stored(t, false, 'none'), sbh * (10 + 24 / t + (5 * a * s) / (h * t)));
  });

  it.each([2, 4, 8])('TP + sequence parallel t = %i: s·b·h·(34/t + 5·a·s/(h·t))', (t) => {
    expectExact(stored(t, true, 'none'), sbh * (34 / t + (5 * a * s) / (h * t)));
  });

  it.each([1, 2, 8])('TP + selective recompute t = %i: s·b·h·(10 + 24/t)', (t) => {
    expectExact(stored(t, false, 'selective'), sbh * (10 + 24 / t));
  });

  it.each([2, 8])('TP + SP + selective recompute t = %i: 34·s·b·h/t', (t) => {
    expectExact(stored(t, true, 'selective'), (34 * sbh) / t);
  });

  it('full recompute: 2·s·b·h (the layer input), and 2·s·b·h/t under sequence parallelism', () => {
    expectExact(stored(8, false, 'full'), 2 * sbh);
    expectExact(stored(8, true, 'full'), (2 * sbh) / 8);
  });

  it('the replicated part under TP is 10·s·b·h: layer norms 4, block inputs 4, dropout masks 2', () => {
    const seqSplit = layerTensors(gpt, false, shape(8, false)).filter((t) => ['layer-input', 'residual', 'norm-output', 'dropout-mask'].includes(t.role));
    expectExact(seqSplit.reduce((sum, t) => sum + t.bytes, 0), 10 * sbh);
  });
});

describe('generalisations', () => {
  it('flash attention replaces the 5·a·s²·b score tensors by a FP32 log-sum-exp per head and token', () => {
    const flash = layerActivation(gpt, false, { ...shape(1, false), flashAttention: true }, 'none', megatronSelective).storedBytes;
    expectExact(flash, 34 * sbh + 4 * s * b * a);
  });

  it('without dropout a GPT layer keeps 32·s·b·h + 2·a·s²·b (masks and dropout outputs gone)', () => {
    expectExact(layerActivation(gpt, false, { ...shape(1, false), dropout: false }, 'none', megatronSelective).storedBytes, 32 * sbh + 2 * a * s * s * b);
  });

  it('GQA shrinks K and V: Llama-3-8B-like block (32 heads, 8 KV heads, SwiGLU 14336) keeps (2+2+2+0.5+0.5+2+2+2)·sbh + 2·3·s·b·f', () => {
    const llama = { ...createGptFixture(32, 4096, 32, 128256), mlp: 'swiglu' as const, ffnHidden: 14336, attention: { kind: 'gqa' as const, heads: 32, kvHeads: 8, headDim: 128 } };
    const bytes = layerActivation(llama, false, { ...shape(1, false), dropout: false, flashAttention: true }, 'none', megatronSelective).storedBytes;
    const t = s * b;
    expectExact(bytes, t * 4096 * 2 * (1 + 1 + 1 + 0.25 + 0.25 + 1 + 1 + 1) + t * 32 * 4 + t * 14336 * 2 * 3);
  });

  it('torch op-SAC keeps the layer input, the attention output and every second matmul output', () => {
    const llama = { ...createGptFixture(32, 4096, 32, 128256), mlp: 'swiglu' as const, ffnHidden: 14336, attention: { kind: 'gqa' as const, heads: 32, kvHeads: 8, headDim: 128 } };
    const x = { ...shape(1, false), dropout: false, flashAttention: true };
    const t = s * b;
    // matmuls q, k, v, o, w1, w3, w2: kept q (h), v (h/4), w1 (f), w2 (h); plus input h, output h, lse
    const expected = 2 * t * (4096 + 4096 + 4096 + 1024 + 14336 + 4096) + 4 * t * 32;
    expectExact(layerActivation(llama, false, x, 'selective', { kind: 'torch-op-sac' }).storedBytes, expected);
  });
});

describe('eager element-wise intermediates (pushEagerPointwiseTensors)', () => {
  const model = MODELS['llama3-8b'];
  const shape = { tokens: 4096, seqLen: 4096, tp: 1, sequenceParallel: false, etp: 1, flashAttention: true, dropout: false, linearInputBytes: 2, expertLoadFactor: 1 };
  const policy = { kind: 'modules', modules: ['core-attn'] } as const;
  it('no recomputation: + tokens·(2 norms × 4h + 2·ffn) bytes per layer over fused kernels', () => {
    const fused = layerActivation(model, false, shape, 'none', policy).storedBytes;
    const eager = layerActivation(model, false, { ...shape, eagerElementwise: true }, 'none', policy).storedBytes;
    expect(eager - fused).toBe(4096 * (8 * model.hidden + 2 * model.ffnHidden));
  });
  it('full recomputation keeps only the layer input: no eager intermediates stored', () => {
    const fused = layerActivation(model, false, shape, 'full', policy).storedBytes;
    expect(layerActivation(model, false, { ...shape, eagerElementwise: true }, 'full', policy).storedBytes).toBe(fused);
  });
});
