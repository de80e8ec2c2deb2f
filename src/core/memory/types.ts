/** Inputs and outputs of the memory model. All sizes in bytes. */
import type { RecomputeModule } from '../compute/types.js';
import type { BufferAssumptions, BufferBreakdown } from './buffers.js';
import type { GradientLifetime } from './gradient-lifetime.js';
import type { LossKernel } from './loss-kernel.js';
import type { OptimizerImplementation } from './optimizer-step.js';
import type { ZeroBuckets } from './zero-buckets.js';

/**
 * The one "fits" policy of every command (memory, estimate, report, plan, compare, bottlenecks): a
 * layout fits when its peak leaves this share of HBM free. 0: the peak already counts allocator
 * fragmentation and the CUDA/NCCL reserve (buffers.ts), so a further margin would count them twice
 * (a 10 % one would refuse DeepSeek-V3's production layout, 73.3 of 80 GiB). `plan --headroom` asks for one.
 */
export const FIT_HEADROOM_FRACTION = 0;

/** Choices of the training code that change memory but are not part of the layout. */
export interface EstimateMemoryOptions {
  /** Flash attention: no s² score tensors, a FP32 log-sum-exp per head and token. Default true. */
  readonly flashAttention?: boolean;
  /** Element-wise chains run as eager PyTorch ops and save their intermediates (`layer-tensors.ts` pushEagerPointwiseTensors). Default false (fused kernels, or torch.compile). */
  readonly eagerElementwise?: boolean;
  /** Dropout on attention probabilities, attention and MLP outputs and the embedding (GPT-3, Megatron GPT defaults). Default false (Llama 3, DeepSeek-V3). */
  readonly dropout?: boolean;
  /** Modules a selective recomputation re-runs. Default `defaultSelectiveModules(precision)` (compute folder). */
  readonly recomputeModules?: readonly RecomputeModule[];
  /** `torch-op-sac`: selective = PyTorch op-level checkpointing (torchtitan `selective_ac_option = "op"`). Default: the scenario's framework profile (`training.framework`). */
  readonly selectivePolicy?: 'modules' | 'torch-op-sac';
  /** The FP8/FP4 cast of each GEMM weight is kept for the step (Transformer Engine). Default true. */
  readonly fp8WeightCache?: boolean;
  /**
   * The low-precision GEMM weight keeps a columnwise (transposed) copy beside the rowwise one, for the
   * backward's data-gradient GEMM (`precision.ts` `withColumnwiseWeightCopy`: Transformer Engine on
   * Hopper). Default false (one copy, the recipe as published).
   */
  readonly fp8ColumnwiseWeightCopy?: boolean;
  /**
   * Optimizer states in the parameters' own 16-bit dtype: no FP32 master, 16-bit gradients and Adam
   * moments (torch AdamW on bf16 parameters: torchtune "bf16", HF Trainer on bf16-loaded weights;
   * PyTorch AdamW allocates its states `zeros_like(param)`). Default false: the precision recipe's
   * mixed precision (`precision.ts`).
   */
  readonly optimizerOnParamDtype?: boolean;
  /**
   * Gradients accumulated in the parameters' 16-bit dtype while the master weights and moments stay
   * FP32 (DeepSpeed under ZeRO: `DeepSpeedEngine.get_data_types` takes `grad_accum_dtype` = the model
   * dtype unless `data_types.grad_accum_dtype` says fp32; ZeRO-1/2 `grads_in_partition` and ZeRO-3
   * `grad_partitions_flat_buffer` are allocated in it). The optimizer step then makes an FP32 copy
   * of the gradient partition (`optimizer-step.ts`). Default: with ZeRO ≥ 1, the scenario's
   * framework profile (`gradAccumDtype`: DeepSpeed `param`), else the recipe's gradient bytes.
   */
  readonly gradientOnParamDtype?: boolean;
  /** Adam m + v [bytes/param], overriding the recipe (Megatron `--use-precision-aware-optimizer` with bf16 `exp_avg`/`exp_avg_sq`: 4). */
  readonly momentBytes?: number;
  /** How long gradients stay resident (`gradient-lifetime.ts`). Default `step`. */
  readonly gradientLifetime?: GradientLifetime;
  /** How the optimizer update runs (`optimizer-step.ts`): `foreach` holds one moment-sized temporary during the step. Default `fused`. */
  readonly optimizerImplementation?: OptimizerImplementation;
  /** The language-model loss kernel (`loss-kernel.ts`). Default `eager`. */
  readonly lossKernel?: LossKernel;
  /**
   * Bytes per logit of the model output a pipeline runtime keeps on the last stage for every
   * micro-batch of the step (with pp > 1). PyTorch `torch.distributed.pipelining` appends each
   * micro-batch's output to `_PipelineStageBase.output_chunks` and `step()` returns them merged
   * (`_merge_outputs`), so the last stage holds m outputs until the step ends; torchtitan's Llama
   * returns FP32 logits (`self.output(h).float()`): 4. Default 0 (Megatron-Core's schedules keep
   * only the losses).
   */
  readonly retainedOutputBytesPerLogit?: number;
  /**
   * Bytes per logit of the model output the training loop holds through the micro-batch's backward
   * on the rank with the head. A loop that keeps the model's return value while it calls backward
   * (`outputs = model(**batch); loss = outputs.loss; engine.backward(loss)`, DeepSpeed-Chat's
   * training loop) keeps its logits alive; transformers' Llama before 4.46 returns them upcast to
   * FP32 (`logits = logits.float()`): 4. The HF Trainer's `compute_loss` returns only the loss and
   * torchtitan deletes its prediction before the backward: 0. Default 0. With pp > 1 the larger of
   * this and the pipeline runtime's retained outputs counts.
   */
  readonly heldOutputBytesPerLogit?: number;
  /** DeepSpeed ZeRO buckets (`zero-buckets.ts`) instead of FSDP's per-layer units. Default none. */
  readonly zeroBuckets?: ZeroBuckets;
  /** Layers per model stage, overriding the even split (`layout/stages.ts`). */
  readonly stageLayers?: readonly number[];
  /** Routed copies on the busiest GPU relative to uniform routing, ≥ 1. Default 1. */
  readonly expertLoadFactor?: number;
  /** Overrides of the named buffer assumptions (`buffers.ts`). */
  readonly buffers?: Partial<BufferAssumptions>;
  /** Share of HBM a fitting layout leaves free. Default FIT_HEADROOM_FRACTION (0). */
  readonly headroomFraction?: number;
  /** Search `maxMicroBatchThatFits` (one peak evaluation per candidate). Default true. */
  readonly searchMicroBatch?: boolean;
}

