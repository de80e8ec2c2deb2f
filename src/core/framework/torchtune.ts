/**
 * torchtune (PyTorch's fine-tuning library): the same PyTorch-native pieces as torchtitan — FSDP2
 * sharding with per-layer prefetch and reduce-scatter in the backward, modules run eagerly unless
 * `compile: True`, attention through `F.scaled_dot_product_attention` (flex attention for packed
 * samples), torchtitan's activation-checkpointing helper — without tensor or pipeline parallelism
 * in its single-device and FSDP recipes.
 */
import { TORCHTITAN } from './torchtitan.js';
import type { FrameworkProfile } from './types.js';

export const TORCHTUNE: FrameworkProfile = {
  ...TORCHTITAN,
  id: 'torchtune',
  name: 'torchtune (FSDP2, eager PyTorch)',
  overlap: { ...TORCHTITAN.overlap, tpFraction: 0, cpRing: false },
  tpGatherInFp8: 'none',
  optimizerDtype: 'param',
  spBackwardRegather: false,
  sources: {
    ...TORCHTITAN.sources,
    overlap: 'torchtune full_finetune_distributed: FSDP2 fully_shard per layer (prefetch, reduce-scatter in backward); no TP/CP in its recipes',
    selectiveRecompute:
      'torchtune.training.apply_selective_activation_checkpointing (copied from torchtitan; ac_option "op" = op-level SAC)',
    optimizerDtype:
      'torchtune recipes load the model in `dtype` (bf16: training.get_dtype, full_finetune_single_device / _distributed '
      + 'setup_model) and build torch.optim.AdamW on those parameters: BF16 weights, gradients and moments, no FP32 master copy',
    gradReduceDtype: 'FSDP2 MixedPrecisionPolicy reduce_dtype float32 (torchtune training.shard_model)',
    elementwiseTrafficFactor: 'eager torchtune modules (RMSNorm in FP32, SwiGLU, RoPE cache): see torchtitan.ts; 1 with compile',
    attentionKernel: 'torchtune MultiHeadAttention → F.scaled_dot_product_attention (flash backend), flex attention when packed',
    tpGatherInFp8: 'no tensor parallelism in its recipes',
    spBackwardRegather: 'no tensor parallelism in its recipes',
  },
};
