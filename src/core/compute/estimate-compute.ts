/**
 * Compute time of one micro-batch on one GPU: a layer, or a pipeline stage (its layers plus the
 * embedding, output head and MTP modules it holds). Called in the planner's inner loop, so a stage
 * prices each distinct part (dense layer, MoE layer, embedding, head, MTP) once and multiplies by
 * its count; `createComputeEstimator` also memoises the parts across calls.
 */
import { InputError } from '../errors.js';
import type { Accelerator } from '../hardware/types.js';
import type { ModelSpec } from '../model/types.js';
import { DEFAULT_EFFICIENCY_PARAMS } from './efficiency-params.js';
import type { EfficiencyParams } from './efficiency.js';
import { layerKind, layerSegments, mtpSegments, segmentsOps, type LayerKind, type OpSegment } from './ops.js';
import { recomputeMultiplier, resolveRecompute, type RecomputePolicy } from './recompute.js';
import { createRooflineDevice, opFlops, opSeconds, type RooflineDevice } from './roofline.js';
import { resolveGpuTokens, type GpuTokens } from './shape.js';
import type { ComputeEstimate, ComputeOp, ComputeShape } from './types.js';

/** What a pipeline stage holds besides its transformer layers. */
export interface StageFlags {
  /** The input embedding (first stage). */
  readonly embedding: boolean;
  /** Final norm, output head and loss (last stage). */
  readonly head: boolean;
  /** All `model.mtpDepth` MTP modules (DeepSeek-V3: placed with the head). */
  readonly mtp: boolean;
}

/** A priced unit of a stage: one layer of a kind, the embedding, the head, or one MTP module. */
export type StagePart = LayerKind | 'embedding' | 'head' | 'mtp';

/** How many of each part a stage holds. */
export type StageParts = Readonly<Record<StagePart, number>>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

function zeroEstimate(): Mutable<ComputeEstimate> {
  return {
    forwardSeconds: 0, backwardInputSeconds: 0, backwardWeightSeconds: 0, recomputeSeconds: 0,
    flops: { forward: 0, backward: 0, recompute: 0 },
    byKind: { gemm: 0, attention: 0, elementwise: 0, moe: 0 },
  };
}

/**
 * A list of forward ops priced on one device, op by op: the seconds of each pass and the FLOPs,
 * before any recomputation (which only re-weights them, `sumPricedOps`).
 */
export interface PricedOps {
  readonly ops: readonly ComputeOp[];
  /**
   * PRICE_FIELDS numbers per op, op i at i · PRICE_FIELDS: forward, backward-input and
   * backward-weight seconds, forward FLOPs, backward FLOPs (input + weight).
   */
  readonly prices: Float64Array;
}

const PRICE_FIELDS = 5;

/** Prices every op of `ops` in every pass on `device`. */
export function priceOps(ops: readonly ComputeOp[], device: RooflineDevice): PricedOps {
  const prices = new Float64Array(ops.length * PRICE_FIELDS);
  for (let i = 0; i < ops.length; i += 1) {
    const op = ops[i] as ComputeOp;
    const at = i * PRICE_FIELDS;
    prices[at] = opSeconds(op, 'forward', device);
    prices[at + 1] = opSeconds(op, 'backwardInput', device);
    prices[at + 2] = opSeconds(op, 'backwardWeight', device);
    prices[at + 3] = opFlops(op, 'forward');
    prices[at + 4] = opFlops(op, 'backwardInput') + opFlops(op, 'backwardWeight');
  }
  return { ops, prices };
}

/** Index of an op's seconds by kind in a packed estimate (`packEstimate`). */
function byKindField(op: ComputeOp): number {
  if (op.moe) return 10;
  return op.kind === 'gemm' ? 7 : op.kind === 'attention' ? 8 : 9;
}

/** Adds the priced ops of `priced`, in order, into the packed estimate at `at` of `e` under the recomputation `policy`. */
function addPricedOps(e: Float64Array, at: number, priced: PricedOps, policy: RecomputePolicy): void {
  const { ops, prices } = priced;
  for (let i = 0; i < ops.length; i += 1) {
    const op = ops[i] as ComputeOp;
    const p = i * PRICE_FIELDS;
    const forward = prices[p] ?? 0;
    const input = prices[p + 1] ?? 0;
    const weight = prices[p + 2] ?? 0;
    const flops = prices[p + 3] ?? 0;
    const again = recomputeMultiplier(op, policy);
    e[at] = (e[at] ?? 0) + forward;
    e[at + 1] = (e[at + 1] ?? 0) + input;
    e[at + 2] = (e[at + 2] ?? 0) + weight;
    e[at + 3] = (e[at + 3] ?? 0) + again * forward;
    e[at + 4] = (e[at + 4] ?? 0) + flops;
    e[at + 5] = (e[at + 5] ?? 0) + (prices[p + 4] ?? 0);
    e[at + 6] = (e[at + 6] ?? 0) + again * flops;
    const kind = at + byKindField(op);
    e[kind] = (e[kind] ?? 0) + (forward * (1 + again) + input + weight);
  }
}

