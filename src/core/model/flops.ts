/**
 * Training FLOPs of a decoder-only transformer — the *model FLOPs* that MFU divides by.
 *
 * Convention (README "FLOP convention"):
 *  1. A matrix product of an m-vector by an m×n weight costs 2·m·n FLOP (multiply + add).
 *  2. Per token, forward: 2 × (weights used in matrix products) + the attention core.
 *     Biases, norms, activations, softmax and the embedding lookup are not counted (Megatron, PaLM).
 *  3. Attention core per layer per token: QKᵀ 2·n·s·d_qk + PV 2·n·s·d_v; causal masking halves it
 *     (Megatron-Core `num_floating_point_operations`, DeepSeek's "MFU (causal)"; shared notes §4.1, §4.5).
 *  4. MoE: only activated experts (top-k routed + shared) and the router GEMM 2·h·E.
 *  5. Output head (logits) 2·h·V forward, counted even when tied.
 *  6. Backward = 2 × forward (activation and weight gradients), so training = 3 × forward.
 *  7. No recomputation: hardware FLOPs (HFU) add the recomputed forward passes on top.
 */
import {
  attentionMatmulParams,
  denseFfnWidth,
  isMoeLayer,
  mlpMatmulParams,
  moeLayerCount,
} from './params.js';
import type { ModelSpec } from './types.js';

/** Options of the FLOP counts. */
export interface FlopOptions {
  /** Halve the attention core for causal masking. Default true (model FLOPs as MFU uses them). */
  readonly causal?: boolean;
}

/** Forward FLOP per token of one transformer layer. */
export interface LayerForwardFlops {
  /** Q, K, V (or MLA down/up) and output projections: 2 × their weights [FLOP/token]. */
  readonly attentionProjections: number;
  /** QKᵀ and PV over `seqLen` keys [FLOP/token], halved when causal. */
  readonly attentionCore: number;
  /** Dense FFN, or activated experts (top-k routed + shared) of a MoE layer [FLOP/token]. */
  readonly mlp: number;
  /** Router GEMM 2·h·E of a MoE layer, 0 in a dense layer [FLOP/token]. */
  readonly router: number;
}

/** Training FLOP per token (forward + backward) by part, plus the forward-only sum. */
export interface FlopBreakdown {
  readonly attentionProjections: number;
  readonly attentionCore: number;
  /** FFNs of the dense layers. */
  readonly denseMlp: number;
  /** Activated experts of the MoE layers: shared + top-k routed. */
  readonly experts: number;
  readonly router: number;
  /** Logits 2·h·V forward. */
  readonly outputHead: number;
  /** MTP modules with their own logits (not in `total`). */
  readonly mtp: number;
  /** Forward FLOP per token of the main model (= total / 3). */
  readonly forward: number;
  /** Forward + backward FLOP per token of the main model, no MTP, no recompute. */
  readonly total: number;
  readonly totalWithMtp: number;
}

/** Width of the query·key product and of the values per head: standard d, d; MLA d_nope + d_rope, d_v. */
function attentionHeadDims(model: ModelSpec): { heads: number; qkDim: number; vDim: number } {
  const a = model.attention;
  if (a.kind === 'mla') return { heads: a.heads, qkDim: a.qkNopeHeadDim + a.qkRopeHeadDim, vDim: a.vHeadDim };
  return { heads: a.heads, qkDim: a.headDim, vDim: a.headDim };
}

/**
 * Forward FLOP per token of attention scores and weighted values over `seqLen` keys:
 * 2·n·s·(d_qk + d_v), × 1/2 when causal (each query sees on average half the keys; Megatron-Core
 * `num_floating_point_operations`). MHA with n·d = h gives 4·s·h, Korthikanti et al. 2022 App. A.
 */
export function attentionCoreForwardFlops(model: ModelSpec, seqLen: number, options: FlopOptions = {}): number {
  const { heads, qkDim, vDim } = attentionHeadDims(model);
  const full = 2 * heads * seqLen * (qkDim + vDim);
  return options.causal === false ? full : full / 2;
}

/**
 * Forward FLOP per token of layer `layerIndex` (0-based) at sequence length `seqLen`.
 * Cheap (no loops, one small record) for the step-time model's inner loop.
 */
