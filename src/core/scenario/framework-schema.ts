/**
 * `training.framework`: the software stack, as a profile id or an id with overrides of any entry
 * of the profile (`framework/`). Defaults: the profile's own table; no framework = Megatron-Core.
 */
import * as z from 'zod';
import { FRAMEWORK_IDS } from '../framework/registry.js';
import { oneOf, positiveNumber, strictObject } from './schema-parts.js';

const fraction = z.number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a number in [0, 1]') })
  .min(0, 'must be in [0, 1]').max(1, 'must be in [0, 1]');
const flag = z.boolean({ error: (issue) => (issue.input === undefined ? undefined : 'must be true or false') });

const OverlapInputSchema = strictObject(
  {
    dpGradReduce: flag.optional().describe('Gradient reduction overlapped with the backward of the last micro-batch.'),
    dpParamGather: flag.optional().describe('ZeRO-1/2 parameter all-gather overlapped with the next forward.'),
    fsdpPrefetch: flag.optional().describe('ZeRO-3 / FSDP parameter all-gathers prefetched under compute.'),
    tpFraction: fraction.optional().describe('Share of a pass\'s GEMM time that can hide its tensor-parallel collectives (0 = exposed).'),
    epFraction: fraction.optional().describe('Share of the MoE all-to-all hidden by schedules without paired chunks.'),
    cpRing: flag.optional().describe('Context-parallel ring exchanges overlapped with blockwise attention.'),
  },
  'Overrides of the profile\'s overlap table.',
);

export const FrameworkOverridesInputSchema = strictObject(
  {
    id: oneOf(FRAMEWORK_IDS).describe('Framework profile.'),
    asyncTp: flag.optional().describe('Tensor-parallel collectives overlapped with the matmuls (async TP / tp-comm-overlap).'),
    compile: flag.optional().describe('Element-wise chains fused by a compiler (torch.compile).'),
    overlap: OverlapInputSchema.optional(),
    overlapGemmSlowdown: z.number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a number in [0, 1)') })
      .min(0, 'must be in [0, 1)').lt(1, 'must be in [0, 1)').optional()
      .describe('Share of GEMM throughput lost while overlapped communication runs beside it.'),
    selectiveRecompute: oneOf(['attention-core', 'torch-op-sac'] as const).optional()
      .describe('What "selective" recomputation re-runs: the attention core (Megatron) or every second matmul and all pointwise ops (torchtitan op-level SAC).'),
    gradReduceDtype: oneOf(['fp32', 'bf16'] as const).optional().describe('Data type of the gradient reduction.'),
    gradAccumDtype: oneOf(['recipe', 'param'] as const).optional()
      .describe('What ZeRO-sharded gradients accumulate in: the precision recipe\'s (FP32 main grads) or the parameters\' 16-bit dtype (DeepSpeed).'),
    optimizerDtype: oneOf(['master', 'param'] as const).optional()
      .describe('What the optimizer steps: FP32 master weights and moments (mixed precision) or the 16-bit parameters themselves (pure BF16).'),
    gradBucketParams: positiveNumber(1e12).optional().describe('Parameters per gradient bucket (the last bucket\'s reduction is exposed).'),
    elementwiseTrafficFactor: z.number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a number ≥ 1') })
      .min(1, 'must be at least 1 (1 = fused kernels)').max(20, 'must be at most 20').optional()
      .describe('Element-wise HBM traffic relative to fused kernels.'),
    attentionKernel: oneOf(['native', 'flash-attention-2'] as const).optional()
      .describe('The attention kernel: the chip\'s native fused kernel (cuDNN / FlashAttention-3 on Hopper) or FlashAttention-2.'),
  },
  'A framework profile with overrides.',
);

export const FrameworkInputSchema = z.union([oneOf(FRAMEWORK_IDS), FrameworkOverridesInputSchema], {
  error: (issue) => (issue.input === undefined ? undefined : `must be one of ${FRAMEWORK_IDS.join(', ')} or an object { id, ...overrides }`),
});

export type FrameworkInput = z.infer<typeof FrameworkInputSchema>;
