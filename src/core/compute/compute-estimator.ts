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
import { countStageParts, estimateOps, partOps, stagePartsOf, sumStageParts, type StageFlags, type StagePart } from './estimate-compute.js';
import { layerKind } from './ops.js';
import { resolveRecompute, type RecomputePolicy } from './recompute.js';
import { createRooflineDevice, type RooflineDevice } from './roofline.js';
import { resolveGpuTokens, type GpuTokens } from './shape.js';
import type { ComputeEstimate, ComputeOp, ComputeShape } from './types.js';

export interface ComputeEstimator {
  /** Same result as `estimateLayerCompute(model, layerIndex, shape, accelerator, effParams)`. */
  readonly estimateLayer: (layerIndex: number, shape: ComputeShape) => ComputeEstimate;
  /** Same result as `estimateStageCompute(model, layers, flags, shape, accelerator, effParams)`. */
  readonly estimateStage: (layers: readonly number[], flags: StageFlags, shape: ComputeShape) => ComputeEstimate;
  /** `estimateStage` of a stage holding `denseLayers` dense and `moeLayers` MoE layers (no list of layer indexes). */
  readonly estimateStageOf: (denseLayers: number, moeLayers: number, flags: StageFlags, shape: ComputeShape) => ComputeEstimate;
}

/** Cache key of the op lists of a shape: the fields the op builders read (not the recomputation, the SM share, the element-wise traffic or the attention kernel). */
function opsKey(s: ComputeShape): string {
  return `${s.microBatch}|${s.seqLen}|${s.tp}|${s.cp}|${s.sp}|${s.ep}|${s.etp}|${s.precision}|${s.tokensPerExpertImbalance ?? 1}|${s.precisionScaling ?? ''}|${s.documentTokens ?? s.seqLen}`;
}

/** Cache key of a shape: every field that changes a part's price. */
function shapeKey(s: ComputeShape, ops: string): string {
  const modules = s.recomputeModules === undefined ? '' : s.recomputeModules.join('+');
  return `${ops}|${s.recompute ?? 'none'}|${modules}|${s.computeSmFraction ?? 1}|${s.selectivePolicy ?? 'modules'}|${s.elementwiseTrafficFactor ?? 1}|${s.attentionKernel ?? 'native'}`;
}

/** One shape's parts priced so far, and what pricing another part needs. */
interface ShapeParts {
  readonly estimates: Map<StagePart, ComputeEstimate>;
  readonly opsKey: string;
  readonly gpu: GpuTokens;
  readonly device: RooflineDevice;
  readonly policy: RecomputePolicy;
}

/** The op lists of the shape priced last (the next shape often differs only in its SM share or recomputation). */
interface RecentOps {
  key: string;
  lists: Map<StagePart, ComputeOp[]>;
}

/** Creates an estimator for one model on one accelerator with one set of efficiency data. */
export function createComputeEstimator(
  model: ModelSpec,
  accelerator: Accelerator,
  effParams: EfficiencyParams = DEFAULT_EFFICIENCY_PARAMS,
): ComputeEstimator {
  // The parts priced per shape, found by the shape's key; and by the shape object itself, which the
  // step pricer keeps per layer shape and passes again for every stage (no key to build then).
  const byKey = new Map<string, ShapeParts>();
  const byShape = new WeakMap<ComputeShape, ShapeParts>();
  const recent: RecentOps = { key: '', lists: new Map() };
  const partsOf = (shape: ComputeShape): ShapeParts => {
    let parts = byShape.get(shape);
    if (parts !== undefined) return parts;
    const ops = opsKey(shape);
    const key = shapeKey(shape, ops);
    parts = byKey.get(key);
    if (parts === undefined) {
      // Checked here, as estimatePartCompute checks it.
      const gpu = resolveGpuTokens(model, shape);
      const device = createRooflineDevice(accelerator, shape.precision, effParams, shape.computeSmFraction ?? 1, shape.elementwiseTrafficFactor ?? 1, shape.attentionKernel ?? 'native');
      parts = { estimates: new Map(), opsKey: ops, gpu, device, policy: resolveRecompute(shape) };
      byKey.set(key, parts);
    }
    byShape.set(shape, parts);
    return parts;
  };
  /** Same result as `estimatePartCompute(model, part, shape, accelerator, effParams)`. */
  const price = (part: StagePart, shape: ComputeShape, parts: ShapeParts): ComputeEstimate => {
    const hit = parts.estimates.get(part);
    if (hit !== undefined) return hit;
    if (recent.key !== parts.opsKey) {
      recent.key = parts.opsKey;
      recent.lists = new Map();
    }
    let ops = recent.lists.get(part);
    if (ops === undefined) {
      ops = partOps(part, model, parts.gpu, shape);
      recent.lists.set(part, ops);
    }
    const estimate = estimateOps(ops, parts.device, parts.policy);
    parts.estimates.set(part, estimate);
    return estimate;
  };
  return {
    estimateLayer: (layerIndex, shape) => price(layerKind(model, layerIndex), shape, partsOf(shape)),
    estimateStage: (layers, flags, shape) => {
      const parts = partsOf(shape);
      return sumStageParts(countStageParts(model, layers, flags), (part) => price(part, shape, parts));
    },
    estimateStageOf: (denseLayers, moeLayers, flags, shape) => {
      const parts = partsOf(shape);
      return sumStageParts(stagePartsOf(model, denseLayers, moeLayers, flags), (part) => price(part, shape, parts));
    },
  };
}
