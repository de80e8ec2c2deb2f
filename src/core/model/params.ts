/**
 * Parameter accounting of a decoder-only transformer (dense or MoE), from the architecture alone.
 * All counts are element counts (not bytes). Per-layer helpers are cheap: arithmetic only, no
 * allocation, so the memory and step-time models may call them in their inner loops.
 *
 * Structure counted (pre-norm block, as in GPT-3, Llama, Mixtral, DeepSeek, Qwen3):
 *   embedding [V·h] (+ learned positions [P·h]) → L × { norm, attention, norm, FFN } → final norm → head [V·h]
 * Sources: Narayanan et al. 2021 (arXiv 2104.04473) eq. 2 for GPT; DeepSeek-V3 `inference/model.py`
 * for MLA, MoE and MTP (tally in shared notes §1.3–1.4); HF configs of the other models.
 */
import type { ModelSpec } from './types.js';

/** Named parameter counts of a whole model. See `countParams`. */
export interface ParamBreakdown {
  /** Input token embedding V·h (also the output head when embeddings are tied). */
  readonly embedding: number;
  /** Learned absolute positions P·h (GPT-3); 0 for RoPE. */
  readonly positionEmbedding: number;
  /** All layers' attention: projections, their biases, MLA's q/kv norms, QK norms. */
  readonly attention: number;
  /** FFNs of dense layers (all layers of a dense model; the first `denseLayers` of a MoE model). */
  readonly denseMlp: number;
  /** All routed experts of all MoE layers. */
  readonly routedExperts: number;
  /** All shared experts of all MoE layers. */
  readonly sharedExperts: number;
  /** Router (gate) weights, plus DeepSeek-V3's per-expert selection bias. */
  readonly router: number;
  /** Two block norms per layer plus the final norm. */
  readonly norms: number;
  /** Untied output head V·h; 0 when tied (counted in `embedding`). */
  readonly outputHead: number;
  /** Multi-token-prediction modules (their own weights; embedding and head are shared). */
  readonly mtp: number;
  /** Main model, without MTP (the convention of DeepSeek-V3's published 671B). */
  readonly total: number;
  readonly totalWithMtp: number;
  /** Parameters one token uses in the main model (see `activeConvention`); excludes MTP. */
  readonly active: number;
  readonly activeConvention: string;
}

/**
 * The convention of `ParamBreakdown.active`. DeepSeek-V3's published "37B activated" matches this
 * count (37.55B) — including the input embedding and the output head (shared notes §1.3).
 */
export const ACTIVE_PARAMS_CONVENTION =
  'all parameters a token touches in the main model: embedding (+ learned positions) and output head, ' +
  'attention, norms, dense FFNs, router, shared experts and the top-k routed experts of every MoE layer; ' +
  'MTP modules excluded';

/** Params of one norm over `width` features: RMSNorm has a scale, LayerNorm a scale and a bias. */
export function normParams(model: ModelSpec, width: number): number {
  return model.norm === 'layernorm' ? 2 * width : width;
}

/** Params of the two block norms of one transformer layer (before attention, before the FFN). */
export function layerNormParams(model: ModelSpec): number {
  return 2 * normParams(model, model.hidden);
}

/**
 * Weights of one layer's attention that take part in matrix products (no biases, no norms).
 * Standard: W_q [h × n·d], W_k, W_v [h × n_kv·d], W_o [n·d × h].
 * MLA (DeepSeek-V3 model.py): wq_a [h × r_q] + wq_b [r_q × n·(d_nope+d_rope)] (or wq [h × n·(d_nope+d_rope)]
 * when r_q is null), wkv_a [h × (r_kv + d_rope)], wkv_b [r_kv × n·(d_nope+d_v)], wo [n·d_v × h].
 */
export function attentionMatmulParams(model: ModelSpec): number {
  const a = model.attention;
  const h = model.hidden;
  if (a.kind === 'mla') {
    const qkDim = a.qkNopeHeadDim + a.qkRopeHeadDim;
    const query = a.qLoraRank === null ? h * a.heads * qkDim : h * a.qLoraRank + a.qLoraRank * a.heads * qkDim;
    const keyValue = h * (a.kvLoraRank + a.qkRopeHeadDim) + a.kvLoraRank * a.heads * (a.qkNopeHeadDim + a.vHeadDim);
    return query + keyValue + a.heads * a.vHeadDim * h;
  }
  const qWidth = a.heads * a.headDim;
  const kvWidth = a.kvHeads * a.headDim;
  return h * qWidth + 2 * h * kvWidth + qWidth * h;
}

