/**
 * The tensors one transformer layer saves for its backward pass, per GPU and per micro-batch
 * [bytes], in the accounting of Korthikanti et al. 2022 (arXiv 2205.05198) §4.1 / Table 2,
 * generalised to GQA, MLA, SwiGLU, MoE, context parallelism, flash attention and FP8 caching.
 *
 * Korthikanti's GPT layer (16-bit activations, 1-byte dropout masks, FFN 4h), per token:
 *   attention 11h + 5as: QKV input 2h, Q and K 4h, V 2h, softmax 2as, its dropout mask as and
 *   output 2as, projection input 2h, dropout mask h; MLP 19h: input 2h, GeLU input 8h, GeLU output 8h,
 *   dropout mask h; two LayerNorm inputs 4h. Total s·b·h·(34 + 5as/h).
 * Under tensor parallelism t, everything inside the attention and MLP blocks is split by t (24h +
 * 5as); the LayerNorm inputs, block inputs and dropout masks (10h) are split only by sequence
 * parallelism. Each tensor below is tagged with that split (`seq` or `tp`).
 *
 * Generalisations (each a tensor of the same role):
 * - GQA/MQA: K and V have kvHeads·headDim columns; with tp > kvHeads each rank keeps one whole head.
 * - SwiGLU: the fused first GEMM outputs gate and up (2f, the input of the SwiGLU) and the SwiGLU
 *   output (f) enters the down projection (Megatron-Core `bias_swiglu`).
 * - Flash attention (Dao et al. 2022): no s² tensors; a FP32 log-sum-exp per head and token.
 * - MLA (DeepSeek-V3 `model.py`): latents q_a [r_q] and kv_a [r_kv + d_rope] (not split by TP: the
 *   down-projections are replicated, Megatron-Core MLA), their RMSNorm outputs, and the up-projected
 *   per-head Q, K [n·(d_nope + d_rope)] and V [n·d_v].
 * - MoE: router scores (FP32, E per token) with top-k weights and indices; per routed copy the
 *   permuted expert input [h], the expert's first GEMM output [2f_e/etp or f_e/etp] and the activation
 *   output [f_e/etp]. The combine weights multiply the activation output (Megatron-Core
 *   `weighted_bias_swiglu`), so their gradient needs no stored expert output [h].
 *   Copies per GPU = tokens·k·etp/tp (uniform routing, as `compute/ops-ffn.ts expertLoad`) × load factor.
 * - Context parallelism: each GPU holds s/cp tokens of each sequence (keys: all s).
 * - FP8 caching (fp8-block, DeepSeek-V3 TR §3.3.3): inputs of FP8 Linear layers — norm outputs,
 *   attention output, activation outputs, MoE expert inputs and the MoE SwiGLU input — are stored at
 *   `cachedLinearInputBytes`.
 */
import type { RecomputeModule } from '../compute/types.js';
import type { ModelSpec } from '../model/types.js';
import { ACTIVATION_BYTES, FP32_BYTES } from './precision.js';

/** Bytes of an int64 index (token ids, top-k expert indices). */
const INDEX_BYTES = 8;
/** Bytes of a dropout mask element (Korthikanti et al. 2022: 1 byte). */
const MASK_BYTES = 1;

/** Role of a saved tensor; decides which recomputation drops it. */
export type TensorRole =
  | 'layer-input'
  | 'norm-output'
  | 'qkv'
  | 'mla-latent'
  | 'mla-up'
  | 'attention-scores'
  | 'attention-output'
  | 'dropout-mask'
  | 'residual'
  | 'mlp-hidden'
  | 'mlp-act'
  | 'router'
  | 'expert-input'
  | 'eager-pointwise';

export interface SavedTensor {
  readonly role: TensorRole;
  /** Bytes per GPU per micro-batch. */
  readonly bytes: number;
  /** The selective-recompute module that re-creates it instead of storing it, or null. */
  readonly module: RecomputeModule | null;
}

/** What the per-layer tally needs from the layout, the recipe and the options. */
export interface ActivationShape {
  /** Tokens of one micro-batch on one GPU before sequence-parallel splitting: microBatch·seqLen/cp. */
  readonly tokens: number;
  /** Keys each query attends to (the full sequence length s). */
  readonly seqLen: number;
  readonly tp: number;
  readonly sequenceParallel: boolean;
  readonly etp: number;
  readonly flashAttention: boolean;
  readonly dropout: boolean;
  /** Bytes of a cached input of a low-precision Linear (2, or FP8 with scales). */
  readonly linearInputBytes: number;
  /** Routed copies on the busiest GPU relative to uniform routing (≥ 1). */
  readonly expertLoadFactor: number;
  /** Element-wise ops run as eager PyTorch op chains, saving their intermediates (`pushEagerPointwiseTensors`). Default false (fused kernels). */
  readonly eagerElementwise?: boolean;
}

function seqDivisor(shape: ActivationShape): number {
  return shape.sequenceParallel ? shape.tp : 1;
}

function push(out: SavedTensor[], role: TensorRole, bytes: number, module: RecomputeModule | null = null): void {
  if (bytes > 0) out.push({ role, bytes, module });
}

