import type { FrameworkProfile } from '../framework/types.js';
import type { PrecisionScaling } from '../compute/precision-scaling.js';
import type { Precision } from '../hardware/types.js';

/** Linear global-batch ramp (DeepSeek-V3: 3072 -> 15360 sequences over the first 469B tokens). */
export interface BatchRamp {
  readonly startGlobalBatch: number;
  readonly rampTokens: number;
}

export interface Training {
  /** Tokens per sequence. */
  readonly seqLen: number;
  /** Sequences per optimizer step (steady state). */
  readonly globalBatch: number;
  /** Tokens of the whole run. */
  readonly totalTokens: number;
  readonly precision: Precision;
  readonly batchRamp: BatchRamp | null;
  /**
   * Routed tokens of the busiest GPU over the mean (MoE only; 1 = perfectly balanced routing). Slows
   * the expert GEMMs and all-to-alls and grows the expert activations. Default: the sourced prior of
   * `expert-load.ts` (1.25) with expert parallelism.
   */
  readonly expertLoadImbalance?: number;
  /**
   * The software stack: which communication overlaps which compute, what selective recomputation
   * means, the gradient-reduction recipe (`framework/`). Default: Megatron-Core's profile.
   */
  readonly framework?: FrameworkProfile;
  /**
   * How the low-precision recipe scales its GEMM inputs (`compute/precision-scaling.ts`): FP8
   * tensorwise (default) or rowwise; fp8-block, mxfp8 and nvfp4 imply their own.
   */
  readonly precisionScaling?: PrecisionScaling;
  /**
   * Mean length of the documents packed into each sequence when attention is masked per document
   * (padding-free packing: Megatron THD / `cu_seqlens`, flash-attn varlen, flex attention's
   * block-causal mask) [tokens]. A query then attends within its document only, so the attention
   * core costs documentTokens/seqLen of a full causal sequence. Default: seqLen (one document per
   * sequence, or packing without a document mask, as in most pre-training).
   */
  readonly documentTokens?: number;
}
