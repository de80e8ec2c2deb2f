import type { Cluster } from '../hardware/types.js';
import type { ParallelDim, Recompute, ScheduleId, ZeroStage } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';
import type { Training } from '../training/types.js';
import type { DatacenterInput, EconomicsInput, ReferenceInput } from './site-schema.js';

/** A layout field as a scenario may give it: a value, `auto` (searched or defaulted), or a list to search. */
export type Choice<T> = T | 'auto' | readonly T[];

/** The layout as written in a scenario, before `createLayout` fixes and checks it. */
export interface LayoutSpec {
  readonly tp: Choice<number>;
  readonly pp: Choice<number>;
  readonly vp: Choice<number>;
  readonly ep: Choice<number>;
  readonly etp: Choice<number>;
  readonly cp: Choice<number>;
  readonly dp: Choice<number>;
  /** null = the default, tp > 1 (decided once tp is fixed). */
  readonly sequenceParallel: Choice<boolean> | null;
  readonly zero: Choice<ZeroStage>;
  /** null = the whole DP group (plain FSDP). */
  readonly fsdpShardSize: Choice<number> | null;
  readonly recompute: Choice<Recompute>;
  readonly microBatch: Choice<number>;
  /** null = the default, 1f1b or interleaved when vp > 1 (decided once vp is fixed). */
  readonly schedule: Choice<ScheduleId> | null;
  readonly order: readonly ParallelDim[];
}

/** A parsed and resolved scenario: catalog ids replaced by full specs, defaults filled in. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly model: ModelSpec;
  readonly cluster: Cluster;
  readonly training: Training;
  readonly layout: LayoutSpec;
  /** Price basis, energy price, grid intensity, storage (all optional; defaults in src/core/run). */
  readonly economics: EconomicsInput;
  /** Cooling, climate, power chain, block size, growth (all optional; defaults in src/core/datacenter). */
  readonly datacenter: DatacenterInput;
  /** Published figures printed beside the estimate for comparison; never an input of any model. */
  readonly reference: ReferenceInput;
}