/** Score tensors: softmax output (+ dropout mask and output), or flash attention's FP32 log-sum-exp. */
function pushScores(out: SavedTensor[], heads: number, shape: ActivationShape): void {
  const perRankHeadTokens = (shape.tokens * heads) / shape.tp;
  if (shape.flashAttention) {
    push(out, 'attention-scores', perRankHeadTokens * FP32_BYTES, 'core-attn');
    return;
  }
  // Korthikanti 5·a·s²·b: softmax output 2 bytes, dropout mask 1, dropout output 2 (per score).
  const bytesPerScore = ACTIVATION_BYTES + (shape.dropout ? MASK_BYTES + ACTIVATION_BYTES : 0);
  push(out, 'attention-scores', perRankHeadTokens * shape.seqLen * bytesPerScore, 'core-attn');
}

/** Attention block: input, norm, Q/K/V (or MLA latents and up-projections), scores, output, dropout. */
export function pushAttentionTensors(out: SavedTensor[], model: ModelSpec, shape: ActivationShape): void {
  const h = model.hidden;
  const t = shape.tokens;
  const seq = seqDivisor(shape);
  push(out, 'layer-input', (t * h * ACTIVATION_BYTES) / seq);
  push(out, 'norm-output', (t * h * shape.linearInputBytes) / seq, 'norm');
  const a = model.attention;
  if (a.kind === 'mla') {
    const qk = a.qkNopeHeadDim + a.qkRopeHeadDim;
    if (a.qLoraRank !== null) {
      push(out, 'mla-latent', t * a.qLoraRank * ACTIVATION_BYTES);
      push(out, 'norm-output', t * a.qLoraRank * shape.linearInputBytes, 'norm');
    }
    push(out, 'mla-latent', t * (a.kvLoraRank + a.qkRopeHeadDim) * ACTIVATION_BYTES);
    push(out, 'norm-output', t * a.kvLoraRank * shape.linearInputBytes, 'norm');
    push(out, 'mla-up', (t * a.heads * qk * ACTIVATION_BYTES) / shape.tp, 'mla-up-proj');
    push(out, 'mla-up', (t * a.heads * qk * ACTIVATION_BYTES) / shape.tp, 'mla-up-proj');
    push(out, 'mla-up', (t * a.heads * a.vHeadDim * ACTIVATION_BYTES) / shape.tp, 'mla-up-proj');
    pushScores(out, a.heads, shape);
    push(out, 'attention-output', (t * a.heads * a.vHeadDim * shape.linearInputBytes) / shape.tp);
  } else {
    // KV heads split by tp, or one whole (replicated) head per rank when tp > kvHeads.
    const kvDivisor = Math.min(shape.tp, a.kvHeads);
    push(out, 'qkv', (t * a.heads * a.headDim * ACTIVATION_BYTES) / shape.tp);
    push(out, 'qkv', (t * a.kvHeads * a.headDim * ACTIVATION_BYTES) / kvDivisor);
    push(out, 'qkv', (t * a.kvHeads * a.headDim * ACTIVATION_BYTES) / kvDivisor);
    pushScores(out, a.heads, shape);
    push(out, 'attention-output', (t * a.heads * a.headDim * shape.linearInputBytes) / shape.tp);
  }
  if (shape.dropout) push(out, 'dropout-mask', (t * h * MASK_BYTES) / seq);
}

/** The second residual input and the FFN norm output, shared by dense and MoE FFNs. */
function pushFfnEntry(out: SavedTensor[], model: ModelSpec, shape: ActivationShape): void {
  const seq = seqDivisor(shape);
  push(out, 'residual', (shape.tokens * model.hidden * ACTIVATION_BYTES) / seq);
  push(out, 'norm-output', (shape.tokens * model.hidden * shape.linearInputBytes) / seq, 'norm');
}

interface FfnTensors {
  /** Rows (tokens or routed copies) on this GPU. */
  readonly rows: number;
  /** FFN width on this GPU. */
  readonly width: number;
  readonly hiddenBytes: number;
  readonly actModule: RecomputeModule | null;
}

/** First GEMM output (activation input: 2f for SwiGLU, f otherwise) and activation output (f). */
function pushFfnInner(out: SavedTensor[], model: ModelSpec, shape: ActivationShape, f: FfnTensors): void {
  const firstWidth = model.mlp === 'swiglu' ? 2 * f.width : f.width;
  push(out, 'mlp-hidden', f.rows * firstWidth * f.hiddenBytes);
  push(out, 'mlp-act', f.rows * f.width * shape.linearInputBytes, f.actModule);
}

/** Dense FFN of width `ffnHidden`, split by tp. */
export function pushDenseFfnTensors(out: SavedTensor[], model: ModelSpec, ffnHidden: number, shape: ActivationShape): void {
  pushFfnEntry(out, model, shape);
  pushFfnInner(out, model, shape, { rows: shape.tokens, width: ffnHidden / shape.tp, hiddenBytes: ACTIVATION_BYTES, actModule: null });
  if (shape.dropout) push(out, 'dropout-mask', (shape.tokens * model.hidden * MASK_BYTES) / seqDivisor(shape));
}

