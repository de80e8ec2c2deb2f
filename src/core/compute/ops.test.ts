import { describe, expect, it } from 'vitest';
import { MODELS } from '../model/catalog.js';
import { InputError } from '../errors.js';
import { attentionCoreFlops } from './op-builders.js';
import { embeddingOps, headOps, layerKind, layerOps, mtpOps } from './ops.js';
import { gemmFlops } from './roofline.js';
import type { ComputeOp, ComputeShape, GemmOp } from './types.js';

const gpt3 = MODELS['gpt3-175b'];
const llama70b = MODELS['llama3-70b'];
const deepseekV3 = MODELS['deepseek-v3'];

const base: ComputeShape = { microBatch: 2, seqLen: 2048, tp: 1, cp: 1, sp: false, ep: 1, etp: 1, precision: 'bf16' };

function gemms(ops: readonly ComputeOp[]): GemmOp[] {
  return ops.filter((op): op is GemmOp => op.kind === 'gemm');
}
function sumGemmFlops(ops: readonly ComputeOp[], filter: (op: GemmOp) => boolean = () => true): number {
  return gemms(ops).filter(filter).reduce((s, op) => s + gemmFlops(op), 0);
}
function attentionFlops(ops: readonly ComputeOp[]): number {
  return ops.reduce((s, op) => s + (op.kind === 'attention' ? op.flops : 0), 0);
}
function find(ops: readonly ComputeOp[], name: string): ComputeOp {
  const op = ops.find((o) => o.name === name);
  if (op === undefined) throw new Error(`no op ${name}`);
  return op;
}

describe('layerOps', () => {
  it('layerOps(GPT layer) GEMM FLOPs equal 24·b·s·h² forward (Narayanan et al. 2021 §5.1)', () => {
    const { hidden: h } = gpt3;
    const b = base.microBatch;
    const s = base.seqLen;
    expect(sumGemmFlops(layerOps(gpt3, 0, base))).toBe(24 * b * s * h * h);
  });

  it('attention core: 4·b·s²·h non-causal, half of it causal (the layer uses causal)', () => {
    const { hidden: h } = gpt3;
    const b = base.microBatch;
    const s = base.seqLen;
    const dims = { queryTokens: b * s, keyTokens: s, heads: 96, kvHeads: 96, qkHeadDim: 128, vHeadDim: 128 };
    expect(attentionCoreFlops({ ...dims, causal: false })).toBe(4 * b * s * s * h);
    expect(attentionCoreFlops({ ...dims, causal: true })).toBe(2 * b * s * s * h);
    expect(attentionFlops(layerOps(gpt3, 0, base))).toBe(2 * b * s * s * h);
  });

  it('TP = 2 halves the per-GPU GEMM and attention FLOPs of a GPT layer', () => {
    const one = layerOps(gpt3, 0, base);
    const two = layerOps(gpt3, 0, { ...base, tp: 2 });
    expect(sumGemmFlops(two)).toBe(sumGemmFlops(one) / 2);
    expect(attentionFlops(two)).toBe(attentionFlops(one) / 2);
  });

  it('CP = 4 quarters the per-GPU GEMM and attention FLOPs', () => {
    const one = layerOps(llama70b, 0, base);
    const four = layerOps(llama70b, 0, { ...base, cp: 4 });
    expect(sumGemmFlops(four)).toBeCloseTo(sumGemmFlops(one) / 4, -3);
    expect(attentionFlops(four)).toBeCloseTo(attentionFlops(one) / 4, -3);
  });

  it('sequence parallelism divides norm and residual bytes by tp, not GEMM FLOPs', () => {
    const noSp = layerOps(gpt3, 0, { ...base, tp: 4 });
    const sp = layerOps(gpt3, 0, { ...base, tp: 4, sp: true });
    expect(sumGemmFlops(sp)).toBe(sumGemmFlops(noSp));
    const bytes = (ops: readonly ComputeOp[], name: string) => {
      const op = find(ops, name);
      return op.kind === 'elementwise' ? op.bytes : NaN;
    };
    expect(bytes(sp, 'attn.norm')).toBe(bytes(noSp, 'attn.norm') / 4);
    expect(bytes(sp, 'mlp.residual')).toBe(bytes(noSp, 'mlp.residual') / 4);
  });

  it('GQA: the QKV projection has n = (heads + 2·kvHeads)·headDim', () => {
    const qkv = find(layerOps(llama70b, 0, base), 'attn.qkv');
    expect(qkv.kind === 'gemm' && qkv.n).toBe((64 + 2 * 8) * 128);
  });

  it('MLA: QK over qkNope + qkRope dims, PV over vHead dims, causal', () => {
    const ops = layerOps(deepseekV3, 0, { ...base, microBatch: 1, seqLen: 4096 });
    const s = 4096;
    expect(attentionFlops(ops)).toBe((2 * s * s * 128 * (128 + 64 + 128)) / 2);
  });

  it('fp8 recipes keep the router, output head and attention core in BF16', () => {
    const fp8 = { ...base, ep: 8, precision: 'fp8-block' as const };
    const moe = layerOps(deepseekV3, 5, fp8);
    expect(find(moe, 'moe.router')).toMatchObject({ precisionClass: 'bf16-only' });
    expect(find(moe, 'moe.experts.up')).toMatchObject({ precisionClass: 'fp8-capable' });
    expect(find(headOps(deepseekV3, fp8), 'head.logits')).toMatchObject({ precisionClass: 'bf16-only' });
    expect(moe.some((op) => op.name.endsWith('.cast'))).toBe(true);
    expect(layerOps(deepseekV3, 5, { ...fp8, precision: 'bf16' }).some((op) => op.name.endsWith('.cast'))).toBe(false);
  });
});