/** Params of one layer's attention: matrices, biases (if `linearBias`), MLA q/kv norms, QK norms. */
export function attentionParams(model: ModelSpec): number {
  const a = model.attention;
  const h = model.hidden;
  let extra = 0;
  if (a.kind === 'mla') {
    // q_norm [r_q] and kv_norm [r_kv] (DeepSeek-V3 model.py); biases on every projection output if any
    extra = (a.qLoraRank === null ? 0 : normParams(model, a.qLoraRank)) + normParams(model, a.kvLoraRank);
    if (model.linearBias) {
      const qkDim = a.qkNopeHeadDim + a.qkRopeHeadDim;
      extra += (a.qLoraRank ?? 0) + a.heads * qkDim + a.kvLoraRank + a.qkRopeHeadDim;
      extra += a.heads * (a.qkNopeHeadDim + a.vHeadDim) + h;
    }
  } else {
    // biases of q, k, v, o (GPT-3); Qwen3 q_norm and k_norm of width headDim
    if (model.linearBias) extra = a.heads * a.headDim + 2 * a.kvHeads * a.headDim + h;
    if (a.qkNorm === true) extra += 2 * normParams(model, a.headDim);
  }
  return attentionMatmulParams(model) + extra;
}

/**
 * Weights of one FFN of width f in matrix products: SwiGLU 3·h·f (gate, up, down); GELU and
 * squared-ReLU 2·h·f (up, down).
 */
export function mlpMatmulParams(model: ModelSpec, ffnHidden: number): number {
  const matrices = model.mlp === 'swiglu' ? 3 : 2;
  return matrices * model.hidden * ffnHidden;
}

/** Params of one FFN of width `ffnHidden`: matrices plus biases (f + h, or 2f + h for SwiGLU). */
export function denseMlpParams(model: ModelSpec, ffnHidden: number): number {
  if (!model.linearBias) return mlpMatmulParams(model, ffnHidden);
  const upBias = model.mlp === 'swiglu' ? 2 * ffnHidden : ffnHidden;
  return mlpMatmulParams(model, ffnHidden) + upBias + model.hidden;
}

/** FFN width of the dense layers: `moe.denseFfnHidden` for a MoE model, `ffnHidden` otherwise. */
export function denseFfnWidth(model: ModelSpec): number {
  return model.moe === null ? model.ffnHidden : model.moe.denseFfnHidden;
}

/** Params of one routed expert (an FFN of width `expertFfnHidden`); 0 for a dense model. */
export function expertParams(model: ModelSpec): number {
  return model.moe === null ? 0 : denseMlpParams(model, model.moe.expertFfnHidden);
}

/** Params of all shared experts of one MoE layer (each of width `sharedFfnHidden`); 0 for a dense model. */
export function sharedExpertParams(model: ModelSpec): number {
  if (model.moe === null) return 0;
  return model.moe.sharedExperts * denseMlpParams(model, model.moe.sharedFfnHidden);
}

/** Router of one MoE layer: gate [E × h] plus E selection biases when `routerBias` (DeepSeek-V3). */
export function routerParams(model: ModelSpec): number {
  if (model.moe === null) return 0;
  const bias = model.moe.routerBias === true ? model.moe.experts : 0;
  return model.moe.experts * model.hidden + bias;
}

/** Whether layer `layerIndex` (0-based) has a MoE FFN: MoE models replace all but the first `denseLayers`. */
export function isMoeLayer(model: ModelSpec, layerIndex: number): boolean {
  return model.moe !== null && layerIndex >= model.moe.denseLayers;
}

/** Number of MoE layers in the main model. */
export function moeLayerCount(model: ModelSpec): number {
  return model.moe === null ? 0 : Math.max(0, model.layers - model.moe.denseLayers);
}

/** Params of one layer's FFN part, all experts (`total`) and per token (`active`). */
export interface LayerFfnParams {
  readonly total: number;
  readonly active: number;
}

/** Stored params of one layer: block norms + attention + FFN (all experts, router, shared experts). */
export function layerParams(model: ModelSpec, layerIndex: number): number {
  return layerNormParams(model) + attentionParams(model) + layerFfnParams(model, layerIndex).total;
}

