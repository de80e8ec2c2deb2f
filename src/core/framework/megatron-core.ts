/**
 * Megatron-Core as NVIDIA's performance recipes run it (NeMo 2, Megatron-Bridge): TP communication
 * overlapped with the GEMMs (Transformer Engine userbuffers), DP gradient reduce-scatter and
 * parameter all-gather overlapped (distributed optimizer), context-parallel ring overlapped with
 * the attention blocks. The reference stack of the calibration.
 */
import type { FrameworkProfile } from './types.js';

/** Megatron-Core `DistributedDataParallelConfig.bucket_size` default: max(40M, 1M·dp) parameters; 40M taken. */
const MEGATRON_BUCKET_PARAMS = 40e6;

export const MEGATRON_CORE: FrameworkProfile = {
  id: 'megatron-core',
  name: 'Megatron-Core / NeMo / Megatron-Bridge',
  overlap: { dpGradReduce: true, dpParamGather: true, fsdpPrefetch: true, tpFraction: 1, epFraction: 0, cpRing: true },
  overlapGemmSlowdown: 0.1,
  selectiveRecompute: 'attention-core',
  gradReduceDtype: 'fp32',
  optimizerDtype: 'master',
  gradAccumDtype: 'recipe',
  gradBucketParams: MEGATRON_BUCKET_PARAMS,
  elementwiseTrafficFactor: 1,
  attentionKernel: 'native',
  tpGatherInFp8: 'all',
  spBackwardRegather: true,
  sources: {
    spBackwardRegather:
      'Megatron-Core / Transformer Engine with sequence parallelism save the sequence-sharded input and all-gather it again in the backward for wgrad (TE userbuffers bulk overlaps qkv_dgrad, fc1_dgrad; Megatron LinearWithGradAccumulationAndAsyncCommunication.backward)',
    overlap:
      'NeMo / Megatron-Bridge performance recipes set tp_comm_overlap, overlap_grad_reduce, overlap_param_gather '
      + '(Megatron-Core distributed optimizer docs; NeMo "Communication overlap" guide); CP ring overlapped in '
      + 'Megatron-Core attention (Megatron-Core context_parallel docs). EP all-to-all not overlapped without '
      + 'paired schedules (Megatron-Core MoE README: EP A2A overlap needs the interleaved 1F1B A2A-overlap option).',
    overlapGemmSlowdown:
      'prior: userbuffers ring-exchange / bulk overlaps run on a few SMs and copy engines beside the GEMM '
      + '(Transformer Engine userbuffers `num_sm` settings); taken as 10 % of the hidden time',
    selectiveRecompute: 'Megatron-Core recompute_modules default ["core_attn"] (Korthikanti et al. 2022 §4.2)',
    gradReduceDtype: 'Megatron-LM `--accumulate-allreduce-grads-in-fp32` is on for BF16 runs (FP32 main grads)',
    optimizerDtype: 'Megatron-Core mixed precision (Micikevicius et al. 2018): FP32 master weights in the distributed optimizer, FP32 Adam moments unless --use-precision-aware-optimizer',
    gradAccumDtype: 'Megatron-Core DDP accumulates into FP32 `main_grad` buffers (`--accumulate-allreduce-grads-in-fp32`) for BF16 runs',
    gradBucketParams: 'Megatron-Core DistributedDataParallelConfig.bucket_size = max(40,000,000, 1,000,000 · dp)',
    elementwiseTrafficFactor: 'Transformer Engine fused norms, SwiGLU, RoPE and cast-transpose kernels',
    attentionKernel: 'Transformer Engine DotProductAttention: cuDNN fused attention (FlashAttention-3-class on Hopper)',
    tpGatherInFp8:
      'Transformer Engine userbuffers (initialize_ub): every all-gather overlap (qkv_fprop and fc1_fprop, the norm output; '
      + 'proj_dgrad and fc2_dgrad, the output gradient) uses an FP8 buffer under FP8 (fp8_buf = name in layers_all_gather_overlap)',
  },
};