/**
 * The estimate of the ops of `segments` taken in order, each priced on one device: the same sums,
 * in the same order, as `estimateOps` over their concatenation.
 */
export function sumPricedOps(segments: readonly PricedOps[], policy: RecomputePolicy): ComputeEstimate {
  const e = new Float64Array(ESTIMATE_FIELDS);
  packPricedOps(null, 0, segments, policy, e, 0);
  return unpackEstimate(e, 0);
}

/**
 * Packs into `into` at `at` the sums of `segments` continued from the packed estimate at `fromAt`
 * of `from` (from zero when `from` is null): when `from` holds the sums of the segments before
 * these, the same sums, in the same order, as `sumPricedOps` over all of them. A memoising caller
 * keeps the sums of a part's leading segments and continues them for each shape that differs only
 * in the segments after.
 */
export function packPricedOps(from: Float64Array | null, fromAt: number, segments: readonly PricedOps[], policy: RecomputePolicy, into: Float64Array, at: number): void {
  for (let f = 0; f < ESTIMATE_FIELDS; f += 1) into[at + f] = from === null ? 0 : (from[fromAt + f] ?? 0);
  for (let i = 0; i < segments.length; i += 1) {
    const priced = segments[i];
    if (priced !== undefined) addPricedOps(into, at, priced, policy);
  }
}

/** Prices a list of forward ops in every pass. */
export function estimateOps(ops: readonly ComputeOp[], device: RooflineDevice, policy: RecomputePolicy): ComputeEstimate {
  return sumPricedOps([priceOps(ops, device)], policy);
}

/**
 * An estimate packed as ESTIMATE_FIELDS numbers (forward, backward-input, backward-weight and
 * recompute seconds; forward, backward and recompute FLOPs; seconds by kind: gemm, attention,
 * element-wise, moe), so that a memoising caller keeps one typed array per shape rather than
 * three objects and eleven boxed numbers per part.
 */
export const ESTIMATE_FIELDS = 11;

export function packEstimate(e: ComputeEstimate, into: Float64Array, at: number): void {
  into[at] = e.forwardSeconds;
  into[at + 1] = e.backwardInputSeconds;
  into[at + 2] = e.backwardWeightSeconds;
  into[at + 3] = e.recomputeSeconds;
  into[at + 4] = e.flops.forward;
  into[at + 5] = e.flops.backward;
  into[at + 6] = e.flops.recompute;
  into[at + 7] = e.byKind.gemm;
  into[at + 8] = e.byKind.attention;
  into[at + 9] = e.byKind.elementwise;
  into[at + 10] = e.byKind.moe;
}

/** `unpackEstimate(from, at).byKind.attention` without the record (the same number: 0 + 1 × the packed one). */
export function packedAttentionSeconds(from: Float64Array, at: number): number {
  return 0 + 1 * (from[at + 8] ?? 0);
}

export function unpackEstimate(from: Float64Array, at: number): ComputeEstimate {
  const e = zeroEstimate();
  addScaled(e, from, at, 1);
  return e;
}

/** Adds `times` × the packed estimate at `at` into `total`. */
function addScaled(total: Mutable<ComputeEstimate>, p: Float64Array, at: number, times: number): void {
  total.forwardSeconds += times * (p[at] ?? 0);
  total.backwardInputSeconds += times * (p[at + 1] ?? 0);
  total.backwardWeightSeconds += times * (p[at + 2] ?? 0);
  total.recomputeSeconds += times * (p[at + 3] ?? 0);
  total.flops.forward += times * (p[at + 4] ?? 0);
  total.flops.backward += times * (p[at + 5] ?? 0);
  total.flops.recompute += times * (p[at + 6] ?? 0);
  total.byKind.gemm += times * (p[at + 7] ?? 0);
  total.byKind.attention += times * (p[at + 8] ?? 0);
  total.byKind.elementwise += times * (p[at + 9] ?? 0);
  total.byKind.moe += times * (p[at + 10] ?? 0);
}

/** The op segments of one part of a stage, in order (`ops.ts`). */
export function partSegments(part: StagePart, model: ModelSpec): readonly OpSegment[] {
  if (part === 'embedding') return EMBEDDING_SEGMENTS;
  if (part === 'head') return HEAD_SEGMENTS;
  if (part === 'mtp') return mtpSegments(model);
  return layerSegments(model, part);
}

const EMBEDDING_SEGMENTS: readonly OpSegment[] = ['embedding'];
const HEAD_SEGMENTS: readonly OpSegment[] = ['head'];

