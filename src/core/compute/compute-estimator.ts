/**
 * A memoising front of `estimateStageCompute` for the planner's inner loop: one estimator per
 * (model, accelerator, efficiency data) keeps the price of each stage part per shape object (the
 * step pricer keeps one per layer shape), packed in one typed array, so thousands of layouts sharing
 * a micro-batch shape price each layer kind once. The caches live in the estimator the caller holds
 * (no module state) and are dropped with it.
 *
 * Below the parts, each op segment (`ops.ts`: attention block, dense or MoE FFN, embedding, MTP
 * input, head) is priced once per what it reads: the MoE FFN per (token counts, expert split,
 * device), every other segment per (token counts, device) — so a dense layer, the embedding and the
 * head are shared by shapes that differ only in ep, etp or the routing imbalance, and a MoE layer
 * and an MTP module share their attention block and head. Recomputation only re-weights priced ops
 * (`sumPricedOps`: the same sums, in the same order, as pricing the part's op list directly).
 */
import type { Accelerator } from '../hardware/types.js';
import type { ModelSpec } from '../model/types.js';
import { DEFAULT_EFFICIENCY_PARAMS } from './efficiency-params.js';
import type { EfficiencyParams } from './efficiency.js';
import {
  countStageParts, ESTIMATE_FIELDS, packEstimate, partSegments, priceOps, STAGE_PARTS, stagePartsOf, sumPackedStageParts, sumPricedOps,
  unpackEstimate, type PricedOps, type StageFlags, type StagePart, type StageParts,
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

/** What every shape of the same token counts on the same device shares: the counts and the segments that read nothing else. */
interface TokenSegments {
  readonly key: string;
  readonly gpu: GpuTokens;
  readonly segments: Segments;
}

/** One shape's part prices, and what pricing another part needs. */
interface ShapeParts {
  /** Each part's estimate packed at its STAGE_PARTS index × ESTIMATE_FIELDS, once priced. */
  readonly packed: Float64Array;
  /** Bit i set: the part STAGE_PARTS[i] is priced. */
  priced: number;
  readonly tokens: TokenSegments;
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
  // The parts priced per shape object, which the step pricer keeps per layer shape and passes again
  // for every stage; a new object with an old shape only sums its parts again from the segments.
  const byShape = new WeakMap<ComputeShape, ShapeParts>();
  const tokenSegments = new Map<string, TokenSegments>();
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
    // Checked here, as estimatePartCompute checks it.
    const gpu = resolveGpuTokens(model, shape);
    const device = deviceKey(shape);
    const policy = policyKey(shape);
    const tokens = `${tokensKey(gpu)}|${device}`;
    parts = {
      packed: new Float64Array(STAGE_PARTS.length * ESTIMATE_FIELDS), priced: 0,
      tokens: cached(tokenSegments, tokens, () => ({ key: tokens, gpu, segments: new Map() })),
      device: cached(devices, device, () => createRooflineDevice(accelerator, shape.precision, effParams, shape.computeSmFraction ?? 1, shape.elementwiseTrafficFactor ?? 1, shape.attentionKernel ?? 'native')),
      policy: cached(policies, policy, () => resolveRecompute(shape)),
    };
    byShape.set(shape, parts);
    return parts;
  };
  const segmentOf = (segment: OpSegment, shape: ComputeShape, parts: ShapeParts): PricedOps => {
    const table = segmentReadsExperts(segment) ? recentExpertSegments(`${parts.tokens.key}|${expertsKey(shape)}`) : parts.tokens.segments;
    let priced = table.get(segment);
    if (priced === undefined) {
      const ops: ComputeOp[] = [];
      pushSegmentOps(ops, segment, model, parts.tokens.gpu, shape);
      priced = priceOps(ops, parts.device);
      table.set(segment, priced);
    }
    return priced;
  };
  /** Packs the price of `part` (`estimatePartCompute(model, part, shape, accelerator, effParams)`) into `parts`; returns its offset. */
  const price = (part: StagePart, shape: ComputeShape, parts: ShapeParts): number => {
    const index = STAGE_PARTS.indexOf(part);
    const at = index * ESTIMATE_FIELDS;
    if ((parts.priced & (1 << index)) !== 0) return at;
    const segments = cached(partSegmentLists, part, () => partSegments(part, model));
    summed.length = 0;
    for (const segment of segments) summed.push(segmentOf(segment, shape, parts));
    packEstimate(sumPricedOps(summed, parts.policy), parts.packed, at);
    parts.priced |= 1 << index;
    return at;
  };
  /** The stage of `counts` parts: each part present priced once, then summed from the packed prices. */
  const stage = (counts: StageParts, shape: ComputeShape): ComputeEstimate => {
    const parts = partsOf(shape);
    for (const part of STAGE_PARTS) {
      if (counts[part] > 0) price(part, shape, parts);
    }
    return sumPackedStageParts(counts, parts.packed);
  };
  return {
    estimateLayer: (layerIndex, shape) => {
      const parts = partsOf(shape);
      return unpackEstimate(parts.packed, price(layerKind(model, layerIndex), shape, parts));
    },
    estimateStage: (layers, flags, shape) => stage(countStageParts(model, layers, flags), shape),
    estimateStageOf: (denseLayers, moeLayers, flags, shape) => stage(stagePartsOf(model, denseLayers, moeLayers, flags), shape),
  };
}