describe('MoE ops', () => {
  const ds: ComputeShape = { microBatch: 1, seqLen: 4096, tp: 1, cp: 1, sp: false, ep: 64, etp: 1, precision: 'fp8-block' };

  it('EP64 spreads 4096·8 token copies over 4 local experts of 8192 tokens each', () => {
    const up = find(layerOps(deepseekV3, 10, ds), 'moe.experts.up');
    expect(up).toMatchObject({ kind: 'gemm', count: 4, m: 8192, k: 7168, n: 2 * 2048 });
  });

  it('EP changes the expert count and GEMM m per GPU, not the routed FLOPs per GPU', () => {
    const routed = (ep: number) => sumGemmFlops(layerOps(deepseekV3, 10, { ...ds, ep }), (op) => op.moe && op.count > 1);
    const ep8 = find(layerOps(deepseekV3, 10, { ...ds, ep: 8 }), 'moe.experts.up');
    expect(ep8).toMatchObject({ count: 32, m: 1024 });
    expect(routed(8)).toBe(routed(64));
    expect(routed(64)).toBe(4096 * 8 * 3 * 2 * 7168 * 2048);
  });

  it('expert TP splits the expert width and multiplies the tokens per expert', () => {
    const up = find(layerOps(deepseekV3, 10, { ...ds, ep: 32, etp: 2 }), 'moe.experts.up');
    expect(up).toMatchObject({ count: 8, m: 8192, n: 2048 });
  });

  it('imbalance scales the busiest GPU expert tokens', () => {
    const up = find(layerOps(deepseekV3, 10, { ...ds, tokensPerExpertImbalance: 1.5 }), 'moe.experts.up');
    expect(up).toMatchObject({ m: 8192 * 1.5 });
  });

  it('permutation bytes = 2 × routed copies × h × dispatch bytes (read + write); its backward moves the same bytes', () => {
    // DeepSeek-V3 routes node-limited (deduplicated dispatch): one permutation each way, FP8 copies.
    const permute = find(layerOps(deepseekV3, 10, ds), 'moe.permute');
    expect(permute).toMatchObject({ kind: 'elementwise', bytes: 2 * (4096 * 8) * 7168 * 1, backwardBytesRatio: 1 });
    expect(layerOps(deepseekV3, 10, ds).some((op) => op.name === 'moe.unsort')).toBe(false);
  });

  it('the plain all-to-all sorts the received chunks by local expert and back: 2 × copies × h × (dispatch + 2) bytes more', () => {
    const qwen = MODELS['qwen3-235b-a22b'];
    const moe = qwen.moe;
    if (moe === null) throw new Error('qwen3-235b-a22b is a MoE');
    const shape: ComputeShape = { microBatch: 1, seqLen: 4096, tp: 1, cp: 1, sp: false, ep: 8, etp: 1, precision: 'bf16' };
    const copies = 4096 * moe.topK;
    const h = qwen.hidden;
    const ops = layerOps(qwen, 10, shape);
    expect(find(ops, 'moe.permute')).toMatchObject({ bytes: 2 * 2 * copies * h * 2, backwardBytesRatio: 1 });
    expect(find(ops, 'moe.unsort')).toMatchObject({ bytes: 2 * copies * h * 2, backwardBytesRatio: 1 });
    // Without expert parallelism every copy is local: one permutation, no chunk sort.
    const local = layerOps(qwen, 10, { ...shape, ep: 1 });
    expect(find(local, 'moe.permute')).toMatchObject({ bytes: 2 * copies * h * 2 });
    expect(local.some((op) => op.name === 'moe.unsort')).toBe(false);
  });

  it('under routing imbalance the plain dispatcher permutes and combines its own copies; the chunk sorts and experts run the received ones', () => {
    const qwen = MODELS['qwen3-235b-a22b'];
    const moe = qwen.moe;
    if (moe === null) throw new Error('qwen3-235b-a22b is a MoE');
    const shape: ComputeShape = { microBatch: 1, seqLen: 4096, tp: 1, cp: 1, sp: false, ep: 8, etp: 1, precision: 'bf16', tokensPerExpertImbalance: 1.5 };
    const own = 4096 * moe.topK;
    const received = own * 1.5;
    const h = qwen.hidden;
    const ops = layerOps(qwen, 10, shape);
    expect(find(ops, 'moe.permute')).toMatchObject({ bytes: 2 * (own + received) * h * 2 });
    expect(find(ops, 'moe.unsort')).toMatchObject({ bytes: 2 * received * h * 2 });
    expect(find(ops, 'moe.combine')).toMatchObject({ bytes: (own + own / moe.topK) * h * 2 });
    // DeepSeek-V3's deduplicated dispatch permutes on the receiver: all of it scales with the imbalance.
    const balanced = find(layerOps(deepseekV3, 10, ds), 'moe.permute');
    const skewed = find(layerOps(deepseekV3, 10, { ...ds, tokensPerExpertImbalance: 1.5 }), 'moe.permute');
    if (balanced.kind !== 'elementwise' || skewed.kind !== 'elementwise') throw new Error('moe.permute is element-wise');
    expect(skewed.bytes).toBeCloseTo(balanced.bytes * 1.5, 0);
  });

  it('the first denseLayers layers are dense, the rest MoE; MTP blocks follow the last layer', () => {
    expect(layerKind(deepseekV3, 2)).toBe('dense');
    expect(layerKind(deepseekV3, 3)).toBe('moe');
    expect(layerKind(deepseekV3, 61)).toBe('moe');
    expect(() => layerKind(deepseekV3, 62)).toThrow(InputError);
    expect(() => layerKind(gpt3, 96)).toThrow(InputError);
  });

  it('an EP that does not divide the experts is an InputError naming layout.ep', () => {
    expect(() => layerOps(deepseekV3, 10, { ...ds, ep: 48 })).toThrow(/layout\.ep/);
  });
});

