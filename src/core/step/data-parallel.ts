/**
 * Data-parallel communication of one pipeline rank per step: gradient reduction and parameter
 * gathers for DDP, ZeRO-1/2 (distributed optimizer) and ZeRO-3 / FSDP / HSDP, on the dense-parameter
 * group (dp·cp ranks) and the expert-data-parallel group (edp ranks). Seconds before overlap.
 *
 * Volumes (Rajbhandari et al. 2020, ZeRO §7; notes §5.4): DDP all-reduce of Ψ gradients; ZeRO-1/2
 * reduce-scatter of gradients + all-gather of updated parameters (same 2Ψ volume); ZeRO-3 adds a
 * parameter all-gather in forward and another in backward (3Ψ, 1.5× DDP) on every micro-batch.
 */
import { collectiveCost } from '../comm/collectives.js';
import type { CollectiveKind } from '../comm/collective-algorithm.js';
import type { Links } from '../comm/links.js';
import { createPackedPlacement, type GroupPlacement, type GroupPlacements } from '../comm/place-groups.js';
import { WEIGHT_BYTES } from '../hardware/element-bytes.js';
import { frameworkOf } from '../framework/registry.js';
import type { Layout } from '../layout/types.js';
import { optimizerStepBytesPerParam, paramDtypeOptimizerRecipe, precisionRecipe } from '../memory/precision.js';
import type { Training } from '../training/types.js';

/** Parameters held by one GPU of a pipeline rank, before data-parallel sharding. */
export interface RankParams {
  /** Non-expert parameters on this GPU (already divided by tp). */
  readonly dense: number;
  /** Routed-expert parameters on this GPU (already divided by ep·etp). */
  readonly expert: number;
}

export interface DataParallelComm {
  /** Once per step, after the last backward: gradient all-reduce or reduce-scatter. */
  readonly gradReduceSeconds: number;
  /** Once per step, after the optimizer (ZeRO-1/2): all-gather of the updated parameters. */
  readonly paramGatherSeconds: number;
  /** ZeRO-3 only, per micro-batch: parameter all-gather before the forward. */
  readonly fsdpForwardSeconds: number;
  /** ZeRO-3 only, per micro-batch: parameter all-gather + gradient reduce-scatter in backward. */
  readonly fsdpBackwardSeconds: number;
}

/** The layout fields that set a rank's data-parallel communication (with its groups). */
export type ShardingShape = Pick<Layout, 'zero' | 'fsdpShardSize' | 'pp'>;

/** The FSDP shard group: the whole dp group, or an HSDP shard of `fsdpShardSize` ranks packed like it. */
function shardGroup(dpGroup: GroupPlacement, shardSize: number): GroupPlacement {
  if (shardSize >= dpGroup.size) return dpGroup;
  return createPackedPlacement(shardSize, dpGroup.inDomain);
}

function replicaGroup(dpGroup: GroupPlacement, shardSize: number): GroupPlacement {
  const replicas = Math.max(1, Math.round(dpGroup.size / shardSize));
  return createPackedPlacement(replicas, dpGroup.inDomain / shardSize);
}

/** When a data-parallel collective runs (the `DataParallelComm` field its seconds add to). */
export type DataParallelPhase = keyof DataParallelComm;

/** One data-parallel collective of one GPU. */
export interface DataParallelCall {
  readonly kind: CollectiveKind;
  /** NCCL's S of the collective [bytes]. */
  readonly bytes: number;
  readonly group: GroupPlacement;
  /** `fsdpForwardSeconds` and `fsdpBackwardSeconds` run once per micro-batch; the others once per step. */
  readonly phase: DataParallelPhase;
}