/**
 * What eager PyTorch element-wise chains save beyond fused kernels, per token of one layer
 * (autograd's saved tensors, HF / torchtune Llama modules):
 * - RMSNorm `x.float()`, `pow(2).mean`, `x * rsqrt(·)`, `.type_as(x)`, `* weight`: `pow` saves the
 *   FP32 copy of the input (4h) where a fused norm saves the 16-bit input (2h), and `* weight` saves
 *   the normalised 16-bit tensor (2h): + 4h bytes per norm, two norms per layer (split by sp);
 * - SwiGLU `silu(gate) * up`: the product saves `silu(gate)` (2 bytes per FFN element) besides the
 *   gate and up outputs a fused kernel keeps: + 2f per token for gated FFNs (routed copies for experts).
 * RoPE's multiplications by cos/sin save only the (shared) tables. torch.compile removes them.
 */
export function pushEagerPointwiseTensors(out: SavedTensor[], model: ModelSpec, moe: boolean, denseFfnHidden: number, shape: ActivationShape): void {
  if (shape.eagerElementwise !== true) return;
  push(out, 'eager-pointwise', (shape.tokens * 2 * 4 * model.hidden) / seqDivisor(shape));
  if (model.mlp !== 'swiglu') return;
  const ffnElements = moe && model.moe !== null
    ? routedCopies(model, shape) * (model.moe.expertFfnHidden / shape.etp) + (shape.tokens * model.moe.sharedExperts * model.moe.sharedFfnHidden) / shape.tp
    : (shape.tokens * denseFfnHidden) / shape.tp;
  push(out, 'eager-pointwise', ffnElements * ACTIVATION_BYTES);
}

/** Routed copies one GPU processes per micro-batch: tokens·k·etp/tp × load factor. */
export function routedCopies(model: ModelSpec, shape: ActivationShape): number {
  if (model.moe === null) return 0;
  return ((shape.tokens * model.moe.topK * shape.etp) / shape.tp) * shape.expertLoadFactor;
}

/** MoE FFN: router, shared experts (split by tp) and the routed experts' copies on this GPU. */
export function pushMoeFfnTensors(out: SavedTensor[], model: ModelSpec, shape: ActivationShape): void {
  const moe = model.moe;
  if (moe === null) return;
  pushFfnEntry(out, model, shape);
  const routerTokens = shape.tokens / seqDivisor(shape);
  // FP32 scores for every expert, FP32 weights and int64 indices of the top-k.
  push(out, 'router', routerTokens * (moe.experts * FP32_BYTES + moe.topK * (FP32_BYTES + INDEX_BYTES)));
  // DeepSeek-V3 caches the MoE SwiGLU input in FP8 and recomputes its output (TR §3.3.3).
  const moeHiddenBytes = shape.linearInputBytes;
  if (moe.sharedExperts > 0) {
    const width = (moe.sharedExperts * moe.sharedFfnHidden) / shape.tp;
    pushFfnInner(out, model, shape, { rows: shape.tokens, width, hiddenBytes: moeHiddenBytes, actModule: 'moe-act' });
  }
  const copies = routedCopies(model, shape);
  push(out, 'expert-input', copies * model.hidden * shape.linearInputBytes);
  pushFfnInner(out, model, shape, { rows: copies, width: moe.expertFfnHidden / shape.etp, hiddenBytes: moeHiddenBytes, actModule: 'moe-act' });
  if (shape.dropout) push(out, 'dropout-mask', (shape.tokens * model.hidden * MASK_BYTES) / seqDivisor(shape));
}

/** Input ids (int64, every rank of the stage) and the embedding dropout mask. */
export function embeddingActivationBytes(model: ModelSpec, shape: ActivationShape): number {
  const mask = shape.dropout ? (shape.tokens * model.hidden * MASK_BYTES) / seqDivisor(shape) : 0;
  return shape.tokens * INDEX_BYTES + mask;
}

/**
 * Final norm input and output (the head input), and the FP32 log-probabilities the loss keeps,
 * vocabulary-parallel over tp: 4·s·b·h·(1 + V/h)/t with SP (Megatron `theoretical_memory_usage.py`).
 */
export function outputLayerActivationBytes(model: ModelSpec, shape: ActivationShape, savedBytesPerLogit: number = FP32_BYTES): number {
  const norms = (2 * shape.tokens * model.hidden * ACTIVATION_BYTES) / seqDivisor(shape);
  return norms + (shape.tokens * model.vocab * savedBytesPerLogit) / shape.tp;
}

/**
 * Extra inputs of one MTP module besides its transformer block (DeepSeek-V3 TR §2.2): the
 * normalised embedding of the shifted tokens and the previous hidden state (h each) and their
 * concatenation (2h, input of the projection M_k).
 */
export function mtpExtraActivationBytes(model: ModelSpec, shape: ActivationShape): number {
  return (4 * shape.tokens * model.hidden * ACTIVATION_BYTES) / seqDivisor(shape);
}