describe('embedding, head and MTP ops', () => {
  it('headOps: BF16 GEMM of 2·b·s·h·V/tp FLOPs plus a loss over the logits', () => {
    const ops = headOps(gpt3, { ...base, tp: 2 });
    expect(sumGemmFlops(ops) / (2 * 2 * 2048 * 12288 * (gpt3.vocab / 2))).toBeCloseTo(1, 12);
    expect(ops.map((op) => op.name)).toEqual(['head.norm', 'head.logits', 'head.loss']);
  });

  it('embeddingOps has no FLOPs and adds a position add for learned positions', () => {
    expect(embeddingOps(gpt3, base).map((op) => op.kind)).toEqual(['elementwise', 'elementwise']);
    expect(embeddingOps(llama70b, base)).toHaveLength(1);
  });

  it('mtpOps = projection 2h->h + one MoE block + head, and is an error without MTP', () => {
    const shape: ComputeShape = { ...base, microBatch: 1, seqLen: 4096, ep: 64 };
    const ops = mtpOps(deepseekV3, shape);
    const block = sumGemmFlops(layerOps(deepseekV3, 10, shape));
    const head = sumGemmFlops(headOps(deepseekV3, shape));
    expect(sumGemmFlops(ops)).toBe(block + head + 2 * 4096 * 2 * 7168 * 7168);
    expect(() => mtpOps(gpt3, base)).toThrow(InputError);
  });
});
