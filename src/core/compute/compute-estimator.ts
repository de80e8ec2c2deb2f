/**
 * A memoising front of `estimateStageCompute` for the planner's inner loop: one estimator per
 * (model, accelerator, efficiency data) keeps the price of each stage part per distinct shape, so
 * thousands of layouts sharing a micro-batch shape price each layer kind once. The cache lives in
 * the estimator the caller holds (no module state) and is dropped with it.
 *
 * Below the parts, each op segment (`ops.ts`: attention block, dense or MoE FFN, embedding, MTP
 * input, head) is priced once per what it reads: the MoE FFN per (token counts, expert split,
 * device), every other segment per (token counts, device) — so a dense layer, the embedding and the
 * head are shared by shapes that differ only in ep, etp or the routing imbalance, and a MoE layer
 * and an MTP module share their attention block and head. Recomputation only re-weights priced ops
 * (`sumPricedOps`, the same sums in the same order as pricing the part's op list directly).
 */
import type { Accelerator } from '../hardware/types.js';
import type { ModelSpec } from '../model/types.js';
import { DEFAULT_EFFICIENCY_PARAMS } from './efficiency-params.js';
import type { EfficiencyParams } from './efficiency.js';
import {
  countStageParts, partSegments, priceOps, stagePartsOf, sumPricedOps, sumStageParts,
  type PricedOps, type StageFlags, type StagePart,
} from './estimate-compute.js';
import { layerKind, pushSegmentOps, segmentReadsExperts, type OpSegment } from './ops.js';
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

/** Key of the token counts: every field of `GpuTokens` (all a segment other than the MoE FFN reads of the shape). */
function tokensKey(g: GpuTokens): string {
  return `${g.tokens}|${g.normTokens}|${g.seqLen}|${g.attentionKeyTokens}|${g.kvRows}|${g.tp}|${g.quantisedBytes}|${g.castBytes}`;
}

/** Key of what the MoE FFN reads besides the token counts (`pushSegmentOps`). */
function expertsKey(s: ComputeShape): string {
  return `${s.ep}|${s.etp}|${s.tokensPerExpertImbalance ?? 1}|${s.precision}`;
}

/** Key of the shape's fields that the op builders read, besides what the token counts hold. */
function opsKey(s: ComputeShape): string {
  return `${s.microBatch}|${s.seqLen}|${s.tp}|${s.cp}|${s.sp}|${s.precisionScaling ?? ''}|${s.documentTokens ?? s.seqLen}|${expertsKey(s)}`;
}

/** Key of the roofline device of a shape (`createRooflineDevice`'s inputs besides the accelerator). */
function deviceKey(s: ComputeShape): string {
  return `${s.precision}|${s.computeSmFraction ?? 1}|${s.elementwiseTrafficFactor ?? 1}|${s.attentionKernel ?? 'native'}`;
}

/** Key of the recomputation policy of a shape (`resolveRecompute`'s inputs). */
function policyKey(s: ComputeShape): string {
  const modules = s.recomputeModules === undefined ? '' : s.recomputeModules.join('+');
  return `${s.recompute ?? 'none'}|${modules}|${s.selectivePolicy ?? 'modules'}|${s.precision}`;
}

/** Priced segments of one key. */
type Segments = Map<OpSegment, PricedOps>;

/** One shape's part prices, and what pricing another part needs. */
interface ShapeParts {
  readonly parts: Map<StagePart, ComputeEstimate>;
  /** Segments shared by every shape of the same token counts and device. */
  readonly tokenSegments: Segments;
  /** Key of the MoE FFN segment, shared by every shape of the same token counts, expert split and device. */
  readonly expertsKey: string;
  readonly gpu: GpuTokens;
  readonly device: RooflineDevice;
  readonly policy: RecomputePolicy;
}

/** MoE FFN segments kept at most (see `expertSegments`). */
const EXPERT_SEGMENTS_KEPT = 64;

/** The value under `key`, made once. */
function cached<K, V>(table: Map<K, V>, key: K, make: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = make();
    table.set(key, value);
  }
  return value;
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
  const tokenSegments = new Map<string, Segments>();
  // MoE FFN segments: one per expert split of each shape, so only the most recent are kept (the
  // next shapes mostly differ in recomputation only); a cleared entry is priced again, identically.
  const expertSegments = new Map<string, Segments>();
  const devices = new Map<string, RooflineDevice>();
  const policies = new Map<string, RecomputePolicy>();
  // Segments of each part (the model is fixed), and one list reused for the segments being summed.
  const partSegmentLists = new Map<StagePart, readonly OpSegment[]>();
  const summed: PricedOps[] = [];
  const recentExpertSegments = (key: string): Segments => {
    if (expertSegments.size >= EXPERT_SEGMENTS_KEPT && !expertSegments.has(key)) expertSegments.clear();
    return cached(expertSegments, key, () => new Map());
  };
  const partsOf = (shape: ComputeShape): ShapeParts => {
    let parts = byShape.get(shape);
    if (parts !== undefined) return parts;
    const ops = opsKey(shape);
    const device = deviceKey(shape);
    const policy = policyKey(shape);
    const key = `${ops}|${device}|${policy}`;
    parts = byKey.get(key);
    if (parts === undefined) {
      // Checked here, as estimatePartCompute checks it.
      const gpu = resolveGpuTokens(model, shape);
      const tokens = `${tokensKey(gpu)}|${device}`;
      parts = {
        parts: new Map(), gpu,
        tokenSegments: cached(tokenSegments, tokens, () => new Map()),
        expertsKey: `${tokens}|${expertsKey(shape)}`,
        device: cached(devices, device, () => createRooflineDevice(accelerator, shape.precision, effParams, shape.computeSmFraction ?? 1, shape.elementwiseTrafficFactor ?? 1, shape.attentionKernel ?? 'native')),
        policy: cached(policies, policy, () => resolveRecompute(shape)),
      };
      byKey.set(key, parts);
    }
    byShape.set(shape, parts);
    return parts;
  };
  const segmentOf = (segment: OpSegment, shape: ComputeShape, parts: ShapeParts): PricedOps => {
    const table = segmentReadsExperts(segment) ? recentExpertSegments(parts.expertsKey) : parts.tokenSegments;
    let priced = table.get(segment);
    if (priced === undefined) {
      const ops: ComputeOp[] = [];
      pushSegmentOps(ops, segment, model, parts.gpu, shape);
      priced = priceOps(ops, parts.device);
      table.set(segment, priced);
    }
    return priced;
  };
  /** Same result as `estimatePartCompute(model, part, shape, accelerator, effParams)`. */
  const price = (part: StagePart, shape: ComputeShape, parts: ShapeParts): ComputeEstimate => {
    const hit = parts.parts.get(part);
    if (hit !== undefined) return hit;
    const segments = cached(partSegmentLists, part, () => partSegments(part, model));
    summed.length = 0;
    for (const segment of segments) summed.push(segmentOf(segment, shape, parts));
    const estimate = sumPricedOps(summed, parts.policy);
    parts.parts.set(part, estimate);
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