/** FFN params of layer `layerIndex`: total and activated per token (top-k routed + shared + router). */
export function layerFfnParams(model: ModelSpec, layerIndex: number): LayerFfnParams {
  if (model.moe === null || !isMoeLayer(model, layerIndex)) {
    const dense = denseMlpParams(model, denseFfnWidth(model));
    return { total: dense, active: dense };
  }
  const shared = sharedExpertParams(model) + routerParams(model);
  const expert = expertParams(model);
  return { total: shared + model.moe.experts * expert, active: shared + model.moe.topK * expert };
}

/** Input embedding V·h (also the head when tied). Lookups cost no FLOPs. */
export function embeddingParams(model: ModelSpec): number {
  return model.vocab * model.hidden;
}

/** Learned absolute position table P·h (GPT-3); 0 for RoPE. */
export function positionEmbeddingParams(model: ModelSpec): number {
  return model.positionEmbedding === 'learned' ? model.maxPositions * model.hidden : 0;
}

/**
 * Distinct output-head params: V·h when untied, 0 when tied to the embedding. Under pipeline
 * parallelism Megatron keeps a copy of a tied embedding on the last stage; use `embeddingParams`
 * for that copy. The head GEMM always has V·h weights (see flops.ts).
 */
export function outputHeadParams(model: ModelSpec): number {
  return model.tiedEmbeddings ? 0 : model.vocab * model.hidden;
}

/**
 * Params of one MTP module (DeepSeek-V3 TR §2.2; shared notes §1.4): enorm + hnorm [h each],
 * projection M_k [h × 2h] (`eh_proj`), one transformer block shaped like the last main layer,
 * and the head's own norm [h]. Embedding and output head are shared with the main model.
 * DeepSeek-V3: 11.61B.
 */
export function mtpModuleParams(model: ModelSpec): number {
  const h = model.hidden;
  const projection = 2 * h * h + (model.linearBias ? h : 0);
  return 3 * normParams(model, h) + projection + layerParams(model, model.layers - 1);
}

/**
 * Named parameter counts of `model`. `total` excludes MTP (DeepSeek-V3 publishes 671B without its
 * 11.6B MTP module); `active` follows ACTIVE_PARAMS_CONVENTION (DeepSeek-V3: 37.55B vs "37B").
 */
export function countParams(model: ModelSpec): ParamBreakdown {
  const moeLayers = moeLayerCount(model);
  const denseLayers = model.layers - moeLayers;
  const expertsPerLayer = model.moe === null ? 0 : model.moe.experts;
  const idleExpertsPerLayer = model.moe === null ? 0 : model.moe.experts - model.moe.topK;
  const parts = {
    embedding: embeddingParams(model),
    positionEmbedding: positionEmbeddingParams(model),
    attention: model.layers * attentionParams(model),
    denseMlp: denseLayers * denseMlpParams(model, denseFfnWidth(model)),
    routedExperts: moeLayers * expertsPerLayer * expertParams(model),
    sharedExperts: moeLayers * sharedExpertParams(model),
    router: moeLayers * routerParams(model),
    norms: model.layers * layerNormParams(model) + normParams(model, model.hidden),
    outputHead: outputHeadParams(model),
  };
  const total =
    parts.embedding + parts.positionEmbedding + parts.attention + parts.denseMlp + parts.routedExperts +
    parts.sharedExperts + parts.router + parts.norms + parts.outputHead;
  const mtp = model.mtpDepth * mtpModuleParams(model);
  // active = everything but the routed experts a token does not visit: (E − k) per MoE layer
  const active = total - moeLayers * idleExpertsPerLayer * expertParams(model);
  return { ...parts, mtp, total, totalWithMtp: total + mtp, active, activeConvention: ACTIVE_PARAMS_CONVENTION };
}

/**
 * Narayanan et al. 2021 (arXiv 2104.04473) eq. 2, GPT with learned positions, tied embeddings,
 * biases and LayerNorm, FFN = 4h: P = 12·l·h²·(1 + 13/(12h) + (V + s)/(12·l·h)) [params].
 * It leaves out the final LayerNorm (2h).
 */
export function megatronGptParams(layers: number, hidden: number, vocab: number, seqLen: number): number {
  return 12 * layers * hidden ** 2 * (1 + 13 / (12 * hidden) + (vocab + seqLen) / (12 * layers * hidden));
}
