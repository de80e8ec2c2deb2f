/**
 * A parallel layout: how one training step is spread over the cluster. Obtained only from
 * `createLayout`, which checks every divisibility rule.
 *
 * Degrees (Megatron convention): tp * cp * dp * pp = GPUs. Expert parallelism is carved out of
 * the tp * cp * dp ranks of one pipeline stage ("MoE parallel folding"):
 * etp * ep * edp = tp * cp * dp, where edp is the expert-data-parallel degree.
 */
import type { ScheduleId } from '../schedules/registry.js';

// The schedule ids are the registry's keys (schedules/registry.ts); re-exported for layout users.
export { SCHEDULE_IDS } from '../schedules/catalog.js';
export type { ScheduleId };

export type Recompute = 'none' | 'selective' | 'full';

/** Parallel dimensions, in rank-placement order from innermost (fastest varying) to outermost. */
export type ParallelDim = 'tp' | 'cp' | 'ep' | 'dp' | 'pp';

export const DEFAULT_ORDER: readonly ParallelDim[] = ['tp', 'cp', 'ep', 'dp', 'pp'];

/** 0 = DDP, 1 = distributed optimizer / ZeRO-1, 2 = ZeRO-2, 3 = ZeRO-3 / FSDP (HSDP when fsdpShardSize < dp). */
export type ZeroStage = 0 | 1 | 2 | 3;

export interface Layout {
  readonly tp: number;
  readonly pp: number;
  /** Virtual pipeline chunks per rank (interleaved schedule); 1 otherwise. */
  readonly vp: number;
  readonly ep: number;
  /** Tensor parallelism inside each expert. */
  readonly etp: number;
  readonly cp: number;
  readonly dp: number;
  /** Expert data parallelism: replicas of each expert = tp * cp * dp / (etp * ep). */
  readonly edp: number;
  readonly sequenceParallel: boolean;
  readonly zero: ZeroStage;
  /** FSDP/HSDP shard group (ZeRO-3 only); equals dp for plain FSDP. */
  readonly fsdpShardSize: number;
  readonly recompute: Recompute;
  /** Sequences per micro-batch. */
  readonly microBatch: number;
  /** Micro-batches per pipeline per step = globalBatch / (dp * microBatch). */
  readonly microBatches: number;
  readonly schedule: ScheduleId;
  readonly order: readonly ParallelDim[];
}