/** Forward ops of one part of a stage for one micro-batch on one GPU (`g` from the checked shape). */
export function partOps(part: StagePart, model: ModelSpec, g: GpuTokens, shape: ComputeShape): ComputeOp[] {
  return segmentsOps(partSegments(part, model), model, g, shape);
}

/** Prices one part of a stage for one micro-batch on one GPU (shape checked here). */
export function estimatePartCompute(
  model: ModelSpec,
  part: StagePart,
  shape: ComputeShape,
  accelerator: Accelerator,
  effParams: EfficiencyParams = DEFAULT_EFFICIENCY_PARAMS,
): ComputeEstimate {
  const g = resolveGpuTokens(model, shape);
  const device = createRooflineDevice(accelerator, shape.precision, effParams, shape.computeSmFraction ?? 1, shape.elementwiseTrafficFactor ?? 1, shape.attentionKernel ?? 'native');
  return estimateOps(partOps(part, model, g, shape), device, resolveRecompute(shape));
}

/** Counts the parts of a stage; layer indexes are checked (0-based main-model layers). */
export function countStageParts(model: ModelSpec, layers: readonly number[], flags: StageFlags): StageParts {
  let dense = 0;
  let moe = 0;
  for (const index of layers) {
    if (layerKind(model, index) === 'moe') moe += 1;
    else dense += 1;
  }
  return { dense, moe, embedding: flags.embedding ? 1 : 0, head: flags.head ? 1 : 0, mtp: flags.mtp ? model.mtpDepth : 0 };
}

function checkLayerCount(model: ModelSpec, field: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > model.layers) throw new InputError(field, n, `must be an integer in [0, ${model.layers}]`);
}

/** The parts of a stage holding `dense` dense and `moe` MoE layers (counts checked: whole, at most the model's layers). */
export function stagePartsOf(model: ModelSpec, dense: number, moe: number, flags: StageFlags): StageParts {
  checkLayerCount(model, 'denseLayers', dense);
  checkLayerCount(model, 'moeLayers', moe);
  return { dense, moe, embedding: flags.embedding ? 1 : 0, head: flags.head ? 1 : 0, mtp: flags.mtp ? model.mtpDepth : 0 };
}

/** The parts of a stage in the order they are summed; a part's packed estimate sits at its index × ESTIMATE_FIELDS. */
export const STAGE_PARTS: readonly StagePart[] = ['dense', 'moe', 'embedding', 'head', 'mtp'];

/** Sums parts priced by `price` (called once per part present). */
export function sumStageParts(parts: StageParts, price: (part: StagePart) => ComputeEstimate): ComputeEstimate {
  const packed = new Float64Array(STAGE_PARTS.length * ESTIMATE_FIELDS);
  STAGE_PARTS.forEach((part, i) => {
    if (parts[part] > 0) packEstimate(price(part), packed, i * ESTIMATE_FIELDS);
  });
  return sumPackedStageParts(parts, packed);
}

/** Sums the parts of `parts` from their packed estimates (`packed`, by STAGE_PARTS index), in STAGE_PARTS order. */
export function sumPackedStageParts(parts: StageParts, packed: Float64Array): ComputeEstimate {
  const total = zeroEstimate();
  for (let i = 0; i < STAGE_PARTS.length; i += 1) {
    const n = parts[STAGE_PARTS[i] as StagePart];
    if (n > 0) addScaled(total, packed, i * ESTIMATE_FIELDS, n);
  }
  return total;
}

/**
 * Compute time of layer `layerIndex` (0-based; `layers .. layers+mtpDepth-1` = MTP blocks) for one
 * micro-batch on one GPU. `effParams` defaults to DEFAULT_EFFICIENCY_PARAMS.
 */
export function estimateLayerCompute(
  model: ModelSpec,
  layerIndex: number,
  shape: ComputeShape,
  accelerator: Accelerator,
  effParams: EfficiencyParams = DEFAULT_EFFICIENCY_PARAMS,
): ComputeEstimate {
  return estimatePartCompute(model, layerKind(model, layerIndex), shape, accelerator, effParams);
}

/**
 * Compute time of a pipeline stage (its `layers`, 0-based main-model indexes, plus what `flags` says it
 * holds) for one micro-batch on one GPU. Prices each distinct part once.
 */
export function estimateStageCompute(
  model: ModelSpec,
  layers: readonly number[],
  flags: StageFlags,
  shape: ComputeShape,
  accelerator: Accelerator,
  effParams: EfficiencyParams = DEFAULT_EFFICIENCY_PARAMS,
): ComputeEstimate {
  const g = resolveGpuTokens(model, shape);
  const device = createRooflineDevice(accelerator, shape.precision, effParams, shape.computeSmFraction ?? 1, shape.elementwiseTrafficFactor ?? 1, shape.attentionKernel ?? 'native');
  const policy = resolveRecompute(shape);
  return sumStageParts(countStageParts(model, layers, flags), (part) => estimateOps(partOps(part, model, g, shape), device, policy));
}
