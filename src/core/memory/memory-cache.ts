/**
 * What the memory model would otherwise rebuild for every layout, kept per search: the stage
 * partition per (schedule, pp, vp), each layer kind's stored activations per (activation shape,
 * recomputation, selective policy), the parameter counts per (tp, ep, etp) and every rank's
 * parameters per (partition, counts). The planner checks thousands of layouts that share these; the
 * cache is the caller's (no module state) and changes no number: a miss computes what a hit returns.
 */
import { partitionStages, type StagePartition } from '../layout/stages.js';
import type { Layout, Recompute } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';
import { layerActivation, type LayerActivation, type SelectivePolicy } from './activations.js';
import type { ActivationShape } from './layer-tensors.js';
import { countRankParams, layerParamCounts, sameRankParams, type LayerParamCounts, type RankParams } from './states.js';

export interface MemoryCache {
  /** The model every entry belongs to (a layout of another model is not cached). */
  readonly model: ModelSpec;
  readonly partitions: Map<string, StagePartition>;
  readonly activations: Map<string, LayerActivation>;
  /** Each layer kind's parameters per GPU, per (tp, ep, etp). */
  readonly counts: Map<string, LayerParamCounts>;
  /** Every pipeline rank's parameters, per partition and parameter counts (both cached objects). */
  readonly rankParams: WeakMap<StagePartition, Map<LayerParamCounts, readonly RankParams[]>>;
}

export function createMemoryCache(model: ModelSpec): MemoryCache {
  return { model, partitions: new Map(), activations: new Map(), counts: new Map(), rankParams: new WeakMap() };
}

function cached<V>(table: Map<string, V>, key: string, make: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = make();
    table.set(key, value);
  }
  return value;
}

/** `partitionStages(model, layout)` (the default layer split), from the cache when it holds the model. */
export function partitionOf(cache: MemoryCache | undefined, model: ModelSpec, layout: Pick<Layout, 'pp' | 'vp' | 'schedule'>): StagePartition {
  if (cache === undefined || cache.model !== model) return partitionStages(model, layout);
  return cached(cache.partitions, `${layout.schedule}|${layout.pp}|${layout.vp}`, () => partitionStages(model, layout));
}

/** `layerParamCounts(model, layout)`, from the cache when it holds the model. */
export function paramCountsOf(cache: MemoryCache | undefined, model: ModelSpec, layout: Pick<Layout, 'tp' | 'ep' | 'etp'>): LayerParamCounts {
  if (cache === undefined || cache.model !== model) return layerParamCounts(model, layout);
  return cached(cache.counts, `${layout.tp}|${layout.ep}|${layout.etp}`, () => layerParamCounts(model, layout));
}

/** `list` with each rank's parameters the object of the first rank holding the same (equal ranks compare by identity first). */
function internRankParams(list: RankParams[]): RankParams[] {
  for (let i = 1; i < list.length; i += 1) {
    const p = list[i];
    for (let j = 0; j < i && p !== undefined; j += 1) {
      const q = list[j];
      if (q !== undefined && q !== p && sameRankParams(q, p)) {
        list[i] = q;
        break;
      }
    }
  }
  return list;
}

/** `countRankParams` of every rank of `partition`, from the cache when it holds the model (any partition and counts object). */
export function rankParamsOf(cache: MemoryCache | undefined, model: ModelSpec, counts: LayerParamCounts, partition: StagePartition): readonly RankParams[] {
  const count = (): RankParams[] => internRankParams(partition.ranks.map((rank) => countRankParams(model, counts, rank)));
  if (cache === undefined || cache.model !== model) return count();
  let byCounts = cache.rankParams.get(partition);
  if (byCounts === undefined) {
    byCounts = new Map();
    cache.rankParams.set(partition, byCounts);
  }
  let list = byCounts.get(counts);
  if (list === undefined) {
    list = count();
    byCounts.set(counts, list);
  }
  return list;
}

/**
 * Key of every field of an activation shape, whatever fields it gains: the values in the order
 * `estimate-memory.ts` builds the record (every field present, so positions line up).
 */
function shapeKey(shape: ActivationShape): string {
  let key = '';
  for (const field in shape) key += `${String(shape[field as keyof ActivationShape])}|`;
  return key;
}

/** `layerActivation(model, moe, shape, recompute, policy)`, from the cache when it holds the model. */
export function layerActivationOf(
  cache: MemoryCache | undefined, model: ModelSpec, moe: boolean, shape: ActivationShape, recompute: Recompute, policy: SelectivePolicy,
): LayerActivation {
  if (cache === undefined || cache.model !== model) return layerActivation(model, moe, shape, recompute, policy);
  const modules = policy.kind === 'modules' ? policy.modules.join('+') : '';
  const key = `${shapeKey(shape)}${moe ? 'moe' : 'dense'}|${recompute}|${policy.kind}|${modules}`;
  return cached(cache.activations, key, () => layerActivation(model, moe, shape, recompute, policy));
}
