/**
 * The step pricer's rank level: a pipeline rank's parameters per GPU and what they add after its
 * last op (gradient reduction, parameter gather, optimizer), memoised in the pricer like the layer
 * and stage levels (pricer.ts).
 */
import type { PipelineRank, StagePartition } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { dataParallelComm, optimizerBytesPerParam, optimizerSeconds, type RankParams } from './data-parallel.js';
import { extendKey, GROUP_FIELDS, groupsOf, keyOf, memo, type StepPricer } from './pricer.js';
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

export const RANK_FIELDS = [...GROUP_FIELDS, 'zero', 'fsdpShardSize', 'edp'] as const;
export type RankShape = Pick<Layout, (typeof RANK_FIELDS)[number] | 'schedule' | 'vp'>;

/** What a rank's parameters read of the layout (besides the rank). */
const PARAM_FIELDS = ['tp', 'ep', 'etp', 'schedule', 'pp', 'vp'] as const;

/**
 * Parameters one GPU of a pipeline rank holds (dense ÷tp, routed experts ÷ep·etp), per rank of
 * the partition of (schedule, pp, vp).
 */
export function rankParams(pricer: StepPricer, layout: Pick<Layout, 'tp' | 'ep' | 'etp' | 'schedule' | 'pp' | 'vp'>, rank: PipelineRank): RankParams {
  const key = extendKey(pricer, keyOf(pricer, layout, PARAM_FIELDS), rank.rank);
  return memo(pricer.params, key, () => {
    let params: RankParams = { dense: 0, expert: 0 };
    for (const chunk of rank.chunks) params = addParams(params, chunkParams(pricer.scenario.model, layout, chunk));
    return params;
  });
}

/** `rankParams` of every rank of `partition`, the partition of `layout`'s (schedule, pp, vp). */
export function partitionParams(pricer: StepPricer, layout: Pick<Layout, (typeof PARAM_FIELDS)[number]>, partition: StagePartition): readonly RankParams[] {
  return memo(pricer.rankParamLists, keyOf(pricer, layout, PARAM_FIELDS), () => partition.ranks.map((rank) => rankParams(pricer, layout, rank)));
}

const RANK_LIST_FIELDS = [...RANK_FIELDS, 'schedule', 'vp'] as const;

/** `rankCosts` of every rank of `partition`, the partition of `layout`'s (schedule, pp, vp). */
export function partitionRankCosts(pricer: StepPricer, layout: RankShape, partition: StagePartition): readonly RankCosts[] {
  return memo(pricer.rankCostLists, keyOf(pricer, layout, RANK_LIST_FIELDS), () =>
    rankCosts(pricer, layout, partitionParams(pricer, layout, partition), partition.ranks.map((rank) => rank.layers)));
}

/** Data-parallel tail and optimizer of ranks holding `params` each in `layers` transformer layers (one entry per rank). */
export function rankCosts(pricer: StepPricer, layout: Pick<Layout, (typeof RANK_FIELDS)[number]>, params: readonly RankParams[], layers: readonly number[]): RankCosts[] {
  const prefix = keyOf(pricer, layout, RANK_FIELDS);
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
