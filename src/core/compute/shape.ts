/**
 * The per-GPU token counts of one micro-batch, derived once from the model and the shape,
 * and the input checks of the compute model.
 */
import { InputError } from '../errors.js';
import type { Precision } from '../hardware/types.js';
import type { ModelSpec } from '../model/types.js';
import { castBytesPerElement } from './precision-scaling.js';
import type { ComputeShape, RecomputeModule } from './types.js';

/** Per-GPU sizes every op builder uses. */
export interface GpuTokens {
  /** Tokens through the TP-split GEMMs and attention of one GPU: microBatch·seqLen/cp. */
  readonly tokens: number;
  /** Tokens of the norms, residual adds and router: tokens/tp with sequence parallelism, else tokens. */
  readonly normTokens: number;
  /** Keys each query attends over (the whole sequence; CP exchanges K/V, Megatron CP). */
  readonly seqLen: number;
  /**
   * Keys of the causal attention core per query, doubled: the sequence, or the document when packed
   * documents mask attention per document. S/D documents of D tokens cost (S/D)·D²/2 = S·D/2 score
   * entries against S²/2 for one causal sequence, so the core's FLOPs scale by D/S.
   */
  readonly attentionKeyTokens: number;
  /** Key/value rows the attention core of one GPU reads: microBatch·seqLen (all CP chunks). */
  readonly kvRows: number;
  readonly tp: number;
  /** Bytes of one quantised GEMM input element (1 for FP8, 0.5 for FP4); 0 when the recipe is 16-bit. */
  readonly quantisedBytes: number;
  /** HBM bytes of quantising one GEMM-input element under the recipe's scaling (`precision-scaling.ts`); 0 when 16-bit. */
  readonly castBytes: number;
}

/** Bytes per element of the quantised GEMM inputs of a recipe; 0 for a 16-bit recipe (no casts). */
export function quantisedElementBytes(precision: Precision): number {
  switch (precision) {
    case 'bf16':
    case 'fp16':
      return 0;
    case 'fp8':
    case 'fp8-block':
    case 'mxfp8':
      return 1;
    case 'nvfp4':
      return 0.5;
  }
}

/**
 * Default modules of a 'selective' recomputation. DeepSeek-style fine-grained FP8 (`fp8-block`)
 * recomputes all norms, the MLA up-projections and the MoE SwiGLU output (DeepSeek-V3 TR §3.2.3,
 * §3.3.3); every other recipe follows Megatron-Core's default `recompute_modules = ["core_attn"]`
 * (Korthikanti et al. 2022 §4.2: recompute the attention core only).
 */
export function defaultSelectiveModules(precision: Precision): readonly RecomputeModule[] {
  return precision === 'fp8-block' ? ['norm', 'mla-up-proj', 'moe-act'] : ['core-attn'];
}

function checkPositiveInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new InputError(field, value, 'must be a positive integer');
}

/** Checks the shape against the model and returns the per-GPU token counts. */
export function resolveGpuTokens(model: ModelSpec, shape: ComputeShape): GpuTokens {
  checkPositiveInteger('layout.microBatch', shape.microBatch);
  checkPositiveInteger('training.seqLen', shape.seqLen);
  checkPositiveInteger('layout.tp', shape.tp);
  checkPositiveInteger('layout.cp', shape.cp);
  checkPositiveInteger('layout.ep', shape.ep);
  checkPositiveInteger('layout.etp', shape.etp);
  if (model.moe !== null && model.moe.experts % shape.ep !== 0) {
    throw new InputError('layout.ep', shape.ep, `must divide the ${model.moe.experts} routed experts`);
  }
  if (shape.documentTokens !== undefined) checkPositiveInteger('training.documentTokens', shape.documentTokens);
  const imbalance = shape.tokensPerExpertImbalance ?? 1;
  if (!(imbalance >= 1)) throw new InputError('tokensPerExpertImbalance', imbalance, 'must be >= 1 (busiest GPU over the mean)');
  const smFraction = shape.computeSmFraction ?? 1;
  if (!(smFraction > 0 && smFraction <= 1)) throw new InputError('computeSmFraction', smFraction, 'must be in (0, 1]');
  // [tokens] one GPU holds microBatch·seqLen/cp tokens of every sequence (context parallelism).
  const tokens = (shape.microBatch * shape.seqLen) / shape.cp;
  return {
    tokens,
    normTokens: shape.sp ? tokens / shape.tp : tokens,
    seqLen: shape.seqLen,
    attentionKeyTokens: Math.min(shape.seqLen, shape.documentTokens ?? shape.seqLen),
    kvRows: shape.microBatch * shape.seqLen,
    tp: shape.tp,
    quantisedBytes: quantisedElementBytes(shape.precision),
    castBytes: castBytesPerElement(shape.precision, shape.precisionScaling),
  };
}
