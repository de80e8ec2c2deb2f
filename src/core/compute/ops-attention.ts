/**
 * Op inventory of the attention block of one layer on one GPU, forward pass:
 * pre-norm, projections, RoPE, flash-attention core (causal), output projection, residual add.
 * TP (Megatron, Shoeybi et al. 2019 §3): QKV / up-projections are column-parallel (n/tp), the
 * output projection row-parallel (k/tp); m = the GPU's tokens (gathered when sequence-parallel).
 */
import type { MlaAttention, ModelSpec, StandardAttention } from '../model/types.js';
import { ACTIVATION_BYTES } from '../hardware/element-bytes.js';
import type { GpuTokens } from './shape.js';
import { createAttentionCore, createCast, createElementwise, createGemm, createNorm, createResidualAdd, opTags, pushOp } from './op-builders.js';

/** MLA's up-projections, which `mla-up-proj` recomputation recomputes. */
const MLA_UP_PROJ_TAGS = opTags(false, 'mla-up-proj');
import type { ComputeOp } from './types.js';

/** Appends the attention block of one layer. */
export function pushAttentionOps(ops: ComputeOp[], model: ModelSpec, g: GpuTokens): void {
  ops.push(createNorm('attn.norm', g.normTokens, model.hidden));
  if (model.attention.kind === 'mla') pushMlaOps(ops, model.hidden, model.attention, g);
  else pushStandardOps(ops, model, model.attention, g);
  ops.push(createResidualAdd('attn.residual', g.normTokens, model.hidden));
}

/** Multi-head / grouped-query / multi-query attention. */
function pushStandardOps(ops: ComputeOp[], model: ModelSpec, a: StandardAttention, g: GpuTokens): void {
  const h = model.hidden;
  const T = g.tokens;
  const heads = a.heads / g.tp;
  // KV heads per GPU; fewer KV heads than TP ranks are replicated (at least one per GPU).
  const kvHeads = Math.max(a.kvHeads / g.tp, 1);
  const d = a.headDim;
  pushOp(ops, createCast('attn.qkv.cast', T * h, g.castBytes));
  // [FLOP] 2·T·h·(heads + 2·kvHeads)·d: fused Q, K, V projection (column-parallel).
  ops.push(createGemm('attn.qkv', { m: T, k: h, n: (heads + 2 * kvHeads) * d }, 'fp8-capable'));
  if (a.qkNorm === true) ops.push(createNorm('attn.qk-norm', T, (heads + kvHeads) * d));
  if (model.positionEmbedding === 'rope') {
    // RoPE on queries and keys: read + write.
    ops.push(createElementwise('attn.rope', T * (heads + kvHeads) * d * 2 * ACTIVATION_BYTES));
  }
  ops.push(
    createAttentionCore(
      'attn.core',
      { queryTokens: T, keyTokens: g.attentionKeyTokens, heads, kvHeads, qkHeadDim: d, vHeadDim: d, causal: true },
      g.kvRows,
    ),
  );
  pushOp(ops, createCast('attn.out.cast', T * heads * d, g.castBytes));
  // [FLOP] 2·T·(heads·d)·h: output projection (row-parallel).
  ops.push(createGemm('attn.out', { m: T, k: heads * d, n: h }, 'fp8-capable'));
}

/**
 * Multi-head latent attention (DeepSeek-V2 §2.1, DeepSeek-V3 TR §2.1.1). Down-projections
 * (wq_a, wkv_a) are small and duplicated on every TP rank (Megatron-Core MLA); up-projections
 * (wq_b, wkv_b) are column-parallel over heads; QK runs over nope + rope dims, PV over v dims.
 */
function pushMlaOps(ops: ComputeOp[], h: number, a: MlaAttention, g: GpuTokens): void {
  const T = g.tokens;
  const heads = a.heads / g.tp;
  const qk = a.qkNopeHeadDim + a.qkRopeHeadDim;
  pushOp(ops, createCast('attn.in.cast', T * h, g.castBytes));
  if (a.qLoraRank === null) {
    ops.push(createGemm('attn.wq', { m: T, k: h, n: heads * qk }, 'fp8-capable'));
  } else {
    ops.push(createGemm('attn.wq_a', { m: T, k: h, n: a.qLoraRank }, 'fp8-capable'));
    ops.push(createNorm('attn.q_norm', T, a.qLoraRank));
    pushOp(ops, createCast('attn.wq_b.cast', T * a.qLoraRank, g.castBytes));
    ops.push(createGemm('attn.wq_b', { m: T, k: a.qLoraRank, n: heads * qk }, 'fp8-capable', MLA_UP_PROJ_TAGS));
  }
  // Latent c_KV (kvLoraRank) plus the decoupled RoPE key shared by all heads (qkRopeHeadDim).
  ops.push(createGemm('attn.wkv_a', { m: T, k: h, n: a.kvLoraRank + a.qkRopeHeadDim }, 'fp8-capable'));
  ops.push(createNorm('attn.kv_norm', T, a.kvLoraRank));
  pushOp(ops, createCast('attn.wkv_b.cast', T * a.kvLoraRank, g.castBytes));
  ops.push(
    createGemm('attn.wkv_b', { m: T, k: a.kvLoraRank, n: heads * (a.qkNopeHeadDim + a.vHeadDim) }, 'fp8-capable', MLA_UP_PROJ_TAGS),
  );
  // RoPE on the query rope part and the shared rope key, then K = [k_nope, k_rope broadcast to every head]:
  // read k_nope and write the assembled K (bytes per element 2).
  const ropeElements = T * (heads + 1) * a.qkRopeHeadDim * 2;
  const assembleElements = T * heads * (a.qkNopeHeadDim + qk);
  ops.push(createElementwise('attn.rope', (ropeElements + assembleElements) * ACTIVATION_BYTES));
  ops.push(
    createAttentionCore(
      'attn.core',
      { queryTokens: T, keyTokens: g.attentionKeyTokens, heads, kvHeads: heads, qkHeadDim: qk, vHeadDim: a.vHeadDim, causal: true },
      g.kvRows,
    ),
  );
  pushOp(ops, createCast('attn.wo.cast', T * heads * a.vHeadDim, g.castBytes));
  ops.push(createGemm('attn.wo', { m: T, k: heads * a.vHeadDim, n: h }, 'fp8-capable'));
}
