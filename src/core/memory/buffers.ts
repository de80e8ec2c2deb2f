/**
 * Memory besides states and stored activations: communication buffers, the largest temporaries,
 * allocator fragmentation and the runtime's own reserve. Each is a named assumption:
 *
 * | name | default | what it stands for | where it comes from |
 * |---|---|---|---|
 * | `fragmentationFraction` | 0.10 | caching-allocator blocks reserved but not allocated, as a fraction of allocated bytes | PyTorch caching allocator: reserved/allocated peaks of 1.05–1.2 are typical of training (PyTorch memory docs; ZeRO-R §4.3 names fragmentation as what limits the largest batch); fixed at 0.10 before comparing with torchtitan (README, validation) |
 * | `runtimeReserveBytes` | 1 GiB | CUDA context and kernel images (~0.5 GiB on Hopper with lazy loading) and NCCL communicator buffers (~0.5 GiB for 3–4 communicators); outside the caching allocator | CUDA and NCCL documentation (NCCL_BUFFSIZE 4 MiB per channel and peer) |
 * | `lossTemporaryBytesPerLogit` | 8 | in the loss backward, the FP32 gradients of the log-probabilities and of the logits next to the saved FP32 log-probs (counted as activations) | eager PyTorch `cross_entropy` on FP32-upcast logits; Megatron's fused vocabulary-parallel loss needs less (conservative) |
 * | `fsdpPrefetchUnits` | 2 | ZeRO-3/FSDP gathers the unit it runs and prefetches the next (16-bit; the largest unit, which may be the embedding or the head, beside a layer); ZeRO-2/3 also hold one unit's unsharded gradient and its FP32 reduce-scatter copy | FSDP2 default forward/backward prefetch of one unit |
 * | `backwardGradientCopies` | 2 | a layer's backward holds gradients about twice its largest saved tensor (gradient in and out of the largest op) | `activations.ts` |
 *
 * Communication buffers counted: ZeRO-3 gathered units and the ZeRO-2/3 gradient unit (without
 * pipelining, see `states.ts`); MoE dispatch/combine buffers (2 × routed copies × h, 16-bit, also
 * the local permutation at ep = 1); pipeline send/receive
 * buffers (4 × tokens × h / sp, activation and gradient each way); the sequence-parallel all-gather
 * of one Linear input (tokens × h). Gradient buckets are views into the gradient buffer (Megatron-Core
 * DDP, PyTorch DDP `gradient_as_bucket_view`), so they add nothing.
 *
 * Temporaries: the loss temporaries (ranks with the head), a layer's backward working set
 * (`LayerActivation.workingBytes`) and the optimizer step's bytes beyond the backward phase
 * (`optimizer-step.ts`) do not run at the same time; the largest counts.
 */
import { ACTIVATION_BYTES } from './precision.js';
import { zeroGatherBytes, zeroReduceBytes, type ZeroBuckets } from './zero-buckets.js';

/** Named assumptions of the non-state, non-activation memory. */
export interface BufferAssumptions {
  readonly fragmentationFraction: number;
  readonly runtimeReserveBytes: number;
  readonly lossTemporaryBytesPerLogit: number;
  readonly fsdpPrefetchUnits: number;
}

const GIB = 1024 ** 3;

export const DEFAULT_BUFFER_ASSUMPTIONS: BufferAssumptions = {
  fragmentationFraction: 0.1,
  runtimeReserveBytes: 1 * GIB,
  lossTemporaryBytesPerLogit: 8,
  fsdpPrefetchUnits: 2,
};

/** Buffers of one GPU [bytes]. */
export interface BufferBreakdown {
  /** FSDP gathered units, all-to-all, pipeline and sequence-parallel buffers. */
  readonly commBytes: number;
  /** The larger of the loss temporaries and a layer's backward working set. */
  readonly tempBytes: number;
  /** fragmentationFraction × (states + activations + comm + temp). */
  readonly fragmentationBytes: number;
  /** CUDA context and NCCL, outside the caching allocator. */
  readonly runtimeReserveBytes: number;
}