export function layerForwardFlops(
  model: ModelSpec,
  layerIndex: number,
  seqLen: number,
  options: FlopOptions = {},
): LayerForwardFlops {
  const attentionProjections = 2 * attentionMatmulParams(model);
  const attentionCore = attentionCoreForwardFlops(model, seqLen, options);
  if (model.moe === null || !isMoeLayer(model, layerIndex)) {
    return { attentionProjections, attentionCore, mlp: 2 * mlpMatmulParams(model, denseFfnWidth(model)), router: 0 };
  }
  // activated experts: top-k routed + all shared; router GEMM [h × E] (DeepSeek-V3 TR §2.1.2)
  const expertMatmul = mlpMatmulParams(model, model.moe.expertFfnHidden);
  const sharedMatmul = model.moe.sharedExperts * mlpMatmulParams(model, model.moe.sharedFfnHidden);
  const mlp = 2 * (model.moe.topK * expertMatmul + sharedMatmul);
  return { attentionProjections, attentionCore, mlp, router: 2 * model.hidden * model.moe.experts };
}

/** Forward FLOP per token of the output head (logits): 2·h·V, also when tied to the embedding. */
export function outputHeadForwardFlops(model: ModelSpec): number {
  return 2 * model.hidden * model.vocab;
}

/**
 * Forward FLOP per token of one MTP module (DeepSeek-V3 TR §2.2): projection M_k [h × 2h]
 * 2·2h·h, one block shaped like the last main layer, and its own logits 2·h·V.
 */
export function mtpModuleForwardFlops(model: ModelSpec, seqLen: number, options: FlopOptions = {}): number {
  const block = layerForwardFlops(model, model.layers - 1, seqLen, options);
  const blockFlops = block.attentionProjections + block.attentionCore + block.mlp + block.router;
  return 2 * (2 * model.hidden * model.hidden) + blockFlops + outputHeadForwardFlops(model);
}

/**
 * Training FLOP per token (forward + backward = 3 × forward) of `model` at sequence length
 * `seqLen`, by part. Multiply by tokens per step for FLOP per step. DeepSeek-V3 at s = 4096:
 * 250.4 GFLOP (249.8 in Megatron's formula, which leaves out the 0.6 GFLOP router; ISCA Table 2: 250).
 */
export function flopsPerToken(model: ModelSpec, seqLen: number, options: FlopOptions = {}): FlopBreakdown {
  const moeLayers = moeLayerCount(model);
  const denseLayers = model.layers - moeLayers;
  // two representative layers: all dense layers are alike, and so are all MoE layers
  const dense = layerForwardFlops(model, 0, seqLen, options);
  const moe = moeLayers > 0 ? layerForwardFlops(model, model.layers - 1, seqLen, options) : dense;
  const trainingFactor = 3; // forward 1 + backward 2 (Narayanan et al. 2021 §5.1)
  const forward = {
    attentionProjections: model.layers * dense.attentionProjections,
    attentionCore: model.layers * dense.attentionCore,
    denseMlp: denseLayers * dense.mlp,
    experts: moeLayers * moe.mlp,
    router: moeLayers * moe.router,
    outputHead: outputHeadForwardFlops(model),
  };
  const forwardSum =
    forward.attentionProjections + forward.attentionCore + forward.denseMlp + forward.experts + forward.router +
    forward.outputHead;
  const mtp = trainingFactor * model.mtpDepth * mtpModuleForwardFlops(model, seqLen, options);
  const total = trainingFactor * forwardSum;
  return {
    attentionProjections: trainingFactor * forward.attentionProjections,
    attentionCore: trainingFactor * forward.attentionCore,
    denseMlp: trainingFactor * forward.denseMlp,
    experts: trainingFactor * forward.experts,
    router: trainingFactor * forward.router,
    outputHead: trainingFactor * forward.outputHead,
    mtp,
    forward: forwardSum,
    total,
    totalWithMtp: total + mtp,
  };
}

/** Options of `megatronGptFlopsPerIteration`. */
export interface MegatronFlopOptions {
  /** Full activation recomputation (one extra forward of every layer, not of the logits). */
  readonly recompute: boolean;
}

/**
 * FLOP per iteration of a GPT (FFN = 4h, MHA, non-causal attention count) as Megatron papers write it:
 *  - recompute: Narayanan et al. 2021 (arXiv 2104.04473) eq. 3, 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h));
 *  - no recompute: Korthikanti et al. 2022 (arXiv 2205.05198) App. A, 72·B·s·l·h²·(1 + s/(6h) + V/(12·h·l)).
 * B global batch [sequences], s sequence length, l layers, h hidden, V vocabulary. Their s/(6h) term
 * counts full (non-causal) attention; compare with `flopsPerToken(…, { causal: false })`.
 */
export function megatronGptFlopsPerIteration(
  batch: number,
  seqLen: number,
  layers: number,
  hidden: number,
  vocab: number,
  options: MegatronFlopOptions,
): number {
  const common = batch * seqLen * layers * hidden ** 2;
  if (options.recompute) return 96 * common * (1 + seqLen / (6 * hidden) + vocab / (16 * layers * hidden));
  return 72 * common * (1 + seqLen / (6 * hidden) + vocab / (12 * hidden * layers));
}
