/**
 * Small constructors of op records, so the layer inventories read as a list of named ops.
 * Byte counts: BF16 activations (2 bytes), read + written once unless stated.
 */
import { ACTIVATION_BYTES } from '../hardware/element-bytes.js';
import type { AttentionOp, ElementwiseOp, GemmOp, PrecisionClass, RecomputeModule } from './types.js';

/**
 * What an op is tagged with: whether it belongs to the MoE experts' block, and the recomputation
 * module that recomputes it (null: none). Every tag record has both fields (`opTags`): the builders
 * below read them for every op the planner lists, and one record shape keeps those reads monomorphic.
 */
export interface OpTags {
  readonly moe: boolean;
  readonly recompute: RecomputeModule | null;
}

export function opTags(moe: boolean, recompute: RecomputeModule | null): OpTags {
  return { moe, recompute };
}

/** No tags: a dense op that no recomputation module names. */
export const NO_TAGS: OpTags = opTags(false, null);
const NORM_TAGS: OpTags = opTags(false, 'norm');

/** One GEMM C[m×n] = A[m×k]·B[k×n] (or `count` of them as one grouped GEMM). */
export function createGemm(
  name: string,
  dims: { readonly m: number; readonly n: number; readonly k: number; readonly count?: number },
  precisionClass: PrecisionClass,
  tags: OpTags = NO_TAGS,
): GemmOp {
  return {
    kind: 'gemm',
    name,
    m: dims.m,
    n: dims.n,
    k: dims.k,
    count: dims.count ?? 1,
    precisionClass,
    moe: tags.moe,
    recomputeModule: tags.recompute,
  };
}

/** A memory-bound op moving `bytes` to and from HBM in the forward pass. */
export function createElementwise(name: string, bytes: number, tags: OpTags = NO_TAGS): ElementwiseOp {
  return elementwise(name, bytes, tags, undefined, undefined);
}

/**
 * Every element-wise record has the same fields in the same order (absent options are undefined),
 * so the roofline prices one record shape: the planner prices tens of thousands of op lists.
 */
function elementwise(name: string, bytes: number, tags: OpTags, streaming: true | undefined, backwardBytesRatio: number | undefined): ElementwiseOp {
  return { kind: 'elementwise', name, bytes, moe: tags.moe, recomputeModule: tags.recompute, streaming, backwardBytesRatio };
}

/**
 * A token permutation (MoE dispatch / combine): a gather of `rows` rows of `width` elements into a
 * new order, each read and written once:
 *   forward bytes = 2 · rows · width · bytesPerElement,  backward = the inverse scatter of the
 *   gradient rows, the same bytes (Megatron-Core `permute` / `sort_chunks_by_idxs`; memory-bound).
 */
export function createPermutation(name: string, rows: number, width: number, bytesPerElement: number, tags: OpTags = NO_TAGS): ElementwiseOp {
  return elementwise(name, 2 * rows * width * bytesPerElement, tags, undefined, 1);
}

/**
 * A norm (RMSNorm or LayerNorm) over `tokens` rows of `width`: reads and writes the activation
 * (2·2 bytes per element; the weight vector is negligible).
 */
export function createNorm(name: string, tokens: number, width: number): ElementwiseOp {
  return createElementwise(name, tokens * width * 2 * ACTIVATION_BYTES, NORM_TAGS);
}

/** Residual add: reads two activations, writes one (3·2 bytes per element). */
export function createResidualAdd(name: string, tokens: number, width: number): ElementwiseOp {
  return createElementwise(name, tokens * width * 3 * ACTIVATION_BYTES);
}

/**
 * Quantisation of a GEMM input for a low-precision recipe: `castBytes` HBM bytes per element
 * (reads of the BF16 input and writes of the quantised copies and scales, `precision-scaling.ts`),
 * one streaming kernel per pass (Transformer Engine amax / cast-transpose, torchao casts).
 * Returns null for a 16-bit recipe (castBytes 0), which casts nothing.
 */
export function createCast(name: string, elements: number, castBytes: number, tags: OpTags = NO_TAGS): ElementwiseOp | null {
  if (castBytes === 0) return null;
  return elementwise(name, elements * castBytes, tags, true, undefined);
}

/** Shape of the attention core of one GPU. `queryTokens` counts all sequences of the micro-batch. */
export interface AttentionCoreDims {
  readonly queryTokens: number;
  /** Keys each query sees (the sequence length). */
  readonly keyTokens: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly qkHeadDim: number;
  readonly vHeadDim: number;
  readonly causal: boolean;
}

/**
 * Attention-core FLOPs [FLOP]: QK^T = 2·q·kv·heads·d_qk, PV = 2·q·kv·heads·d_v; a causal mask
 * skips half of the score blocks (FlashAttention-2, Dao 2023, §3.1.1), so causal = half.
 * For MHA (d_qk = d_v = h/heads, q = kv = s per sequence) non-causal = 4·b·s²·h (Narayanan et al. 2021 §5.1).
 */
export function attentionCoreFlops(d: AttentionCoreDims): number {
  const full = 2 * d.queryTokens * d.keyTokens * d.heads * (d.qkHeadDim + d.vHeadDim);
  return d.causal ? full / 2 : full;
}

/**
 * The flash-attention core as one op. Bytes: Q and O of the local queries, K and V of `kvRows`
 * key rows (all keys of the micro-batch's sequences; each read once — FlashAttention keeps the
 * scores on chip, so there is no softmax traffic).
 */
export function createAttentionCore(name: string, d: AttentionCoreDims, kvRows: number): AttentionOp {
  const elements = d.queryTokens * d.heads * (d.qkHeadDim + d.vHeadDim) + kvRows * d.kvHeads * (d.qkHeadDim + d.vHeadDim);
  return {
    kind: 'attention',
    name,
    flops: attentionCoreFlops(d),
    bytes: elements * ACTIVATION_BYTES,
    moe: false,
    recomputeModule: 'core-attn',
  };
}

/** Appends the op unless it is null (a cast of a 16-bit recipe). */
export function pushOp<T>(ops: T[], op: T | null): void {
  if (op !== null) ops.push(op);
}
