/**
 * Assumptions of the step-time model, all explicit and switchable. Defaults follow what the
 * frameworks do by default (Megatron-Core, DeepSeek-V3's DualPipe); hardware efficiencies are data
 * (`compute/efficiency-params.ts`, `comm/efficiency.ts`), fitted by `scripts/calibrate.ts`.
 */
import { DEFAULT_COMM_EFFICIENCY, type CommEfficiency } from '../comm/efficiency.js';
import { DEFAULT_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import type { EfficiencyParams } from '../compute/efficiency.js';
import type { Training } from '../training/types.js';

/** Which communication hides behind computation, as fractions in [0, 1] (1 = fully hidden when shorter). */
export interface OverlapAssumptions {
  /**
   * Data-parallel gradient reduce-scatter / all-reduce is bucketed and overlapped with the backward
   * of the last micro-batch on each rank (Megatron `--overlap-grad-reduce`, PyTorch DDP buckets).
   * The cool-down idle time of each pipeline rank also hides it (the rank is waiting anyway).
   */
  readonly dpGradReduce: boolean;
  /** ZeRO-1/2 parameter all-gather after the optimizer overlapped with the next forward (`--overlap-param-gather`). */
  readonly dpParamGather: boolean;
  /** ZeRO-3 / FSDP per-layer parameter all-gathers prefetched under the previous layer's compute. */
  readonly fsdpPrefetch: boolean;
  /**
   * Tensor-parallel collectives overlapped with the GEMMs of the same pass (Megatron
   * `--tp-comm-overlap` userbuffers, torchtitan async TP): the fraction of a pass's GEMM time that can
   * hide them. 0 = Megatron's plain default (fully exposed); 1 = the published performance recipes,
   * where TP communication is exposed only when it is longer than the GEMMs it overlaps (a cross-node
   * TP group). The default 1 is what the calibration on runs-dev.json selects (scripts/calibrate.ts).
   */
  readonly tpFraction: number;
  /**
   * Fraction of MoE all-to-all hidden under computation by schedules without paired chunks.
   * DualPipe / DualPipeV hide it by pairing (the simulator decides); others use this fraction.
   */
  readonly epFraction: number;
  /** Context-parallel ring exchanges overlapped with the blockwise attention they feed (Megatron CP). */
  readonly cpRing: boolean;
}

export interface StepOptions {
  readonly efficiency: EfficiencyParams;
  readonly comm: CommEfficiency;
  readonly overlap: OverlapAssumptions;
  /** Overrides the scenario's `training.expertLoadImbalance` (busiest expert's tokens over the mean). */
  readonly moeLoadImbalance?: number;
  /**
   * SMs given to communication kernels by schedules that overlap all-to-all with compute
   * (DeepSeek-V3: 20 of 132 on H800, TR §3.2.2 / §3.5.1), as a fraction of the GPU.
   */
  readonly commSmFraction: number;
  /** Bytes per element of data-parallel gradient reduction (Megatron: FP32 main grads = 4; `--grad-reduce-in-bf16` = 2). */
  readonly gradReduceBytes: number;
  /** Record every simulated pipeline op (for `--trace`); off in the planner's inner loop. */
  readonly recordOps: boolean;
}

export const DEFAULT_OVERLAP: OverlapAssumptions = {
  dpGradReduce: true,
  dpParamGather: true,
  fsdpPrefetch: true,
  tpFraction: 1,
  epFraction: 0,
  cpRing: true,
};

export const DEFAULT_STEP_OPTIONS: StepOptions = {
  efficiency: DEFAULT_EFFICIENCY_PARAMS,
  comm: DEFAULT_COMM_EFFICIENCY,
  overlap: DEFAULT_OVERLAP,
  commSmFraction: 20 / 132,
  gradReduceBytes: 4,
  recordOps: false,
};

/** The routing imbalance a step uses: the option's override, else the scenario's, else 1 (balanced). */
export function expertLoadImbalance(training: Training, options: StepOptions): number {
  return options.moeLoadImbalance ?? training.expertLoadImbalance ?? 1;
}

/** Options with partial overrides merged over the defaults (overlap merged field by field). */
export function createStepOptions(overrides: Partial<Omit<StepOptions, 'overlap'>> & { overlap?: Partial<OverlapAssumptions> } = {}): StepOptions {
  return {
    ...DEFAULT_STEP_OPTIONS,
    ...overrides,
    overlap: { ...DEFAULT_OVERLAP, ...overrides.overlap },
  };
}

/**
 * The efficiency data a step prices with: the scenario's calibration profile when one is in force
 * (`profile/`), else the options'. The one place the step model reads hardware efficiency from.
 */
export function stepEfficiency(scenario: { readonly calibration?: { readonly efficiency: EfficiencyParams } }, options: StepOptions): EfficiencyParams {
  return scenario.calibration?.efficiency ?? options.efficiency;
}
