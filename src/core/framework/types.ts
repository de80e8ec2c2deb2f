/**
 * A training framework's profile: which communication overlaps which computation, what that
 * overlap costs the GEMMs sharing the GPU, what "selective" recomputation means in the stack, the
 * gradient-reduction recipe and how its element-wise kernels are fused. One file per framework in
 * this folder, each entry with its source; `registry.ts` lists them.
 */

import type { AttentionKernel } from '../compute/types.js';

/** Which communication hides behind computation, as fractions in [0, 1] (1 = fully hidden when shorter). */
export interface OverlapAssumptions {
  /**
   * Data-parallel gradient reduce-scatter / all-reduce, bucketed and overlapped with the backward
   * of the last micro-batch on each rank (Megatron `--overlap-grad-reduce`, PyTorch DDP buckets,
   * FSDP2 per-layer reduce-scatter).
   */
  readonly dpGradReduce: boolean;
  /** ZeRO-1/2 parameter all-gather after the optimizer overlapped with the next forward (`--overlap-param-gather`). */
  readonly dpParamGather: boolean;
  /** ZeRO-3 / FSDP per-layer parameter all-gathers prefetched under the previous layer's compute. */
  readonly fsdpPrefetch: boolean;
  /**
   * Tensor-parallel collectives overlapped with the GEMMs of the same pass (Megatron-Core
   * `--tp-comm-overlap` userbuffers, torchtitan async TP): the fraction of a pass's GEMM time that
   * can hide them. 0 = exposed; 1 = exposed only by what exceeds the GEMMs it overlaps.
   */
  readonly tpFraction: number;
  /**
   * Fraction of MoE all-to-all hidden under computation by schedules without paired chunks.
   * DualPipe / DualPipeV hide it by pairing (the simulator decides); others use this fraction.
   */
  readonly epFraction: number;
  /** Context-parallel ring exchanges overlapped with the blockwise attention they feed. */
  readonly cpRing: boolean;
}

/**
 * What a 'selective' recomputation re-runs:
 * - `attention-core`: QKᵀ·softmax·V only (Korthikanti et al. 2022 §4.2; Megatron-Core
 *   `recompute_modules = ["core_attn"]`; DeepSeek-style fp8-block recipes recompute norms, MLA
 *   up-projections and the MoE SwiGLU instead, TR §3.2.3);
 * - `torch-op-sac`: PyTorch op-level selective checkpointing as torchtitan configures it
 *   (`selective_ac_option = "op"`): the outputs of every second matrix product and of the attention
 *   kernel are saved, every other op (the other half of the matmuls, every pointwise op) is re-run.
 */
export type SelectiveRecompute = 'attention-core' | 'torch-op-sac';

/** Tensor-parallel all-gathers that move FP8 under a per-tensor FP8 recipe (`FrameworkProfile.tpGatherInFp8`). */
export type TpFp8Gather = 'none' | 'forward' | 'all';

/** Data type of the gradient data-parallel reduction. */
export type GradReduceDtype = 'fp32' | 'bf16';

/**
 * What the gradients sharded by ZeRO (zero ≥ 1) are accumulated in: the precision recipe's bytes
 * (`memory/precision.ts`: FP32 main grads), or the parameters' own 16-bit dtype beside FP32 master
 * weights (`param`; the optimizer step then makes an FP32 copy per optimizer group).
 */
export type GradAccumDtype = 'recipe' | 'param';

/**
 * What the optimizer steps: the precision recipe's FP32 master weights and moments (`master`,
 * mixed precision: `memory/precision.ts`), or the parameters in their own 16-bit dtype with moments
 * and gradients of that dtype and no master copy (`param`, pure BF16 training).
 */
export type OptimizerDtype = 'master' | 'param';

export interface FrameworkProfile {
  readonly id: string;
  readonly name: string;
  readonly overlap: OverlapAssumptions;
  /**
   * Share of compute throughput lost while the stack's overlapped TP or CP transfer runs beside it,
   * in [0, 1): the overlap kernels occupy SMs and HBM bandwidth (paid on the hidden part only,
   * `step/overlap-cost.ts`). Data-parallel collectives (DP tail, ZeRO-3 / FSDP) are NCCL kernels
   * whatever the stack, priced by their SM share (`step/options.ts` `collectiveGemmSlowdown`).
   */
  readonly overlapGemmSlowdown: number;
  readonly selectiveRecompute: SelectiveRecompute;
  readonly gradReduceDtype: GradReduceDtype;
  readonly gradAccumDtype: GradAccumDtype;
  readonly optimizerDtype: OptimizerDtype;
  /**
   * Parameters per gradient bucket: the last bucket's reduction starts after the last backward
   * op, so at least its reduction is exposed [parameters].
   */
  readonly gradBucketParams: number;
  /**
   * HBM traffic of the stack's element-wise work relative to fused kernels (1 = fused: Transformer
   * Engine / Apex kernels, torch.compile, XLA). Eager PyTorch runs norms, activations and RoPE as
   * chains of unfused kernels, each reading and writing the whole tensor.
   */
  readonly elementwiseTrafficFactor: number;
  /** The flash-attention kernel the stack's attention calls (`compute/types.ts` AttentionKernel). */
  readonly attentionKernel: AttentionKernel;
  /**
   * Which tensor-parallel all-gathers a per-tensor FP8 recipe runs in FP8 because the stack
   * quantises the gathered tensor first (`step/layer-comm.ts` `tpAllReduceEquivalents`):
   * `forward`, the GEMM inputs gathered in the forward (and recomputed forward); `all`, also the
   * output gradients gathered in the backward; `none`. Reduce-scatters stay BF16.
   */
  readonly tpGatherInFp8: TpFp8Gather;
  /**
   * With sequence parallelism the column-parallel linears keep only their sequence-sharded input
   * and all-gather it again in the backward for the weight gradient (one more all-gather per
   * column-parallel GEMM input, overlapped with the input-gradient GEMM); false where autograd
   * keeps the gathered input (`step/layer-comm.ts` `tpAllReduceEquivalents`).
   */
  readonly spBackwardRegather: boolean;
  /** Where each entry comes from, keyed by entry name. */
  readonly sources: Readonly<Record<string, string>>;
}
