/**
 * torchtitan (Liang et al. 2024, arXiv 2410.06511): FSDP2 with per-layer all-gather prefetch and
 * reduce-scatter overlapped with the backward; TP by DTensor, overlapped with the matmuls only with
 * async TP (§3.1.2: micro-pipelined all-gather/reduce-scatter matmuls; off by default); CP ring
 * attention overlapped; selective checkpointing per op. Eager PyTorch unless `torch.compile`
 * (`training.compile`) fuses the element-wise chains.
 */
import type { FrameworkProfile } from './types.js';

/**
 * Element-wise HBM traffic of eager PyTorch over fused kernels (derivation, per element of the
 * tensor, reads + writes): RMSNorm in torchtitan's eager module (`x.float()`, `pow(2)`, `mean`,
 * `x * rsqrt`, `type_as`, `* weight`) ≈ 10 passes vs 2 fused; SwiGLU `silu(a) * b` 5 vs 3;
 * RoPE via complex views (`view_as_complex`, multiply, `view_as_real`, `type_as`) ≈ 8 vs 2;
 * residual adds 3 vs 3. Weighted by the bytes each moves in a Llama layer this is ≈ 3×. The extra
 * passes are large streaming kernels, priced at streaming HBM bandwidth (`compute/roofline.ts`).
 */
const EAGER_ELEMENTWISE_TRAFFIC = 3;

export const TORCHTITAN: FrameworkProfile = {
  id: 'torchtitan',
  name: 'torchtitan (FSDP2, DTensor TP, eager)',
  overlap: { dpGradReduce: true, dpParamGather: true, fsdpPrefetch: true, tpFraction: 0, epFraction: 0, cpRing: true },
  overlapGemmSlowdown: 0.1,
  selectiveRecompute: 'torch-op-sac',
  gradReduceDtype: 'fp32',
  optimizerDtype: 'master',
  gradAccumDtype: 'recipe',
  gradBucketParams: 0,
  elementwiseTrafficFactor: EAGER_ELEMENTWISE_TRAFFIC,
  attentionKernel: 'flash-attention-2',
  tpGatherInFp8: 'forward',
  spBackwardRegather: false,
  sources: {
    spBackwardRegather:
      'DTensor SequenceParallel + ColwiseParallel: autograd keeps the all-gathered (replicated) input of each matmul for its backward',
    overlap:
      'torchtitan paper §3.1 (FSDP2 prefetch and reduce-scatter in backward; async TP §3.1.2, opt-in via '
      + '`enable_async_tensor_parallel`; CP §3.1.4 ring attention with overlapped send/recv)',
    overlapGemmSlowdown: 'prior: async TP runs the collectives on copy engines / symmetric memory beside the matmuls (as Megatron-Core)',
    selectiveRecompute: 'torchtitan activation_checkpoint.mode = "selective", selective_ac_option = "op" (_save_list: mm, SDPA; every second mm saved)',
    gradReduceDtype: 'torchtitan mixed_precision_reduce = "float32" (FSDP2 MixedPrecisionPolicy reduce_dtype)',
    optimizerDtype: 'FSDP2 MixedPrecisionPolicy: FP32 sharded parameters are the master, Adam moments FP32',
    gradAccumDtype: 'FSDP2 keeps sharded FP32 parameters and gradients (MixedPrecisionPolicy param_dtype bf16 for compute only)',
    gradBucketParams: 'FSDP2 reduce-scatters per transformer block (no bucket beyond one layer); the last block is exposed',
    attentionKernel:
      'torchtitan attention = F.scaled_dot_product_attention; PyTorch 2.5–2.6 SDPA picks the flash backend (FlashAttention-2 '
      + 'kernels) first on H100, cuDNN attention only when asked (torch.nn.attention.sdpa_kernel)',
    elementwiseTrafficFactor: 'derivation in EAGER_ELEMENTWISE_TRAFFIC; 1 with torch.compile (Inductor fuses the pointwise chains)',
    tpGatherInFp8:
      'torchtitan apply_tp with Float8 linears: torchao Float8ColwiseParallel / PrepareFloat8ModuleInput cast the '
      + 'attention and feed-forward inputs to float8 before the sequence-parallel all-gather (float8 all-gather); '
      + 'the backward gathers of output gradients are not documented as float8: BF16',
  },
};
