/**
 * Assumptions of the step-time model, all explicit and switchable. What overlaps what, the gradient
 * dtype and the meaning of selective recomputation come from the scenario's framework profile
 * (`framework/`); options here override them (what-if, tests). Hardware efficiencies are data
 * (`compute/efficiency-params.ts`, `comm/efficiency.ts`), fitted by `scripts/calibrate.ts`.
 */
import { DEFAULT_COMM_EFFICIENCY, type CommEfficiency } from '../comm/efficiency.js';
import { DEFAULT_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import type { EfficiencyParams } from '../compute/efficiency.js';
import { frameworkOf, gradReduceBytes } from '../framework/registry.js';
import type { FrameworkProfile, OverlapAssumptions } from '../framework/types.js';
import { expertLoadImbalance } from '../training/expert-load.js';
import type { Training } from '../training/types.js';

export type { OverlapAssumptions } from '../framework/types.js';

export interface StepOptions {
  readonly efficiency: EfficiencyParams;
  readonly comm: CommEfficiency;
  /** Overrides of the framework profile's overlap table, entry by entry. */
  readonly overlap?: Partial<OverlapAssumptions>;
  /** Overrides the scenario's `training.expertLoadImbalance` (busiest rank's routed tokens over the mean; 1 = forced balanced). */
  readonly moeLoadImbalance?: number;
  /**
   * SMs given to communication kernels by schedules that overlap all-to-all with compute
   * (DeepSeek-V3: 20 of 132 on H800, TR §3.2.2 / §3.5.1), as a fraction of the GPU.
   */
  readonly commSmFraction: number;
  /** Overrides the framework's gradient dtype: bytes per element of the data-parallel reduction (FP32 = 4, BF16 = 2). */
  readonly gradReduceBytes?: number;
  /** Record every simulated pipeline op (for `--trace`); off in the planner's inner loop. */
  readonly recordOps: boolean;
}

export const DEFAULT_STEP_OPTIONS: StepOptions = {
  efficiency: DEFAULT_EFFICIENCY_PARAMS,
  comm: DEFAULT_COMM_EFFICIENCY,
  commSmFraction: 20 / 132,
  recordOps: false,
};

/**
 * The routing imbalance a step uses with `ep`-way expert parallelism: the option's override, else the
 * scenario's, else the sourced prior (`training/expert-load.ts`); 1 without expert parallelism.
 */
export function stepExpertLoadImbalance(training: Training, ep: number, options: StepOptions): number {
  return expertLoadImbalance(training, ep, options.moeLoadImbalance);
}

/** Options with partial overrides merged over the defaults. */
export function createStepOptions(overrides: Partial<StepOptions> = {}): StepOptions {
  return { ...DEFAULT_STEP_OPTIONS, ...overrides };
}

/** What the step model reads from the software stack: the framework profile with the options' overrides applied. */
export interface StepFramework {
  readonly profile: FrameworkProfile;
  readonly overlap: OverlapAssumptions;
  /** Bytes per element of the data-parallel gradient reduction. */
  readonly gradReduceBytes: number;
  /**
   * What one hidden second of a data-parallel collective (gradient reduce, parameter gather, ZeRO-3
   * / FSDP gathers) adds to the compute beside it [s/s]. These are NCCL kernels, which run on SMs:
   * while one streams a gradient bucket over InfiniBand and NVLink it holds the SM share
   * `commSmFraction` (DeepSeek-V3 TR §3.2.2: 20 of 132 SMs drive a node's IB and NVLink at full
   * rate), and the GEMMs beside it run on the rest, so each hidden second costs f / (1 − f) of
   * compute (0.18 at 20/132). The framework's `overlapGemmSlowdown` prices its tensor- and
   * context-parallel overlap (Transformer Engine userbuffers, async TP), which is a different kernel.
   */
  readonly collectiveGemmSlowdown: number;
}

/** Compute seconds lost per second of a collective kernel holding `smFraction` of the SMs (the GEMMs keep 1 − f). */
export function smShareSlowdown(smFraction: number): number {
  return smFraction / (1 - smFraction);
}

export function stepFramework(training: Training, options: StepOptions): StepFramework {
  const profile = frameworkOf(training);
  return {
    profile,
    overlap: { ...profile.overlap, ...options.overlap },
    gradReduceBytes: options.gradReduceBytes ?? gradReduceBytes(profile),
    collectiveGemmSlowdown: smShareSlowdown(options.commSmFraction),
  };
}

/**
 * The efficiency data a step prices with: the scenario's calibration profile when one is in force
 * (`profile/`), else the options'. The one place the step model reads hardware efficiency from.
 */
export function stepEfficiency(scenario: { readonly calibration?: { readonly efficiency: EfficiencyParams } }, options: StepOptions): EfficiencyParams {
  return scenario.calibration?.efficiency ?? options.efficiency;
}