/** Memory of one GPU of one pipeline rank. */
export interface StageMemory {
  /** Pipeline rank. */
  readonly stage: number;
  /** Model stages this rank holds (two under DualPipe, DualPipeV and per chunk under interleaving). */
  readonly modelStages: readonly number[];
  /** Transformer layers over all its chunks (both model copies under DualPipe). */
  readonly layers: number;
  readonly hasEmbedding: boolean;
  readonly hasOutputHead: boolean;
  readonly hasMtp: boolean;
  readonly weightsBytes: number;
  /** Gradients resident at the peak: all of them unless `gradientLifetime` frees them earlier (`gradient-lifetime.ts`). */
  readonly gradsBytes: number;
  readonly optimizerBytes: number;
  /** Stored activations of the micro-batches in flight, plus the output layer's for one. */
  readonly activationsBytes: number;
  /** Micro-batches in flight, as a multiple of one micro-batch through all of the rank's layers. */
  readonly inFlightMicroBatches: number;
  readonly buffersBytes: number;
  readonly buffers: BufferBreakdown;
  readonly totalBytes: number;
  /** The accelerator's HBM. */
  readonly capacityBytes: number;
  /** capacity − total; negative when over the HBM. */
  readonly headroomBytes: number;
  /** total ≤ (1 − headroomFraction) · capacity. */
  readonly fits: boolean;
}

export interface MemoryEstimate {
  /** One entry per pipeline rank. */
  readonly stages: readonly StageMemory[];
  readonly peakBytesPerGpu: number;
  /** Pipeline rank with the peak. */
  readonly peakStage: number;
  readonly capacityBytes: number;
  /** Share of HBM kept free by the fit policy (FIT_HEADROOM_FRACTION unless given). */
  readonly headroomFraction: number;
  /** (1 − headroomFraction) · capacity: what a fitting peak may use. */
  readonly usableBytes: number;
  /** peak ≤ usableBytes. */
  readonly fits: boolean;
  /** max(0, peak − usable). */
  readonly overByBytes: number;
  /** Largest micro-batch (dividing globalBatch/dp, accepted by the schedule) whose peak fits; null if none or not searched. */
  readonly maxMicroBatchThatFits: number | null;
}
