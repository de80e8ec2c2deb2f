/**
 * A memoising front of `estimateStageCompute` for the planner's inner loop: one estimator per
 * (model, accelerator, efficiency data) keeps the price of each stage part per distinct shape, so
 * thousands of layouts sharing a micro-batch shape price each layer kind once. The cache lives in
 * the estimator the caller holds (no module state); it grows by one small record per distinct
 * (part, shape) and is dropped with the estimator.
 */
import type { Accelerator } from '../hardware/types.js';
import type { ModelSpec } from '../model/types.js';
import { DEFAULT_EFFICIENCY_PARAMS } from './efficiency-params.js';
import type { EfficiencyParams } from './efficiency.js';
import { countStageParts, estimatePartCompute, sumStageParts, type StageFlags, type StagePart } from './estimate-compute.js';
import { layerKind } from './ops.js';
import type { ComputeEstimate, ComputeShape } from './types.js';

export interface ComputeEstimator {
  /** Same result as `estimateLayerCompute(model, layerIndex, shape, accelerator, effParams)`. */
  readonly estimateLayer: (layerIndex: number, shape: ComputeShape) => ComputeEstimate;
  /** Same result as `estimateStageCompute(model, layers, flags, shape, accelerator, effParams)`. */
  readonly estimateStage: (layers: readonly number[], flags: StageFlags, shape: ComputeShape) => ComputeEstimate;
}

/** Cache key of a shape: every field that changes a part's price. */
function shapeKey(s: ComputeShape): string {
  const modules = s.recomputeModules === undefined ? '' : s.recomputeModules.join('+');
  return `${s.microBatch}|${s.seqLen}|${s.tp}|${s.cp}|${s.sp}|${s.ep}|${s.etp}|${s.precision}|${s.tokensPerExpertImbalance ?? 1}|${s.recompute ?? 'none'}|${modules}|${s.computeSmFraction ?? 1}|${s.selectivePolicy ?? 'modules'}|${s.elementwiseTrafficFactor ?? 1}|${s.attentionKernel ?? 'native'}|${s.documentTokens ?? s.seqLen}|${s.precisionScaling ?? ''}`;
}

/** Creates an estimator for one model on one accelerator with one set of efficiency data. */
export function createComputeEstimator(
  model: ModelSpec,
  accelerator: Accelerator,
  effParams: EfficiencyParams = DEFAULT_EFFICIENCY_PARAMS,
): ComputeEstimator {
  // The parts priced per shape, found by the shape's key; and by the shape object itself, which the
  // step pricer keeps per layer shape and passes again for every stage (no key to build then).
  const byKey = new Map<string, Map<StagePart, ComputeEstimate>>();
  const byShape = new WeakMap<ComputeShape, Map<StagePart, ComputeEstimate>>();
  const partsOf = (shape: ComputeShape): Map<StagePart, ComputeEstimate> => {
    let parts = byShape.get(shape);
    if (parts !== undefined) return parts;
    const key = shapeKey(shape);
    parts = byKey.get(key);
    if (parts === undefined) {
      parts = new Map();
      byKey.set(key, parts);
    }
    byShape.set(shape, parts);
    return parts;
  };
  const price = (part: StagePart, shape: ComputeShape, parts: Map<StagePart, ComputeEstimate>): ComputeEstimate => {
    const hit = parts.get(part);
    if (hit !== undefined) return hit;
    const estimate = estimatePartCompute(model, part, shape, accelerator, effParams);
    parts.set(part, estimate);
    return estimate;
  };
  return {
    estimateLayer: (layerIndex, shape) => price(layerKind(model, layerIndex), shape, partsOf(shape)),
    estimateStage: (layers, flags, shape) => {
      const parts = partsOf(shape);
      return sumStageParts(countStageParts(model, layers, flags), (part) => price(part, shape, parts));
    },
  };
}
