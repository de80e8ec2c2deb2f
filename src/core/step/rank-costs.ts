/**
 * The step pricer's rank level: a pipeline rank's parameters per GPU and what they add after its
 * last op (gradient reduction, parameter gather, optimizer), memoised in the pricer like the layer
 * and stage levels (pricer.ts).
 */
import type { PipelineRank, StageChunk, StagePartition } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { dataParallelComm, optimizerBytesPerParam, optimizerSeconds, type RankParams } from './data-parallel.js';
import { extendKey, GROUP_FIELDS, groupsOf, heldCode, keyOf, memo, PARTITION_FIELDS, type StepPricer } from './pricer.js';
import { lastBucketSeconds } from './rank-tail.js';
import { addParams, chunkParams } from './stage-params.js';

/** What a pipeline rank adds after its last op: its parameters and their data-parallel costs. */
export interface RankCosts {
  readonly params: RankParams;
  /** Gradient reduce-scatter / all-reduce, before overlap [s]. */
  readonly gradReduceSeconds: number;
  /** Reduction of the last gradient bucket, exposed even when the rest overlaps (rank-tail.ts) [s]. */
  readonly lastBucketSeconds: number;
  /** ZeRO-1/2 parameter all-gather (ZeRO-3 with pp > 1: the one gather per step), before overlap [s]. */
  readonly paramGatherSeconds: number;
  readonly optimizerSeconds: number;
}

/** What a rank's data-parallel costs read besides its groups and parameters. */
const SHARDING_FIELDS = ['zero', 'fsdpShardSize', 'edp'] as const;
export const RANK_FIELDS = [...GROUP_FIELDS, ...SHARDING_FIELDS] as const;
export type RankShape = Pick<Layout, (typeof RANK_FIELDS)[number] | 'schedule' | 'vp'>;

/** What a rank's parameters read of the layout (besides the rank): the split of the layers, then the partition. */
const PARAM_SPLIT_FIELDS = ['tp', 'ep', 'etp'] as const;
/** The partition's fields as a list of their own: `keyOf` keeps one key per list, and this one follows the split. */
const PARAM_PARTITION_FIELDS = [...PARTITION_FIELDS] as const;
type ParamShape = Pick<Layout, (typeof PARAM_SPLIT_FIELDS)[number] | (typeof PARAM_PARTITION_FIELDS)[number]>;

/** The key of the parameter fields (`ParamShape`), built after the key of the split (kept by `keyOf`: the skeletons of a grid share it). */
function paramsKey(pricer: StepPricer, layout: ParamShape): number {
  return keyOf(pricer, layout, PARAM_PARTITION_FIELDS, keyOf(pricer, layout, PARAM_SPLIT_FIELDS));
}

/**
 * Parameters one GPU of a pipeline rank holds (dense ÷tp, routed experts ÷ep·etp), per rank of
 * the partition of (schedule, pp, vp).
 */
export function rankParams(pricer: StepPricer, layout: Pick<Layout, 'tp' | 'ep' | 'etp' | 'schedule' | 'pp' | 'vp'>, rank: PipelineRank): RankParams {
  const key = extendKey(pricer, paramsKey(pricer, layout), rank.rank);
  return memo(pricer.params, key, () => {
    let params: RankParams = { dense: 0, expert: 0 };
    for (const chunk of rank.chunks) params = addParams(params, heldParams(pricer, layout, chunk));
    return params;
  });
}

/** `chunkParams` of what `chunk` holds (`heldCode`), per (tp, ep, etp): the middle ranks hold the same chunks. */
export function heldParams(pricer: StepPricer, layout: Pick<Layout, (typeof PARAM_SPLIT_FIELDS)[number]>, chunk: StageChunk): RankParams {
  const key = extendKey(pricer, keyOf(pricer, layout, PARAM_SPLIT_FIELDS), heldCode(pricer, chunk));
  return memo(pricer.chunkParams, key, () => chunkParams(pricer.scenario.model, layout, chunk));
}

/** `rankParams` of every rank of `partition`, the partition of `layout`'s (schedule, pp, vp). */
export function partitionParams(pricer: StepPricer, layout: ParamShape, partition: StagePartition): readonly RankParams[] {
  return memo(pricer.rankParamLists, paramsKey(pricer, layout), () => partition.ranks.map((rank) => rankParams(pricer, layout, rank)));
}

/** `RANK_FIELDS` and the partition's (schedule, vp) after the groups' key (pp is a group field). */
const RANK_LIST_TAIL = [...SHARDING_FIELDS, 'schedule', 'vp'] as const;

/**
 * The key of `keyOf(RANK_FIELDS)` extended by `tail`: the tuple of the group fields, then the rest.
 * The group fields' key is kept across calls (`keyOf`), and the leaves of a skeleton share it.
 */
function afterGroupsKey<F extends keyof Layout>(pricer: StepPricer, layout: Pick<Layout, F | (typeof GROUP_FIELDS)[number]>, tail: readonly F[]): number {
  return keyOf(pricer, layout, tail, keyOf(pricer, layout, GROUP_FIELDS));
}

/** `rankCosts` of every rank of `partition`, the partition of `layout`'s (schedule, pp, vp). */
export function partitionRankCosts(pricer: StepPricer, layout: RankShape, partition: StagePartition): readonly RankCosts[] {
  return memo(pricer.rankCostLists, afterGroupsKey(pricer, layout, RANK_LIST_TAIL), () =>
    rankCosts(pricer, layout, partitionParams(pricer, layout, partition), partition.ranks.map((rank) => rank.layers)));
}

/** Data-parallel tail and optimizer of ranks holding `params` each in `layers` transformer layers (one entry per rank). */
export function rankCosts(pricer: StepPricer, layout: Pick<Layout, (typeof RANK_FIELDS)[number]>, params: readonly RankParams[], layers: readonly number[]): RankCosts[] {
  const prefix = afterGroupsKey(pricer, layout, SHARDING_FIELDS);
  return params.map((p, i) => rankCostsKeyed(pricer, layout, p, layers[i] ?? 1, prefix));
}

function rankCostsKeyed(pricer: StepPricer, layout: Pick<Layout, (typeof RANK_FIELDS)[number]>, params: RankParams, layers: number, prefix: number): RankCosts {
  const key = extendKey(pricer, extendKey(pricer, extendKey(pricer, prefix, params.dense), params.expert), layers);
  return memo(pricer.ranks, key, () => {
    const dp = dataParallelComm(params, groupsOf(pricer, layout), layout, pricer.links.collective, pricer.framework.gradReduceBytes);
    return {
      params,
      gradReduceSeconds: dp.gradReduceSeconds,
      lastBucketSeconds: lastBucketSeconds(dp.gradReduceSeconds, params, layers, pricer.framework.profile.gradBucketParams),
      paramGatherSeconds: dp.paramGatherSeconds,
      optimizerSeconds: optimizerSeconds(params, layout, layout.edp, pricer.scenario.cluster.accelerator.hbmBandwidthBytesPerSec, optimizerBytesPerParam(pricer.scenario.training)),
    };
  });
}
