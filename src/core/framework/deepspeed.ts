/**
 * DeepSpeed ZeRO (Rajbhandari et al. 2020) with HF-transformers or Megatron-DeepSpeed models:
 * ZeRO-1/2 gradient reduction bucketed and overlapped with the backward (`overlap_comm`), ZeRO-3
 * parameter prefetch, no TP communication overlap (Megatron-DeepSpeed inherits Megatron-LM's
 * synchronous TP). Models run in eager PyTorch (unfused element-wise kernels).
 */
import type { FrameworkProfile } from './types.js';

/** DeepSpeed `reduce_bucket_size` default 5e8 elements. */
const REDUCE_BUCKET_ELEMENTS = 5e8;

export const DEEPSPEED: FrameworkProfile = {
  id: 'deepspeed',
  name: 'DeepSpeed (ZeRO)',
  overlap: { dpGradReduce: true, dpParamGather: false, fsdpPrefetch: true, tpFraction: 0, epFraction: 0, cpRing: false },
  overlapGemmSlowdown: 0,
  selectiveRecompute: 'attention-core',
  gradReduceDtype: 'fp32',
  optimizerDtype: 'master',
  gradAccumDtype: 'param',
  gradBucketParams: REDUCE_BUCKET_ELEMENTS,
  elementwiseTrafficFactor: 3,
  attentionKernel: 'flash-attention-2',
  tpGatherInFp8: 'none',
  spBackwardRegather: false,
  sources: {
    spBackwardRegather:
      'no Megatron sequence parallelism',
    tpGatherInFp8: 'no FP8 tensor-parallel gather in Megatron-DeepSpeed or HF models under DeepSpeed: BF16',
    overlap:
      'DeepSpeed ZeRO config: overlap_comm (reduce during backward; default true for ZeRO-3), '
      + 'stage3_prefetch_bucket_size; the ZeRO-1/2 parameter all-gather runs after the optimizer step',
    selectiveRecompute: 'Megatron-DeepSpeed inherits Megatron-LM `--recompute-activations` (attention core)',
    gradReduceDtype: 'DeepSpeed reduces FP32 gradients by default (communication_data_type = fp32 with BF16)',
    optimizerDtype: 'DeepSpeed ZeRO BF16/FP16: FP32 master partitions and Adam moments (bf16_optimizer / fp16 stage_1_and_2)',
    gradAccumDtype: 'DeepSpeedEngine.get_data_types: grad_accum_dtype = the model dtype under ZeRO unless data_types.grad_accum_dtype is set (ZeRO-1/2 grads_in_partition, ZeRO-3 grad_partitions_flat_buffer); the step converts one optimizer group (ZeRO-3: a sub_group_size sub-group) to FP32',
    gradBucketParams: 'DeepSpeed ZeRO reduce_bucket_size default 5e8 elements',
    elementwiseTrafficFactor: 'eager PyTorch: see torchtitan.ts (same unfused op chains)',
    attentionKernel: 'HF transformers attn_implementation "flash_attention_2" (the flash-attn 2.x package) or "sdpa" (PyTorch\'s flash backend, FlashAttention-2 kernels)',
  },
};
