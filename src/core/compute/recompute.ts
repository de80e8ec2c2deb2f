/**
 * Activation recomputation as a per-op multiplier of the forward work re-run before the backward:
 * - none: 0 for every op;
 * - selective: 1 for the ops of the chosen modules (default: the attention core, Korthikanti et al.
 *   2022 §4.2 / Megatron-Core `recompute_modules = ["core_attn"]`; DeepSeek-style fp8-block: norms, MLA
 *   up-projections and the MoE SwiGLU, DeepSeek-V3 TR §3.2.3), 0 otherwise;
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
}

/** The recomputation of a shape, defaults filled in. */
export function resolveRecompute(shape: ComputeShape): RecomputePolicy {
  return { mode: shape.recompute ?? 'none', modules: shape.recomputeModules ?? defaultSelectiveModules(shape.precision) };
}

/** Share of an op's forward re-run before the backward (0 or 1). */
export function recomputeMultiplier(op: ComputeOp, policy: RecomputePolicy): number {
  if (policy.mode === 'full') return 1;
  if (policy.mode === 'none' || op.recomputeModule === null) return 0;
  return policy.modules.includes(op.recomputeModule) ? 1 : 0;
}
