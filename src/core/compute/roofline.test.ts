import { gemmShapeEfficiency } from './gemm-shape.js';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { InputError } from '../errors.js';
import { MOE_ELEMENTWISE_HBM_EFFICIENCY, PRIOR_EFFICIENCY_PARAMS } from './efficiency-params.js';
import { curveEfficiency } from './efficiency.js';
import { createAttentionCore, createElementwise, createGemm, createPermutation, opTags } from './op-builders.js';
import { BACKWARD_MULTIPLIERS, createRooflineDevice, gemmFlops, opFlops, opSeconds } from './roofline.js';

const h100 = ACCELERATORS['h100-sxm'];
const a100 = ACCELERATORS['a100-80gb'];

// Mechanics of the roofline, tested on the literature priors (the fitted values move with the data).
const params = PRIOR_EFFICIENCY_PARAMS;
const h100Bf16 = createRooflineDevice(h100, 'bf16', params);

describe('roofline', () => {
  it('a tiny GEMM (m = 16, 8192 x 8192 weights) is memory bound: time = bytes / achievable bandwidth', () => {
    const op = createGemm('tiny', { m: 16, n: 8192, k: 8192 }, 'fp8-capable');
    const bytes = (16 * 8192 + 8192 * 8192) * 2 + 16 * 8192 * 2;
    expect(opSeconds(op, 'forward', h100Bf16)).toBeCloseTo(bytes / h100Bf16.memoryBytesPerSec, 12);
  });

  it('a large GEMM (8192³) is compute bound: time = FLOPs / (peak · eff(FLOPs) · shape efficiency)', () => {
    const op = createGemm('large', { m: 8192, n: 8192, k: 8192 }, 'fp8-capable');
    const path = h100Bf16.gemm['fp8-capable'];
    const flops = gemmFlops(op);
    const shape = gemmShapeEfficiency({ rows: 8192, cols: 8192, depth: 8192, count: 1 }, { streamingMultiprocessors: 132 });
    const expected = flops / (path.peakFlopsPerSec * curveEfficiency(path.curve, flops, path.peakFlopsPerSec) * shape);
    expect(opSeconds(op, 'forward', h100Bf16)).toBeCloseTo(expected, 12);
    expect(flops / opSeconds(op, 'forward', h100Bf16)).toBeGreaterThan(0.7 * 989.4e12);
  });

  it('GEMM backward-input and backward-weight each cost the forward FLOPs (backward = 2x forward)', () => {
    const op = createGemm('g', { m: 4096, n: 4096, k: 4096 }, 'fp8-capable');
    expect(opFlops(op, 'backwardInput')).toBe(opFlops(op, 'forward'));
    expect(opFlops(op, 'backwardWeight')).toBe(opFlops(op, 'forward'));
    expect(opSeconds(op, 'backwardInput', h100Bf16)).toBeCloseTo(opSeconds(op, 'forward', h100Bf16), 12);
  });

  it('attention backward = 2.5x forward FLOPs, all backward-input, at a lower efficiency', () => {
    const op = createAttentionCore('a', { queryTokens: 8192, keyTokens: 8192, heads: 32, kvHeads: 8, qkHeadDim: 128, vHeadDim: 128, causal: true }, 8192);
    expect(opFlops(op, 'backwardInput')).toBe(2.5 * op.flops);
    expect(opSeconds(op, 'backwardWeight', h100Bf16)).toBe(0);
    expect(opSeconds(op, 'backwardInput', h100Bf16)).toBeGreaterThan(2.5 * opSeconds(op, 'forward', h100Bf16));
    expect(BACKWARD_MULTIPLIERS.attention.backwardInput).toBe(2.5);
  });

  it('FlashAttention-2 on Hopper runs a compute-bound attention core at 35/75 of the native kernel\'s rate; on Ampere it is the native kernel', () => {
    const op = createAttentionCore('a', { queryTokens: 8192, keyTokens: 8192, heads: 32, kvHeads: 8, qkHeadDim: 128, vHeadDim: 128, causal: true }, 8192);
    const fa2 = createRooflineDevice(h100, 'bf16', params, 1, 1, 'flash-attention-2');
    const ratio = opSeconds(op, 'forward', fa2) / opSeconds(op, 'forward', h100Bf16);
    expect(ratio).toBeCloseTo(0.75 / 0.35, 2);
    const a100Native = createRooflineDevice(a100, 'bf16', params);
    const a100Fa2 = createRooflineDevice(a100, 'bf16', params, 1, 1, 'flash-attention-2');
    expect(opSeconds(op, 'backwardInput', a100Fa2)).toBe(opSeconds(op, 'backwardInput', a100Native));
  });

  it('element-wise backward moves 2x the forward bytes and has no FLOPs', () => {
    const op = createElementwise('e', 1e9);
    expect(opSeconds(op, 'backwardInput', h100Bf16)).toBeCloseTo(2 * opSeconds(op, 'forward', h100Bf16), 15);
    expect(opFlops(op, 'forward')).toBe(0);
  });

  it('routed-expert element-wise kernels run at the measured MoE efficiency on every die, other element-wise kernels at the die\'s own', () => {
    const a100Bf16 = createRooflineDevice(a100, 'bf16', params);
    const permute = createPermutation('p', 32768, 2048, 2, opTags(true, null));
    const norm = createElementwise('n', permute.bytes);
    expect(opSeconds(permute, 'forward', a100Bf16)).toBeCloseTo(permute.bytes / (a100.hbmBandwidthBytesPerSec * MOE_ELEMENTWISE_HBM_EFFICIENCY), 15);
    expect(opSeconds(norm, 'forward', a100Bf16)).toBeCloseTo(norm.bytes / a100Bf16.memoryBytesPerSec, 15);
    expect(opSeconds(permute, 'forward', a100Bf16)).toBeGreaterThan(opSeconds(norm, 'forward', a100Bf16));
    // Hopper's own element-wise efficiency is that measurement: both kinds run alike there.
    expect(opSeconds(createPermutation('p', 32768, 2048, 2, opTags(true, null)), 'forward', h100Bf16)).toBeCloseTo(opSeconds(createElementwise('n', permute.bytes), 'forward', h100Bf16), 15);
  });

  it('permutation time = 2 × rows × width × bytes / HBM bandwidth forward, the same backward (the inverse scatter), none in wgrad', () => {
    const op = createPermutation('p', 32768, 7168, 2);
    expect(op.bytes).toBe(2 * 32768 * 7168 * 2);
    expect(opSeconds(op, 'forward', h100Bf16)).toBeCloseTo(op.bytes / h100Bf16.memoryBytesPerSec, 15);
    expect(opSeconds(op, 'backwardInput', h100Bf16)).toBeCloseTo(opSeconds(op, 'forward', h100Bf16), 15);
    expect(opSeconds(op, 'backwardWeight', h100Bf16)).toBe(0);
  });

  it('FP8 makes a large fp8-capable GEMM faster than BF16 on H100, and leaves bf16-only ops unchanged', () => {
    const fp8 = createRooflineDevice(h100, 'fp8', params);
    const big = createGemm('big', { m: 8192, n: 8192, k: 8192 }, 'fp8-capable');
    const head = createGemm('head', { m: 8192, n: 8192, k: 8192 }, 'bf16-only');
    expect(opSeconds(big, 'forward', fp8)).toBeLessThan(0.7 * opSeconds(big, 'forward', h100Bf16));
    expect(opSeconds(head, 'forward', fp8)).toBe(opSeconds(head, 'forward', h100Bf16));
  });

  it('FP8 on A100 (no FP8 tensor cores) is an InputError naming training.precision', () => {
    expect(() => createRooflineDevice(a100, 'fp8', params)).toThrow(InputError);
    expect(() => createRooflineDevice(a100, 'fp8', params)).toThrow(/training\.precision/);
    expect(() => createRooflineDevice(a100, 'bf16', params)).not.toThrow();
  });

  it('computeSmFraction 112/132 slows a compute-bound GEMM by 132/112 (minus the knee shift) and not a memory-bound one', () => {
    const share = createRooflineDevice(h100, 'bf16', params, 112 / 132);
    const big = createGemm('big', { m: 16384, n: 16384, k: 16384 }, 'fp8-capable');
    const tiny = createGemm('tiny', { m: 16, n: 8192, k: 8192 }, 'fp8-capable');
    expect(opSeconds(big, 'forward', share) / opSeconds(big, 'forward', h100Bf16)).toBeCloseTo(132 / 112, 2);
    expect(opSeconds(tiny, 'forward', share)).toBe(opSeconds(tiny, 'forward', h100Bf16));
  });

  it('a grouped GEMM pads each expert to 128 rows: 4 experts of 129 tokens cost about as much as 4 of 256', () => {
    const g129 = createGemm('g', { m: 129, n: 4096, k: 7168, count: 4 }, 'fp8-capable');
    const g256 = createGemm('g', { m: 256, n: 4096, k: 7168, count: 4 }, 'fp8-capable');
    const ratio = opSeconds(g129, 'forward', h100Bf16) / opSeconds(g256, 'forward', h100Bf16);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThanOrEqual(1.0001);
  });
});
