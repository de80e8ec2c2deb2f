/**
 * The op inventory of one GPU's forward pass: a transformer layer, the input embedding, the output
 * head with its loss, and a multi-token-prediction module. Backward and recompute are derived from
 * these forward ops by `roofline.ts`.
 */
import { InputError } from '../errors.js';
import type { ModelSpec } from '../model/types.js';
import { createCast, createElementwise, createGemm, createNorm, pushOp } from './op-builders.js';
import { pushAttentionOps } from './ops-attention.js';
import { pushDenseFfnOps, pushMoeExpertOps, pushMoeGateOps, pushMoeSharedOps } from './ops-ffn.js';
import { ACTIVATION_BYTES } from '../hardware/element-bytes.js';
import { resolveGpuTokens, type GpuTokens } from './shape.js';
import type { ComputeOp, ComputeShape } from './types.js';

/** A layer is dense or MoE; layers of one kind have identical ops (what the estimate caches on). */
export type LayerKind = 'dense' | 'moe';

export const LAYER_KINDS: readonly LayerKind[] = ['dense', 'moe'];

/**
 * Kind of layer `layerIndex`: MoE from `moe.denseLayers` on. Indexes `layers .. layers + mtpDepth - 1`
 * are the transformer blocks of the MTP modules, built like the last main layer (DeepSeek-V3 TR §2.2).
 */
export function layerKind(model: ModelSpec, layerIndex: number): LayerKind {
  const last = model.layers + model.mtpDepth;
  if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex >= last) {
    throw new InputError('layerIndex', layerIndex, `must be an integer in [0, ${last - 1}] (${model.layers} layers + ${model.mtpDepth} MTP)`);
  }
  return model.moe !== null && layerIndex >= model.moe.denseLayers ? 'moe' : 'dense';
}

/**
 * A run of consecutive forward ops that one builder makes. A part of a stage (a layer, the
 * embedding, the head, an MTP module) is a fixed sequence of segments (`layerSegments`,
 * `mtpSegments`), so a memoising estimator can price each segment once and share it between parts
 * and between shapes that differ only in what the other segments read.
 */
export type OpSegment = 'attention' | 'dense-ffn' | 'moe-gate' | 'moe-experts' | 'moe-shared' | 'embedding' | 'mtp-input' | 'head';

/**
 * Whether a segment reads the expert split (ep, etp, routing imbalance, recipe) besides the per-GPU
 * token counts (`GpuTokens`): only the MoE FFN's middle run does (`pushMoeExpertOps`); its gate and
 * its shared experts read the token counts alone.
 */
export function segmentReadsExperts(segment: OpSegment): boolean {
  return segment === 'moe-experts';
}

/** Segments of one layer of the given kind: the attention block, then its FFN. */
export function layerSegments(model: ModelSpec, kind: LayerKind): readonly OpSegment[] {
  return kind === 'moe' && model.moe !== null ? MOE_LAYER : DENSE_LAYER;
}

const MOE_LAYER: readonly OpSegment[] = ['attention', 'moe-gate', 'moe-experts', 'moe-shared'];
const DENSE_LAYER: readonly OpSegment[] = ['attention', 'dense-ffn'];

/** Segments of one MTP module: embedding, its own input ops, a block of the last layer's kind, the head. */
export function mtpSegments(model: ModelSpec): readonly OpSegment[] {
  return ['embedding', 'mtp-input', ...layerSegments(model, layerKind(model, model.layers + model.mtpDepth - 1)), 'head'];
}

/** Appends the forward ops of one segment (shape already checked). */
export function pushSegmentOps(ops: ComputeOp[], segment: OpSegment, model: ModelSpec, g: GpuTokens, shape: ComputeShape): void {
  switch (segment) {
    case 'attention':
      return pushAttentionOps(ops, model, g);
    case 'dense-ffn':
      return pushDenseFfnOps(ops, model, g);
    // A model without experts has no MoE layer (`layerSegments`); its MoE FFN would be the dense one.
    case 'moe-gate':
      return model.moe === null ? pushDenseFfnOps(ops, model, g) : pushMoeGateOps(ops, model, model.moe, g, shape.precision);
    case 'moe-experts': {
      if (model.moe === null) return;
      const options = { ep: shape.ep, etp: shape.etp, imbalance: shape.tokensPerExpertImbalance ?? 1, precision: shape.precision };
      return pushMoeExpertOps(ops, model, model.moe, g, options);
    }
    case 'moe-shared':
      return model.moe === null ? undefined : pushMoeSharedOps(ops, model, model.moe, g);
    case 'embedding':
      return pushEmbeddingOps(ops, model, g);
    case 'mtp-input':
      return pushMtpInputOps(ops, model, g);
    case 'head':
      return pushHeadOps(ops, model, g);
  }
}

