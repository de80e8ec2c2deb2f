/**
 * MaxText on JAX/XLA (also the Pax / T5X family): XLA's latency-hiding scheduler overlaps FSDP
 * all-gathers and gradient reduce-scatters with compute; tensor-parallel collective matmuls are
 * an opt-in XLA flag; XLA fuses element-wise chains.
 */
import type { FrameworkProfile } from './types.js';

export const MAXTEXT: FrameworkProfile = {
  id: 'maxtext',
  name: 'MaxText / JAX (XLA)',
  overlap: { dpGradReduce: true, dpParamGather: true, fsdpPrefetch: true, tpFraction: 0, epFraction: 0, cpRing: true },
  overlapGemmSlowdown: 0.1,
  selectiveRecompute: 'attention-core',
  gradReduceDtype: 'fp32',
  optimizerDtype: 'master',
  gradAccumDtype: 'recipe',
  gradBucketParams: 0,
  elementwiseTrafficFactor: 1,
  attentionKernel: 'native',
  tpGatherInFp8: 'none',
  spBackwardRegather: false,
  sources: {
    spBackwardRegather:
      'XLA keeps the gathered operand; no re-gather documented',
    tpGatherInFp8: 'no FP8 all-gather of GEMM inputs documented for the stack: BF16 assumed',
    overlap:
      'XLA latency-hiding scheduler (`xla_gpu_enable_latency_hiding_scheduler`) overlaps async all-gather / '
      + 'reduce-scatter; collective matmul for TP is opt-in (MaxText GPU performance guide)',
    overlapGemmSlowdown: 'prior (as Megatron-Core)',
    selectiveRecompute: 'MaxText remat_policy between "minimal" and "full"; the attention-core convention is used',
    gradReduceDtype: 'FP32 gradients (MaxText default weight_dtype float32)',
    optimizerDtype: 'MaxText weight_dtype float32: FP32 weights and optax Adam moments',
    gradAccumDtype: 'FP32 gradients of FP32 weights (MaxText default weight_dtype float32)',
    gradBucketParams: 'XLA schedules one reduce-scatter per layer (scan over layers); the last layer is exposed',
    elementwiseTrafficFactor: 'XLA operator fusion',
    attentionKernel: 'MaxText Pallas splash / cuDNN flash attention (attention = "cudnn_flash_te" on GPUs)',
  },
};
