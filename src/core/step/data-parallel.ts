/**
 * Data-parallel communication of one pipeline rank per step: gradient reduction and parameter
 * gathers for DDP, ZeRO-1/2 (distributed optimizer) and ZeRO-3 / FSDP / HSDP, on the dense-parameter
 * group (dp·cp ranks) and the expert-data-parallel group (edp ranks). Seconds before overlap.
 *
 * Volumes (Rajbhandari et al. 2020, ZeRO §7; notes §5.4): DDP all-reduce of Ψ gradients; ZeRO-1/2
 * reduce-scatter of gradients + all-gather of updated parameters (same 2Ψ volume); ZeRO-3 adds a
 * parameter all-gather in forward and another in backward (3Ψ, 1.5× DDP) on every micro-batch.
 */
import { allGatherSeconds, allReduceSeconds, reduceScatterSeconds } from '../comm/collectives.js';
import type { Links } from '../comm/links.js';
import { createPackedPlacement, type GroupPlacement, type GroupPlacements } from '../comm/place-groups.js';
import { WEIGHT_BYTES } from '../hardware/element-bytes.js';
import type { Layout } from '../layout/types.js';

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

function groupComm(params: number, group: GroupPlacement, layout: ShardingShape, links: Links, gradBytes: number): DataParallelComm {
  if (group.size <= 1 || params === 0) return { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };
  if (layout.zero === 0) {
    return { gradReduceSeconds: allReduceSeconds(params * gradBytes, group, links), paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };
  }
  if (layout.zero <= 2) {
    return {
      gradReduceSeconds: reduceScatterSeconds(params * gradBytes, group, links),
      paramGatherSeconds: allGatherSeconds(params * WEIGHT_BYTES, group, links),
      fsdpForwardSeconds: 0,
      fsdpBackwardSeconds: 0,
    };
  }
  const shard = shardGroup(group, layout.fsdpShardSize);
  const gather = allGatherSeconds(params * WEIGHT_BYTES, shard, links);
  const scatter = reduceScatterSeconds(params * gradBytes, shard, links);
  // HSDP: the shards are then all-reduced across replicas once per step (1/shard of the bytes each).
  const replicas = replicaGroup(group, layout.fsdpShardSize);
  const crossReplica = replicas.size > 1 ? allReduceSeconds((params * gradBytes) / shard.size, replicas, links) : 0;
  if (layout.pp > 1) {
    // With pipeline parallelism the gathered stage stays unsharded across micro-batches
    // (FSDP reshard_after_forward=False: Llama 3 §3.3.2, torchtitan PP+FSDP): one gather and one
    // reduce-scatter per step, like ZeRO-2.
    return { gradReduceSeconds: scatter + crossReplica, paramGatherSeconds: gather, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };
  }
  return { gradReduceSeconds: crossReplica, paramGatherSeconds: 0, fsdpForwardSeconds: gather, fsdpBackwardSeconds: gather + scatter };
}

/** Data-parallel communication of one GPU holding `params`, dense and expert groups in sequence. */
export function dataParallelComm(params: RankParams, groups: GroupPlacements, layout: ShardingShape, links: Links, gradBytes: number): DataParallelComm {
  const dense = groupComm(params.dense, groups.dp, layout, links, gradBytes);
  const expert = groupComm(params.expert, groups.edp, layout, links, gradBytes);
  return {
    gradReduceSeconds: dense.gradReduceSeconds + expert.gradReduceSeconds,
    paramGatherSeconds: dense.paramGatherSeconds + expert.paramGatherSeconds,
    fsdpForwardSeconds: dense.fsdpForwardSeconds + expert.fsdpForwardSeconds,
    fsdpBackwardSeconds: dense.fsdpBackwardSeconds + expert.fsdpBackwardSeconds,
  };
}

/**
 * Optimizer step of one GPU: Adam is memory-bound. Per local parameter it reads and writes the
 * FP32 master weight (8 B), both moments (16 B in FP32), reads the gradient (4 B) and writes the
 * working BF16 copy (2 B): 30 bytes per parameter (a named assumption; BF16 moments as in
 * DeepSeek-V3 would be 22 B).
 */
export const OPTIMIZER_BYTES_PER_PARAM = 30;

export function optimizerSeconds(params: RankParams, layout: Pick<Layout, 'zero' | 'dp' | 'cp'>, edp: number, hbmBytesPerSec: number): number {
  const shardDense = layout.zero >= 1 ? layout.dp * layout.cp : 1;
  const shardExpert = layout.zero >= 1 ? edp : 1;
  const local = params.dense / shardDense + params.expert / shardExpert;
  return (local * OPTIMIZER_BYTES_PER_PARAM) / hbmBytesPerSec;
}
