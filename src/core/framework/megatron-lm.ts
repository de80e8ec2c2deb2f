/**
 * Megatron-LM 2021–22 (Narayanan et al. 2021; Korthikanti et al. 2022), before Megatron-Core: no
 * TP communication overlap, gradient all-reduce after the backward (the overlapped, bucketed
 * reduction arrived with the distributed optimizer's `--overlap-grad-reduce` in 2023), fused
 * kernels from Apex / Megatron's own CUDA extensions.
 */
import type { FrameworkProfile } from './types.js';

export const MEGATRON_LM: FrameworkProfile = {
  id: 'megatron-lm',
  name: 'Megatron-LM (2021–22)',
  overlap: { dpGradReduce: false, dpParamGather: false, fsdpPrefetch: false, tpFraction: 0, epFraction: 0, cpRing: false },
  overlapGemmSlowdown: 0,
  selectiveRecompute: 'attention-core',
  gradReduceDtype: 'fp32',
  optimizerDtype: 'master',
  gradAccumDtype: 'recipe',
  gradBucketParams: 40e6,
  elementwiseTrafficFactor: 1,
  attentionKernel: 'native',
  tpGatherInFp8: 'none',
  spBackwardRegather: true,
  sources: {
    spBackwardRegather:
      'Megatron-LM tensor_parallel LinearWithGradAccumulationAndAsyncCommunication.backward: with sequence parallelism the input is all-gathered again, overlapped with the dgrad GEMM (Korthikanti et al. 2022)',
    tpGatherInFp8: 'Megatron-LM 2021–22 ran BF16/FP16 on Ampere (no FP8)',
    overlap:
      'Narayanan et al. 2021 (SC21) §4: TP all-reduces on the critical path, data-parallel all-reduce after the '
      + 'pipeline flush; Megatron-LM v2.x/v3.0 had no tp-comm-overlap or overlap-grad-reduce flags',
    selectiveRecompute: 'Korthikanti et al. 2022 §4.2 (selective activation recomputation of the attention core)',
    gradReduceDtype: 'Megatron-LM `--accumulate-allreduce-grads-in-fp32` (FP32 main grads with BF16)',
    optimizerDtype: 'Megatron-LM mixed precision: FP32 master weights and Adam moments (Float16OptimizerWithFloat16Params)',
    gradAccumDtype: 'Megatron-LM FP32 `main_grad` (`--accumulate-allreduce-grads-in-fp32`)',
    gradBucketParams: 'unused: no overlap (the whole reduction is exposed)',
    attentionKernel: 'the chip\'s prior (Megatron-LM 2021–22 ran on Ampere, where no faster fused kernel existed)',
    elementwiseTrafficFactor: 'fused bias-GeLU, scaled masked softmax and layer-norm CUDA kernels (Megatron-LM fused_kernels/, Apex)',
  },
};