/** What the buffer estimate needs about one GPU. */
export interface BufferInputs {
  /** Tokens of one micro-batch on the GPU before sequence-parallel splitting. */
  readonly tokens: number;
  readonly hidden: number;
  readonly vocab: number;
  readonly tp: number;
  readonly sequenceParallel: boolean;
  readonly pp: number;
  /** Routed copies per micro-batch on the GPU (0 without MoE layers). */
  readonly routedCopies: number;
  /** Unit gathered at a time under ZeRO-3 [params]; 0 when weights are not sharded or the shard group is 1. */
  readonly gatherUnitParams: number;
  /** The unit prefetched beside it under ZeRO-3: a layer, the neighbour of every unit [params]. */
  readonly prefetchUnitParams: number;
  /** Unit whose gradients are reduce-scattered at a time under ZeRO-2/3 [params]; 0 when gradients are not sharded. */
  readonly gradUnitParams: number;
  readonly weightBytes: number;
  readonly gradBytes: number;
  readonly hasOutputHead: boolean;
  /** DeepSpeed's buckets, when the run uses DeepSpeed (`zero-buckets.ts`); null: FSDP per-layer units. */
  readonly zeroBuckets: ZeroBuckets | null;
  /** The largest single module (a Linear, the embedding or the head) on the GPU [params]. */
  readonly largestModuleParams: number;
  /** Largest backward working set of the layers the GPU holds [bytes]. */
  readonly layerWorkingBytes: number;
}

/** Communication buffers of one GPU [bytes]. */
export function commBufferBytes(x: BufferInputs, a: BufferAssumptions): number {
  const seq = x.sequenceParallel ? x.tp : 1;
  // ZeRO-3: prefetched weight units; ZeRO-2/3: one unit's unsharded gradient and its FP32 reduce copy.
  const b = x.zeroBuckets;
  // FSDP holds the unit it runs and prefetches the next ones; a unit's neighbours are layers (the
  // embedding's next and the head's previous are layers too), so the largest unit runs beside layers.
  const fsdpGathered = x.gatherUnitParams + (a.fsdpPrefetchUnits - 1) * Math.min(x.prefetchUnitParams, x.gatherUnitParams);
  const gathered = x.gatherUnitParams === 0 ? 0 : b === null ? fsdpGathered * x.weightBytes : zeroGatherBytes(b, x.largestModuleParams, x.weightBytes);
  const reduced = x.gradUnitParams === 0 ? 0 : b === null ? x.gradUnitParams * (x.weightBytes + x.gradBytes) : zeroReduceBytes(b, x.weightBytes, x.gatherUnitParams > 0);
  // Dispatch and combine: the permuted copies leave and return through buffers of copies × h
  // (the local permutation needs them at ep = 1 too).
  const allToAll = 2 * x.routedCopies * x.hidden * ACTIVATION_BYTES;
  const pipeline = x.pp > 1 ? (4 * x.tokens * x.hidden * ACTIVATION_BYTES) / seq : 0;
  const sequenceGather = x.sequenceParallel && x.tp > 1 ? x.tokens * x.hidden * ACTIVATION_BYTES : 0;
  return gathered + reduced + allToAll + pipeline + sequenceGather;
}

/** Largest temporary of one GPU [bytes]: loss temporaries or a layer's backward working set. */
export function tempBufferBytes(x: BufferInputs, a: BufferAssumptions): number {
  const loss = x.hasOutputHead ? (x.tokens * x.vocab * a.lossTemporaryBytesPerLogit) / x.tp : 0;
  return Math.max(loss, x.layerWorkingBytes);
}

/**
 * All buffers of one GPU, given its allocated states and activations and what the optimizer step
 * needs beyond the backward phase (`optimizer-step.ts`; ≤ 0: nothing) [bytes].
 */
export function estimateBuffers(x: BufferInputs, a: BufferAssumptions, statesAndActivationsBytes: number, stepExtraBytes = 0): BufferBreakdown {
  const commBytes = commBufferBytes(x, a);
  const tempBytes = Math.max(tempBufferBytes(x, a), stepExtraBytes);
  const fragmentationBytes = a.fragmentationFraction * (statesAndActivationsBytes + commBytes + tempBytes);
  return { commBytes, tempBytes, fragmentationBytes, runtimeReserveBytes: a.runtimeReserveBytes };
}

/** Sum of a breakdown [bytes]. */
export function totalBufferBytes(b: BufferBreakdown): number {
  return b.commBytes + b.tempBytes + b.fragmentationBytes + b.runtimeReserveBytes;
}
