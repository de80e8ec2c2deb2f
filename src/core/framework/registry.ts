/**
 * The framework profiles, one per file, and how a scenario's `training.framework` (an id, or an id
 * with overrides) becomes the profile the step and memory models read.
 *
 * Default: a stack without a profile of its own (in-house stacks such as Meta's, DeepSeek's
 * HAI-LLM, ByteDance's MegaScale, or an unnamed one) gets Megatron-Core's profile: the most widely
 * documented production stack, and the in-house stacks at that scale publish at least its overlap
 * (Llama 3 §3.3.2–3.3.4; DeepSeek-V3 TR §3.2; MegaScale §3.2).
 */
import type { AttentionKernel } from '../compute/types.js';
import { InputError } from '../errors.js';
import { DEEPSPEED } from './deepspeed.js';
import { MAXTEXT } from './maxtext.js';
import { MEGATRON_CORE } from './megatron-core.js';
import { MEGATRON_LM } from './megatron-lm.js';
import { TORCHTITAN } from './torchtitan.js';
import { TORCHTUNE } from './torchtune.js';
import type { FrameworkProfile, GradAccumDtype, GradReduceDtype, OptimizerDtype, OverlapAssumptions, SelectiveRecompute } from './types.js';

export const FRAMEWORKS = {
  'megatron-core': MEGATRON_CORE,
  'megatron-lm': MEGATRON_LM,
  deepspeed: DEEPSPEED,
  torchtitan: TORCHTITAN,
  torchtune: TORCHTUNE,
  maxtext: MAXTEXT,
} as const satisfies Record<string, FrameworkProfile>;

export type FrameworkId = keyof typeof FRAMEWORKS;

export const FRAMEWORK_IDS = ['megatron-core', 'megatron-lm', 'deepspeed', 'torchtitan', 'torchtune', 'maxtext'] as const satisfies readonly FrameworkId[];

// Compile-time check that FRAMEWORK_IDS names every profile.
type MissingFramework = Exclude<FrameworkId, (typeof FRAMEWORK_IDS)[number]>;
const _frameworkIdsComplete: [MissingFramework] extends [never] ? true : never = true;
void _frameworkIdsComplete;

export const DEFAULT_FRAMEWORK_ID: FrameworkId = 'megatron-core';

export const DEFAULT_FRAMEWORK: FrameworkProfile = FRAMEWORKS[DEFAULT_FRAMEWORK_ID];

/** Entries a scenario may override on top of a named profile. */
export interface FrameworkOverrides {
  /** Tensor-parallel collectives overlapped with the matmuls (torchtitan async TP, Megatron tp-comm-overlap): tpFraction 1, else 0. */
  readonly asyncTp?: boolean;
  /** Element-wise chains fused by a compiler (torch.compile): elementwiseTrafficFactor 1. */
  readonly compile?: boolean;
  readonly overlap?: Partial<OverlapAssumptions>;
  readonly overlapGemmSlowdown?: number;
  readonly selectiveRecompute?: SelectiveRecompute;
  readonly gradReduceDtype?: GradReduceDtype;
  readonly gradAccumDtype?: GradAccumDtype;
  readonly optimizerDtype?: OptimizerDtype;
  readonly gradBucketParams?: number;
  readonly elementwiseTrafficFactor?: number;
  readonly attentionKernel?: AttentionKernel;
}

export function isFrameworkId(id: string): id is FrameworkId {
  return Object.hasOwn(FRAMEWORKS, id);
}

/** The profile of `id` with `overrides` applied; an unknown id is an InputError on `field`. */
export function resolveFramework(id: string, overrides: FrameworkOverrides = {}, field = 'training.framework'): FrameworkProfile {
  if (!isFrameworkId(id)) throw new InputError(field, id, `must be one of: ${FRAMEWORK_IDS.join(', ')}`);
  const base: FrameworkProfile = FRAMEWORKS[id];
  const tpFraction = overrides.asyncTp === undefined ? base.overlap.tpFraction : overrides.asyncTp ? 1 : 0;
  const traffic = overrides.compile === undefined ? base.elementwiseTrafficFactor : overrides.compile ? 1 : base.elementwiseTrafficFactor;
  return {
    ...base,
    overlap: { ...base.overlap, tpFraction, ...overrides.overlap },
    overlapGemmSlowdown: overrides.overlapGemmSlowdown ?? base.overlapGemmSlowdown,
    selectiveRecompute: overrides.selectiveRecompute ?? base.selectiveRecompute,
    gradReduceDtype: overrides.gradReduceDtype ?? base.gradReduceDtype,
    gradAccumDtype: overrides.gradAccumDtype ?? base.gradAccumDtype,
    optimizerDtype: overrides.optimizerDtype ?? base.optimizerDtype,
    gradBucketParams: overrides.gradBucketParams ?? base.gradBucketParams,
    elementwiseTrafficFactor: overrides.elementwiseTrafficFactor ?? traffic,
    attentionKernel: overrides.attentionKernel ?? base.attentionKernel,
  };
}

/** Bytes per gradient element on the wire of the data-parallel reduction. */
export function gradReduceBytes(profile: FrameworkProfile): number {
  return profile.gradReduceDtype === 'fp32' ? 4 : 2;
}

/** The framework of a training run: its own profile, else the default (Megatron-Core). */
export function frameworkOf(training: { readonly framework?: FrameworkProfile }): FrameworkProfile {
  return training.framework ?? DEFAULT_FRAMEWORK;
}