/** The forward ops of a sequence of segments. */
export function segmentsOps(segments: readonly OpSegment[], model: ModelSpec, g: GpuTokens, shape: ComputeShape): ComputeOp[] {
  const ops: ComputeOp[] = [];
  for (const segment of segments) pushSegmentOps(ops, segment, model, g, shape);
  return ops;
}

/** Ops of one layer of the given kind (shape already checked). */
export function layerKindOps(model: ModelSpec, kind: LayerKind, g: GpuTokens, shape: ComputeShape): ComputeOp[] {
  return segmentsOps(layerSegments(model, kind), model, g, shape);
}

/** Forward ops of layer `layerIndex` for one micro-batch on one GPU. */
export function layerOps(model: ModelSpec, layerIndex: number, shape: ComputeShape): ComputeOp[] {
  const kind = layerKind(model, layerIndex);
  return layerKindOps(model, kind, resolveGpuTokens(model, shape), shape);
}

/** Forward ops of the input embedding (no FLOPs: a row gather, vocab-parallel under TP). */
export function embeddingOpsFor(model: ModelSpec, g: GpuTokens): ComputeOp[] {
  const ops: ComputeOp[] = [];
  pushEmbeddingOps(ops, model, g);
  return ops;
}

function pushEmbeddingOps(ops: ComputeOp[], model: ModelSpec, g: GpuTokens): void {
  // Gather: read one row and write it per token (2·2 bytes per element).
  ops.push(createElementwise('embedding.lookup', g.tokens * model.hidden * 2 * ACTIVATION_BYTES));
  if (model.positionEmbedding === 'learned') {
    // Learned absolute positions: read both, write the sum.
    ops.push(createElementwise('embedding.positions', g.tokens * model.hidden * 3 * ACTIVATION_BYTES));
  }
}

/** Forward ops of the input embedding for one micro-batch on one GPU. */
export function embeddingOps(model: ModelSpec, shape: ComputeShape): ComputeOp[] {
  return embeddingOpsFor(model, resolveGpuTokens(model, shape));
}

/**
 * Bytes per logit element of the vocab-parallel cross entropy (Megatron `vocab_parallel_cross_entropy`):
 * read the BF16 logits (2), write and re-read an FP32 copy for the max and exp-sum passes (4 + 4).
 */
const LOSS_BYTES_PER_LOGIT = 10;

/** Forward ops of the final norm, the output head (BF16, vocab split over TP) and the loss. */
export function headOpsFor(model: ModelSpec, g: GpuTokens): ComputeOp[] {
  const ops: ComputeOp[] = [];
  pushHeadOps(ops, model, g);
  return ops;
}

function pushHeadOps(ops: ComputeOp[], model: ModelSpec, g: GpuTokens): void {
  const vocab = model.vocab / g.tp;
  ops.push(
    createNorm('head.norm', g.normTokens, model.hidden),
    // [FLOP] 2·T·h·V/tp: output projection, BF16 (DeepSeek-V3 TR §3.3).
    createGemm('head.logits', { m: g.tokens, k: model.hidden, n: vocab }, 'bf16-only'),
    createElementwise('head.loss', g.tokens * vocab * LOSS_BYTES_PER_LOGIT),
  );
}

/** Forward ops of the output head and loss for one micro-batch on one GPU. */
export function headOps(model: ModelSpec, shape: ComputeShape): ComputeOp[] {
  return headOpsFor(model, resolveGpuTokens(model, shape));
}

/**
 * One MTP module (DeepSeek-V3 TR §2.2): embedding of the shifted tokens, RMSNorm of it and of the
 * previous hidden state, concatenation, projection M_k (2h -> h, column-parallel), one transformer
 * block of the last main layer's kind, then the shared output head and its loss.
 */
export function mtpOpsFor(model: ModelSpec, g: GpuTokens, shape: ComputeShape): ComputeOp[] {
  return segmentsOps(mtpSegments(model), model, g, shape);
}

/** An MTP module's own ops between its embedding and its block: the two norms, the concatenation, the projection. */
function pushMtpInputOps(ops: ComputeOp[], model: ModelSpec, g: GpuTokens): void {
  const h = model.hidden;
  ops.push(createNorm('mtp.enorm', g.normTokens, h), createNorm('mtp.hnorm', g.normTokens, h));
  ops.push(createElementwise('mtp.concat', g.tokens * 2 * h * 2 * ACTIVATION_BYTES));
  pushOp(ops, createCast('mtp.proj.cast', g.tokens * 2 * h, g.castBytes));
  ops.push(createGemm('mtp.proj', { m: g.tokens, k: 2 * h, n: h / g.tp }, 'fp8-capable'));
}

/** Forward ops of one MTP module for one micro-batch on one GPU (error if the model has none). */
export function mtpOps(model: ModelSpec, shape: ComputeShape): ComputeOp[] {
  if (model.mtpDepth < 1) throw new InputError('model.mtpDepth', model.mtpDepth, 'the model has no MTP module');
  return mtpOpsFor(model, resolveGpuTokens(model, shape), shape);
}
