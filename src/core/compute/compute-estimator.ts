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

/** Whether two token counts are the same: every field of `GpuTokens` (all a segment other than the MoE FFN reads of the shape). */
function sameTokens(a: GpuTokens, b: GpuTokens): boolean {
  return a.tokens === b.tokens && a.normTokens === b.normTokens && a.seqLen === b.seqLen && a.attentionKeyTokens === b.attentionKeyTokens
    && a.kvRows === b.kvRows && a.tp === b.tp && a.quantisedBytes === b.quantisedBytes && a.castBytes === b.castBytes;
}

/** A roofline device and the inputs it was made from besides the accelerator (`createRooflineDevice`). */
interface DeviceEntry {
  readonly precision: ComputeShape['precision'];
  readonly smFraction: number;
  readonly trafficFactor: number;
  readonly kernel: NonNullable<ComputeShape['attentionKernel']>;
  readonly device: RooflineDevice;
}

/** A recomputation policy and the shape fields it was resolved from (`resolveRecompute`). */
interface PolicyEntry {
  readonly shape: Pick<ComputeShape, 'recompute' | 'recomputeModules' | 'selectivePolicy' | 'precision'>;
  readonly policy: RecomputePolicy;
}

function sameModules(a: ComputeShape['recomputeModules'], b: ComputeShape['recomputeModules']): boolean {
  if (a === b) return true;
  return a !== undefined && b !== undefined && a.length === b.length && a.every((m, i) => m === b[i]);
}

function samePolicyInputs(a: PolicyEntry['shape'], b: ComputeShape): boolean {
  return a.recompute === b.recompute && a.selectivePolicy === b.selectivePolicy && a.precision === b.precision && sameModules(a.recomputeModules, b.recomputeModules);
}

/** The MoE FFN segment of one (token counts, device) entry and expert split. */
interface ExpertEntry {
  readonly tokens: TokenSegments;
  /** What the MoE FFN reads besides the token counts (`pushSegmentOps`). */
  readonly ep: number;
  readonly etp: number;
  readonly imbalance: number;
  readonly precision: ComputeShape['precision'];
  readonly segments: Segments;
}

/** Priced segments of one key. */
type Segments = Map<OpSegment, PricedOps>;

/** What every shape of the same token counts on the same device shares: the counts and the segments that read nothing else. */
interface TokenSegments {
  readonly gpu: GpuTokens;
  readonly device: RooflineDevice;
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
  // Few distinct values each, compared field by field (no key string built per shape).
  const tokenSegments = new Map<number, TokenSegments[]>();
  const devices: DeviceEntry[] = [];
  const policies: PolicyEntry[] = [];
  // MoE FFN segments: one per expert split of each shape, so only the most recent are kept (the
  // next shapes mostly differ in recomputation only); a dropped entry is priced again, identically.
  const expertSegments: ExpertEntry[] = [];
  // Segments of each part (the model is fixed), and one list reused for the segments being summed.
  const partSegmentLists = new Map<StagePart, readonly OpSegment[]>();
  const summed: PricedOps[] = [];
  const deviceOf = (shape: ComputeShape): RooflineDevice => {
    const smFraction = shape.computeSmFraction ?? 1;
    const trafficFactor = shape.elementwiseTrafficFactor ?? 1;
    const kernel = shape.attentionKernel ?? 'native';
    for (const d of devices) {
      if (d.precision === shape.precision && d.smFraction === smFraction && d.trafficFactor === trafficFactor && d.kernel === kernel) return d.device;
    }
    const device = createRooflineDevice(accelerator, shape.precision, effParams, smFraction, trafficFactor, kernel);
    devices.push({ precision: shape.precision, smFraction, trafficFactor, kernel, device });
    return device;
  };
  const policyOf = (shape: ComputeShape): RecomputePolicy => {
    for (const p of policies) if (samePolicyInputs(p.shape, shape)) return p.policy;
    const policy = resolveRecompute(shape);
    const { recompute, recomputeModules, selectivePolicy, precision } = shape;
    policies.push({ shape: { recompute, recomputeModules, selectivePolicy, precision }, policy });
    return policy;
  };
  const tokensOf = (gpu: GpuTokens, device: RooflineDevice): TokenSegments => {
    let bucket = tokenSegments.get(gpu.tokens);
    if (bucket === undefined) {
      bucket = [];
      tokenSegments.set(gpu.tokens, bucket);
    }
    for (const t of bucket) if (t.device === device && sameTokens(t.gpu, gpu)) return t;
    const entry: TokenSegments = { gpu, device, segments: new Map() };
    bucket.push(entry);
    return entry;
  };
  const expertSegmentsOf = (tokens: TokenSegments, shape: ComputeShape): Segments => {
    const imbalance = shape.tokensPerExpertImbalance ?? 1;
    for (const e of expertSegments) {
      if (e.tokens === tokens && e.ep === shape.ep && e.etp === shape.etp && e.imbalance === imbalance && e.precision === shape.precision) return e.segments;
    }
    if (expertSegments.length >= EXPERT_SEGMENTS_KEPT) expertSegments.length = 0;
    const entry: ExpertEntry = { tokens, ep: shape.ep, etp: shape.etp, imbalance, precision: shape.precision, segments: new Map() };
    expertSegments.push(entry);
    return entry.segments;
  };
  // The shape asked last and its parts: a layer's prices and its stages ask about one shape in a
  // row, and comparing one reference costs less than a weak-map lookup.
  let lastShape: ComputeShape | null = null;
  let lastParts: ShapeParts | null = null;
  const partsOf = (shape: ComputeShape): ShapeParts => {
    if (shape === lastShape && lastParts !== null) return lastParts;
    let parts = byShape.get(shape);
    if (parts === undefined) {
      // Checked here, as estimatePartCompute checks it.
      const gpu = resolveGpuTokens(model, shape);
      const device = deviceOf(shape);
      parts = { packed: new Float64Array(STAGE_PARTS.length * ESTIMATE_FIELDS), priced: 0, tokens: tokensOf(gpu, device), device, policy: policyOf(shape) };
      byShape.set(shape, parts);
    }
    lastShape = shape;
    lastParts = parts;
    return parts;
  };
  const segmentOf = (segment: OpSegment, shape: ComputeShape, parts: ShapeParts): PricedOps => {
    const table = segmentReadsExperts(segment) ? expertSegmentsOf(parts.tokens, shape) : parts.tokens.segments;
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
