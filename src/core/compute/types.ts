/**
 * Types of the compute-time model: the per-GPU shape of one micro-batch, the op inventory of a layer,
 * and the named record an estimate returns. SI units: FLOP, bytes, seconds.
 */
import type { Precision } from '../hardware/types.js';
import type { Recompute } from '../layout/types.js';
import type { PrecisionScaling } from './precision-scaling.js';

/**
 * Which tensor-core precision a GEMM may use. `fp8-capable` linears run in the recipe's precision;
 * `bf16-only` ops stay in BF16 (FP16 for an FP16 recipe) even in FP8 recipes: the embedding, output
 * head, router/gating GEMM, norms and core attention (DeepSeek-V3 TR §3.3, "Mixed precision framework").
 */
export type PrecisionClass = 'fp8-capable' | 'bf16-only';

/**
 * Groups of forward work that a selective recomputation may re-run before the backward pass
 * (the names follow Megatron-Core `recompute_modules`): `core-attn` = QK^T·softmax·PV,
 * `norm` = every RMSNorm/LayerNorm, `mla-up-proj` = the MLA up-projections (wq_b, wkv_b),
 * `moe-act` = the SwiGLU/GELU between the two expert GEMMs.
 */
export type RecomputeModule = 'core-attn' | 'norm' | 'mla-up-proj' | 'moe-act';

/** The per-GPU work of one micro-batch, as the layout and the recipe shape it. */
/**
 * The attention kernel a stack runs:
 * - `native`: the chip's own best fused kernel (cuDNN fused attention / Transformer Engine,
 *   FlashAttention-3 on Hopper; FlashAttention-2 is Ampere's best);
 * - `flash-attention-2`: FlashAttention-2 kernels (the `flash-attn` 2.x package, PyTorch SDPA's
 *   flash backend), written for Ampere's mma.sync: on Hopper they reach 35 % of the BF16 peak where
 *   FlashAttention-3 reaches 75 % (Shah et al. 2024, abstract).
 */
export type AttentionKernel = 'native' | 'flash-attention-2';

export interface ComputeShape {
  /** Sequences per micro-batch. */
  readonly microBatch: number;
  /** Tokens per sequence. */
  readonly seqLen: number;
  /** Tensor-parallel degree (splits heads and FFN width). */
  readonly tp: number;
  /** Context-parallel degree (splits the sequence). */
  readonly cp: number;
  /** Megatron sequence parallelism: norms, residual adds and the router run on 1/tp of the tokens. */
  readonly sp: boolean;
  /** Expert-parallel degree (experts per GPU = experts / ep). */
  readonly ep: number;
  /** Tensor parallelism inside each expert (splits the expert FFN width). */
  readonly etp: number;
  /** GEMM precision recipe of the run. */
  readonly precision: Precision;
  /** Routed tokens of the busiest GPU over the mean (1 = perfectly balanced routing). Default 1. */
  readonly tokensPerExpertImbalance?: number;
  /** Activation recomputation. Default 'none'. */
  readonly recompute?: Recompute;
  /** What a 'selective' recomputation re-runs. Default: `defaultSelectiveModules(precision)`. */
  readonly recomputeModules?: readonly RecomputeModule[];
  /**
   * How 'selective' chooses: `modules` (the list above, Megatron) or `torch-op-sac` (PyTorch op-level
   * selective checkpointing as torchtitan configures it). Default `modules`.
   */
  readonly selectivePolicy?: 'modules' | 'torch-op-sac';
  /** How the recipe scales its GEMM inputs (`precision-scaling.ts`). Default: the precision's own (fp8: tensorwise). */
  readonly precisionScaling?: PrecisionScaling;
  /** HBM traffic of element-wise ops relative to fused kernels (framework profile). Default 1. */
  readonly elementwiseTrafficFactor?: number;
  /** Mean document length of packed sequences with per-document attention [tokens]. Default: seqLen. */
  readonly documentTokens?: number;
  /** The flash-attention kernel the stack runs (framework profile). Default 'native'. */
  readonly attentionKernel?: AttentionKernel;
  /**
   * Share of the SMs given to computation, the rest running communication kernels
   * (DeepSeek-V3: 112 of 132 on H800, TR §3.2.2). Scales the tensor-core peak. Default 1.
   */
  readonly computeSmFraction?: number;
}

interface OpBase {
  /** Short stable name, e.g. `mlp.up`, `attn.core`, `moe.permute`. */
  readonly name: string;
  /** Part of the routed-expert path (router, permutation, grouped GEMMs, expert activation, combine). */
  readonly moe: boolean;
  /** Which selective-recompute group re-runs this op, or null. */
  readonly recomputeModule: RecomputeModule | null;
}

/** C[m×n] = A[m×k]·B[k×n], repeated `count` times (count > 1: one grouped GEMM over local experts). */
export interface GemmOp extends OpBase {
  readonly kind: 'gemm';
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly count: number;
  readonly precisionClass: PrecisionClass;
}

/** Fused (flash) attention core of one GPU: QK^T and PV over `heads` local heads. */
export interface AttentionOp extends OpBase {
  readonly kind: 'attention';
  /** Forward FLOPs of the kernel [FLOP], causal mask already applied. */
  readonly flops: number;
  /** HBM bytes read + written by the forward kernel [bytes]. */
  readonly bytes: number;
}

/** Memory-bound work (norms, activations, residual adds, RoPE, casts, permutations) [bytes]. */
export interface ElementwiseOp extends OpBase {
  readonly kind: 'elementwise';
  /** HBM bytes read + written in the forward pass [bytes]. */
  readonly bytes: number;
  /**
   * One large kernel streaming whole tensors (the recipe's quantisation kernels): runs at streaming
   * HBM bandwidth rather than the device's element-wise efficiency, which is measured over many
   * small, launch-bound kernels. Default false.
   */
  readonly streaming?: boolean;
  /**
   * Backward-pass bytes over forward bytes; default 2 (`BACKWARD_MULTIPLIERS.elementwise`: read the
   * saved input and the output gradient, write the input gradient). A token permutation's backward
   * is the inverse permutation of the gradient rows: 1.
   */
  readonly backwardBytesRatio?: number;
}

export type ComputeOp = GemmOp | AttentionOp | ElementwiseOp;

/** Time of one micro-batch on one GPU, by pass, with FLOPs and a split by kind of work. */
export interface ComputeEstimate {
  /** Forward pass [s]. */
  readonly forwardSeconds: number;
  /** Backward for inputs (dgrad, attention backward, element-wise backward) [s]. */
  readonly backwardInputSeconds: number;
  /** Backward for weights (wgrad GEMMs) [s]. */
  readonly backwardWeightSeconds: number;
  /** Forward work re-run before the backward pass [s]; add it to the backward pass. */
  readonly recomputeSeconds: number;
  /** GEMM + attention FLOPs (element-wise work not counted) [FLOP]. */
  readonly flops: {
    readonly forward: number;
    /** Backward input + backward weight. */
    readonly backward: number;
    readonly recompute: number;
  };
  /**
   * Seconds over all passes (forward + backward + recompute) by kind of work: `gemm` = dense linears
   * (attention projections, dense FFN, shared experts, heads), `attention` = attention core,
   * `elementwise` = memory-bound ops outside the routed-expert path, `moe` = the routed-expert path.
   */
  readonly byKind: {
    readonly gemm: number;
    readonly attention: number;
    readonly elementwise: number;
    readonly moe: number;
  };
}
