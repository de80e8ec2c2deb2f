/**
 * Activation recomputation as a per-op multiplier of the forward work re-run before the backward:
 * - none: 0 for every op;
 * - selective: 1 for the ops of the chosen modules (default: the attention core, Korthikanti et al.
 *   2022 §4.2 / Megatron-Core `recompute_modules = ["core_attn"]`; DeepSeek-style fp8-block: norms, MLA
 *   up-projections and the MoE SwiGLU, DeepSeek-V3 TR §3.2.3), 0 otherwise;
 * - selective, torch-op-sac (torchtitan `selective_ac_option = "op"`): the policy saves the output
 *   of every second matrix product and of the attention kernel and re-runs everything else, so on
 *   average half of each GEMM's forward (½), every element-wise op (1), no attention (0);
 * - full: 1 for every op (the whole layer forward is re-run from its saved input; Chen et al. 2016,
 *   Narayanan et al. 2021 eq. 3 counts 4 forward-equivalents per step).
 */
import type { Recompute } from '../layout/types.js';
import { defaultSelectiveModules } from './shape.js';
import type { ComputeOp, ComputeShape, RecomputeModule } from './types.js';

export interface RecomputePolicy {
  readonly mode: Recompute;
  /** Modules a selective recomputation re-runs (ignored unless mode = 'selective'). */
  readonly modules: readonly RecomputeModule[];
  readonly selective: 'modules' | 'torch-op-sac';
}

/** Share of each kind of op that torch op-level SAC re-runs (see the header). */
const OP_SAC_SHARE = { gemm: 0.5, attention: 0, elementwise: 1 } as const satisfies Record<ComputeOp['kind'], number>;

/** The recomputation of a shape, defaults filled in. */
export function resolveRecompute(shape: ComputeShape): RecomputePolicy {
  return { mode: shape.recompute ?? 'none', modules: shape.recomputeModules ?? defaultSelectiveModules(shape.precision), selective: shape.selectivePolicy ?? 'modules' };
}

/** Share of an op's forward re-run before the backward, in [0, 1]. */
export function recomputeMultiplier(op: ComputeOp, policy: RecomputePolicy): number {
  if (policy.mode === 'full') return 1;
  if (policy.mode === 'none') return 0;
  if (policy.selective === 'torch-op-sac') return OP_SAC_SHARE[op.kind];
  if (op.recomputeModule === null) return 0;
  return policy.modules.includes(op.recomputeModule) ? 1 : 0;
}
