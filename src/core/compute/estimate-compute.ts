/**
 * Compute time of one micro-batch on one GPU: a layer, or a pipeline stage (its layers plus the
 * embedding, output head and MTP modules it holds). Called in the planner's inner loop, so a stage
 * builds the ops of each distinct layer kind (dense, MoE) once and multiplies by the layer count.
 */
import type { Accelerator } from '../hardware/types.js';
import type { ModelSpec } from '../model/types.js';
import { DEFAULT_EFFICIENCY_PARAMS } from './efficiency-params.js';
import type { EfficiencyParams } from './efficiency.js';
import { embeddingOpsFor, headOpsFor, LAYER_KINDS, layerKind, layerKindOps, mtpOpsFor, type LayerKind } from './ops.js';
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

interface Accumulator {
  forward: number;
  backwardInput: number;
  backwardWeight: number;
  recompute: number;
  flopsForward: number;
  flopsBackward: number;
  flopsRecompute: number;
  gemm: number;
  attention: number;
  elementwise: number;
  moe: number;
}

interface Context {
  readonly device: RooflineDevice;
  readonly policy: RecomputePolicy;
}

function createContext(shape: ComputeShape, accelerator: Accelerator, params: EfficiencyParams): Context {
  return {
    device: createRooflineDevice(accelerator, shape.precision, params, shape.computeSmFraction ?? 1),
    policy: resolveRecompute(shape),
  };
}

function emptyAccumulator(): Accumulator {
  return { forward: 0, backwardInput: 0, backwardWeight: 0, recompute: 0, flopsForward: 0, flopsBackward: 0, flopsRecompute: 0, gemm: 0, attention: 0, elementwise: 0, moe: 0 };
}

/** Adds `times` copies of the ops' passes to the accumulator. */
function accumulate(acc: Accumulator, ops: readonly ComputeOp[], ctx: Context, times: number): void {
  if (times === 0) return;
  for (const op of ops) {
    const forward = opSeconds(op, 'forward', ctx.device);
    const input = opSeconds(op, 'backwardInput', ctx.device);
    const weight = opSeconds(op, 'backwardWeight', ctx.device);
    const again = recomputeMultiplier(op, ctx.policy);
    const flops = opFlops(op, 'forward');
    acc.forward += times * forward;
    acc.backwardInput += times * input;
    acc.backwardWeight += times * weight;
    acc.recompute += times * again * forward;
    acc.flopsForward += times * flops;
    acc.flopsBackward += times * (opFlops(op, 'backwardInput') + opFlops(op, 'backwardWeight'));
    acc.flopsRecompute += times * again * flops;
    const seconds = times * (forward * (1 + again) + input + weight);
    if (op.moe) acc.moe += seconds;
    else acc[op.kind] += seconds;
  }
}

function toEstimate(acc: Accumulator): ComputeEstimate {
  return {
    forwardSeconds: acc.forward,
    backwardInputSeconds: acc.backwardInput,
    backwardWeightSeconds: acc.backwardWeight,
    recomputeSeconds: acc.recompute,
    flops: { forward: acc.flopsForward, backward: acc.flopsBackward, recompute: acc.flopsRecompute },
    byKind: { gemm: acc.gemm, attention: acc.attention, elementwise: acc.elementwise, moe: acc.moe },
  };
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
  const kind = layerKind(model, layerIndex);
  const g = resolveGpuTokens(model, shape);
  const acc = emptyAccumulator();
  accumulate(acc, layerKindOps(model, kind, g, shape), createContext(shape, accelerator, effParams), 1);
  return toEstimate(acc);
}

/**
 * Compute time of a pipeline stage (its `layers`, 0-based main-model indexes, plus what `flags` says it
 * holds) for one micro-batch on one GPU. Builds each distinct layer kind's ops once.
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
  const ctx = createContext(shape, accelerator, effParams);
  const acc = emptyAccumulator();
  const counts: Record<LayerKind, number> = { dense: 0, moe: 0 };
  for (const index of layers) counts[layerKind(model, index)] += 1;
  for (const kind of LAYER_KINDS) {
    if (counts[kind] > 0) accumulate(acc, layerKindOps(model, kind, g, shape), ctx, counts[kind]);
  }
  addStageExtras(acc, model, flags, g, shape, ctx);
  return toEstimate(acc);
}

function addStageExtras(acc: Accumulator, model: ModelSpec, flags: StageFlags, g: GpuTokens, shape: ComputeShape, ctx: Context): void {
  if (flags.embedding) accumulate(acc, embeddingOpsFor(model, g), ctx, 1);
  if (flags.head) accumulate(acc, headOpsFor(model, g), ctx, 1);
  if (flags.mtp && model.mtpDepth > 0) accumulate(acc, mtpOpsFor(model, g, shape), ctx, model.mtpDepth);
}