/** The collectives of `params` parameters over `group` (dense over dp·cp, experts over edp), by ZeRO stage. */
export function dataParallelCalls(params: number, group: GroupPlacement, layout: ShardingShape, gradBytes: number): DataParallelCall[] {
  if (group.size <= 1 || params === 0) return [];
  const grads = params * gradBytes;
  const weights = params * WEIGHT_BYTES;
  if (layout.zero === 0) return [{ kind: 'all-reduce', bytes: grads, group, phase: 'gradReduceSeconds' }];
  if (layout.zero <= 2) {
    return [
      { kind: 'reduce-scatter', bytes: grads, group, phase: 'gradReduceSeconds' },
      { kind: 'all-gather', bytes: weights, group, phase: 'paramGatherSeconds' },
    ];
  }
  const shard = shardGroup(group, layout.fsdpShardSize);
  // HSDP: the shards are then all-reduced across replicas once per step (1/shard of the bytes each).
  const replicas = replicaGroup(group, layout.fsdpShardSize);
  const crossReplica: DataParallelCall[] = replicas.size > 1 ? [{ kind: 'all-reduce', bytes: grads / shard.size, group: replicas, phase: 'gradReduceSeconds' }] : [];
  if (layout.pp > 1) {
    // With pipeline parallelism the gathered stage stays unsharded across micro-batches
    // (FSDP reshard_after_forward=False: Llama 3 §3.3.2, torchtitan PP+FSDP): one gather and one
    // reduce-scatter per step, like ZeRO-2.
    return [
      { kind: 'reduce-scatter', bytes: grads, group: shard, phase: 'gradReduceSeconds' },
      ...crossReplica,
      { kind: 'all-gather', bytes: weights, group: shard, phase: 'paramGatherSeconds' },
    ];
  }
  return [
    ...crossReplica,
    { kind: 'all-gather', bytes: weights, group: shard, phase: 'fsdpForwardSeconds' },
    { kind: 'all-gather', bytes: weights, group: shard, phase: 'fsdpBackwardSeconds' },
    { kind: 'reduce-scatter', bytes: grads, group: shard, phase: 'fsdpBackwardSeconds' },
  ];
}

/** The data-parallel calls of one GPU holding `params`, dense group then expert group. */
export function rankDataParallelCalls(params: RankParams, groups: GroupPlacements, layout: ShardingShape, gradBytes: number): DataParallelCall[] {
  return [...dataParallelCalls(params.dense, groups.dp, layout, gradBytes), ...dataParallelCalls(params.expert, groups.edp, layout, gradBytes)];
}

/** Data-parallel communication of one GPU holding `params`: the seconds of its calls, by phase. */
export function dataParallelComm(params: RankParams, groups: GroupPlacements, layout: ShardingShape, links: Links, gradBytes: number): DataParallelComm {
  const out = { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };
  for (const call of rankDataParallelCalls(params, groups, layout, gradBytes)) out[call.phase] += collectiveCost(call.kind, call.bytes, call.group, links).seconds;
  return out;
}

/**
 * HBM bytes the optimizer step moves per parameter of a run (`memory/precision.ts`
 * optimizerStepBytesPerParam): the precision recipe's, or the parameters' own 16-bit dtype when the
 * framework steps them without a master copy (`framework/` optimizerDtype: torchtune). Megatron BF16: 30.
 */
export function optimizerBytesPerParam(training: Pick<Training, 'precision' | 'framework'>): number {
  const recipe = precisionRecipe(training.precision);
  return optimizerStepBytesPerParam(frameworkOf(training).optimizerDtype === 'param' ? paramDtypeOptimizerRecipe(recipe) : recipe);
}

/** Optimizer step of one GPU: Adam is memory-bound, `bytesPerParam` (above) per local parameter [s]. */
export function optimizerSeconds(params: RankParams, layout: Pick<Layout, 'zero' | 'dp' | 'cp'>, edp: number, hbmBytesPerSec: number, bytesPerParam: number): number {
  const shardDense = layout.zero >= 1 ? layout.dp * layout.cp : 1;
  const shardExpert = layout.zero >= 1 ? edp : 1;
  const local = params.dense / shardDense + params.expert / shardExpert;
  return (local * bytesPerParam) / hbmBytesPerSec;
}
