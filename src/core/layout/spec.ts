/**
 * The layout as a scenario writes it, before `createLayout` fixes and checks it, and what
 * `createLayout` reads from a scenario. Defined here, beside the layout, so that types flow one
 * way: schedules → layout → scenario (`scenario/types.ts` re-exports these).
 */
import type { ModelSpec } from '../model/types.js';
import type { ParallelDim, Recompute, ScheduleId, ZeroStage } from './types.js';

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

/** What `createLayout` reads from a scenario (a `Scenario` is one). */
export interface LayoutSource {
  readonly model: ModelSpec;
  readonly cluster: { readonly gpus: number };
  readonly training: {
    readonly seqLen: number;
    readonly globalBatch: number;
    /** A batch ramp's start: its span must hold whole dp·microBatch steps. */
    readonly batchRamp?: { readonly startGlobalBatch: number } | null;
  };
  readonly layout: LayoutSpec;
}
