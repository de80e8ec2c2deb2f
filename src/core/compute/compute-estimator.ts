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
  countStageParts, ESTIMATE_FIELDS, packedAttentionSeconds, packPricedOps, partSegments, priceOps, STAGE_PARTS, stagePartsOf, sumPackedStageParts,
  unpackEstimate, type PricedOps, type StageFlags, type StageParts,
} from './estimate-compute.js';
import { layerKind, pushSegmentOps, segmentReadsExperts, type OpSegment } from './ops.js';
import { resolveRecompute, type RecomputePolicy } from './recompute.js';
import { createRooflineDevice, type RooflineDevice } from './roofline.js';
import { resolveGpuTokens, type GpuTokens } from './shape.js';
import type { ComputeEstimate, ComputeOp, ComputeShape } from './types.js';

export interface ComputeEstimator {
  /** Same result as `estimateLayerCompute(model, layerIndex, shape, accelerator, effParams)`. */
  readonly estimateLayer: (layerIndex: number, shape: ComputeShape) => ComputeEstimate;
  /** `estimateLayer(layerIndex, shape).byKind.attention`, read from the packed prices without building the estimate. */
  readonly layerAttentionSeconds: (layerIndex: number, shape: ComputeShape) => number;
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

/** A segment's op list and what `pushSegmentOps` read to build it besides the model: the token counts, the recipe and the expert split. */
interface BuiltOps {
  readonly gpu: GpuTokens;
  readonly precision: ComputeShape['precision'];
  readonly ep: number;
  readonly etp: number;
  readonly imbalance: number;
  readonly ops: readonly ComputeOp[];
}

/** Priced segments of one key. */
type Segments = Map<OpSegment, PricedOps>;

/** What every shape of the same token counts on the same device shares: the counts and the segments that read nothing else. */
interface TokenSegments {
  readonly gpu: GpuTokens;
  readonly device: RooflineDevice;
  readonly segments: Segments;
  /** Per recomputation policy, each part's sums over its leading segments (`PartPlan.lead`). */
  readonly prefixes: PartPrefixes[];
}

/** Each part's sums over its segments before the first that reads the expert split, under one policy, packed like `ShapeParts.packed`. */
interface PartPrefixes {
  readonly policy: RecomputePolicy;
  readonly packed: Float64Array;
  /** Bit i set: the prefix of STAGE_PARTS[i] is summed. */
  priced: number;
}

/** A part's segments in order, and how many lead them before the first that reads the expert split. */
interface PartPlan {
  readonly segments: readonly OpSegment[];
  readonly lead: number;
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
  /** The prefixes of the shape's token counts and policy. */
  readonly prefixes: PartPrefixes;
}

/** MoE FFN segments kept at most (see `expertSegments`). */
const EXPERT_SEGMENTS_KEPT = 64;

function planOf(segments: readonly OpSegment[]): PartPlan {
  const first = segments.findIndex(segmentReadsExperts);
  return { segments, lead: first < 0 ? segments.length : first };
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
  // Segments of each part by STAGE_PARTS index (the model is fixed), and one list reused for the
  // segments being summed.
  const plans = STAGE_PARTS.map((part) => planOf(partSegments(part, model)));
  const summed: PricedOps[] = [];
  const deviceOf = (shape: ComputeShape): RooflineDevice => {
    const smFraction = shape.computeSmFraction ?? 1;
    const trafficFactor = shape.elementwiseTrafficFactor ?? 1;
    const kernel = shape.attentionKernel ?? 'native';
    for (let i = 0; i < devices.length; i += 1) {
      const d = devices[i];
      if (d !== undefined && d.precision === shape.precision && d.smFraction === smFraction && d.trafficFactor === trafficFactor && d.kernel === kernel) return d.device;
    }
    const device = createRooflineDevice(accelerator, shape.precision, effParams, smFraction, trafficFactor, kernel);
    devices.push({ precision: shape.precision, smFraction, trafficFactor, kernel, device });
    return device;
  };
  const policyOf = (shape: ComputeShape): RecomputePolicy => {
    for (let i = 0; i < policies.length; i += 1) {
      const p = policies[i];
      if (p !== undefined && samePolicyInputs(p.shape, shape)) return p.policy;
    }
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
    for (let i = 0; i < bucket.length; i += 1) {
      const t = bucket[i];
      if (t !== undefined && t.device === device && sameTokens(t.gpu, gpu)) return t;
    }
    const entry: TokenSegments = { gpu, device, segments: new Map(), prefixes: [] };
    bucket.push(entry);
    return entry;
  };
  const prefixesOf = (tokens: TokenSegments, policy: RecomputePolicy): PartPrefixes => {
    const { prefixes } = tokens;
    for (let i = 0; i < prefixes.length; i += 1) {
      const p = prefixes[i];
      if (p !== undefined && p.policy === policy) return p;
    }
    const entry: PartPrefixes = { policy, packed: new Float64Array(STAGE_PARTS.length * ESTIMATE_FIELDS), priced: 0 };
    tokens.prefixes.push(entry);
    return entry;
  };
  const expertSegmentsOf = (tokens: TokenSegments, shape: ComputeShape): Segments => {
    const imbalance = shape.tokensPerExpertImbalance ?? 1;
    for (let i = 0; i < expertSegments.length; i += 1) {
      const e = expertSegments[i];
      if (e !== undefined && e.tokens === tokens && e.ep === shape.ep && e.etp === shape.etp && e.imbalance === imbalance && e.precision === shape.precision) return e.segments;
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
      const tokens = tokensOf(gpu, device);
      const policy = policyOf(shape);
      parts = { packed: new Float64Array(STAGE_PARTS.length * ESTIMATE_FIELDS), priced: 0, tokens, device, policy, prefixes: prefixesOf(tokens, policy) };
      byShape.set(shape, parts);
    }
    lastShape = shape;
    lastParts = parts;
    return parts;
  };
  // The op list built last per segment, with what it was built from: a shape priced on another
  // device (the SMs a paired schedule lends to its all-to-all) right after one of the same token
  // counts and expert split prices the same ops again.
  const builtOps = new Map<OpSegment, BuiltOps>();
  const opsOf = (segment: OpSegment, shape: ComputeShape, gpu: GpuTokens): readonly ComputeOp[] => {
    const imbalance = shape.tokensPerExpertImbalance ?? 1;
    const last = builtOps.get(segment);
    if (last !== undefined && last.precision === shape.precision && sameTokens(last.gpu, gpu)
      && (!segmentReadsExperts(segment) || (last.ep === shape.ep && last.etp === shape.etp && last.imbalance === imbalance))) return last.ops;
    const ops: ComputeOp[] = [];
    pushSegmentOps(ops, segment, model, gpu, shape);
    builtOps.set(segment, { gpu, precision: shape.precision, ep: shape.ep, etp: shape.etp, imbalance, ops });
    return ops;
  };
  const segmentOf = (segment: OpSegment, shape: ComputeShape, parts: ShapeParts): PricedOps => {
    const table = segmentReadsExperts(segment) ? expertSegmentsOf(parts.tokens, shape) : parts.tokens.segments;
    let priced = table.get(segment);
    if (priced === undefined) {
      priced = priceOps(opsOf(segment, shape, parts.tokens.gpu), parts.device);
      table.set(segment, priced);
    }
    return priced;
  };
  /** Sums segments `from` to `to` of a part's plan into `into` at `at`, continuing the sums at `fromAt` of `prefix` (or from zero). */
  const sumSegments = (plan: PartPlan, from: number, to: number, shape: ComputeShape, parts: ShapeParts, prefix: Float64Array | null, into: Float64Array, at: number): void => {
    summed.length = 0;
    for (let i = from; i < to; i += 1) {
      const segment = plan.segments[i];
      if (segment !== undefined) summed.push(segmentOf(segment, shape, parts));
    }
    packPricedOps(prefix, at, summed, parts.policy, into, at);
  };
  /**
   * Packs the price of part STAGE_PARTS[index] (`estimatePartCompute(model, part, shape, accelerator,
   * effParams)`) into `parts`; returns its offset. The sums over the part's leading segments, which
   * read only the token counts, are kept per (token counts, policy) and continued with the rest: a
   * shape of new ep or etp adds only the MoE FFN's middle run and what follows it.
   */
  const price = (index: number, shape: ComputeShape, parts: ShapeParts): number => {
    const at = index * ESTIMATE_FIELDS;
    const bit = 1 << index;
    if ((parts.priced & bit) !== 0) return at;
    const plan = plans[index];
    if (plan === undefined) throw new RangeError(`no stage part ${index}`);
    const prefixes = parts.prefixes;
    if ((prefixes.priced & bit) === 0) {
      sumSegments(plan, 0, plan.lead, shape, parts, null, prefixes.packed, at);
      prefixes.priced |= bit;
    }
    sumSegments(plan, plan.lead, plan.segments.length, shape, parts, prefixes.packed, parts.packed, at);
    parts.priced |= bit;
    return at;
  };
  /** The stage of `counts` parts: each part present priced once, then summed from the packed prices. */
  const stage = (counts: StageParts, shape: ComputeShape): ComputeEstimate => {
    const parts = partsOf(shape);
    for (let i = 0; i < STAGE_PARTS.length; i += 1) {
      if (counts[STAGE_PARTS[i] as keyof StageParts] > 0) price(i, shape, parts);
    }
    return sumPackedStageParts(counts, parts.packed);
  };
  return {
    estimateLayer: (layerIndex, shape) => {
      const parts = partsOf(shape);
      return unpackEstimate(parts.packed, price(STAGE_PARTS.indexOf(layerKind(model, layerIndex)), shape, parts));
    },
    layerAttentionSeconds: (layerIndex, shape) => {
      const parts = partsOf(shape);
      return packedAttentionSeconds(parts.packed, price(STAGE_PARTS.indexOf(layerKind(model, layerIndex)), shape, parts));
    },
    estimateStage: (layers, flags, shape) => stage(countStageParts(model, layers, flags), shape),
    estimateStageOf: (denseLayers, moeLayers, flags, shape) => stage(stagePartsOf(model, denseLayers, moeLayers, flags), shape),
  };
}
