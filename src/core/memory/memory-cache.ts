/**
 * What the memory model would otherwise rebuild for every layout, kept per search: the stage
 * partition per (schedule, pp, vp) and each layer kind's stored activations per (activation shape,
 * recomputation, selective policy). The planner checks thousands of layouts that share these; the
 * cache is the caller's (no module state) and changes no number: a miss computes what a hit returns.
 */
import { partitionStages, type StagePartition } from '../layout/stages.js';
import type { Layout, Recompute } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';
import { layerActivation, type LayerActivation, type SelectivePolicy } from './activations.js';
import type { ActivationShape } from './layer-tensors.js';

export interface MemoryCache {
  /** The model every entry belongs to (a layout of another model is not cached). */
  readonly model: ModelSpec;
  readonly partitions: Map<string, StagePartition>;
  readonly activations: Map<string, LayerActivation>;
}

export function createMemoryCache(model: ModelSpec): MemoryCache {
  return { model, partitions: new Map(), activations: new Map() };
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
