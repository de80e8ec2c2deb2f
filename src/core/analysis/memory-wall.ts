/**
 * The memory wall in the step: the share of compute time spent in ops whose roofline time is set by
 * HBM bandwidth rather than by the tensor cores (Williams, Waterman & Patterson 2009, "Roofline";
 * Gholami et al. 2024, "AI and Memory Wall", hardware-facts.md §5).
 *
 * For every op of one micro-batch through the whole model (all layers, embedding, head, MTP) and every
 * pass (forward, recomputed forward, backward-input, backward-weight), the op is priced twice with
 * `compute/roofline.ts`: on the real device and on the same device with unlimited HBM bandwidth. An op
 * is memory-bound when the real time is longer (element-wise ops always are; GEMMs when skinny).
 *
 *   memoryBoundShare = Σ t_real(memory-bound ops) / Σ t_real(all ops)              [fraction]
 *   hbmStallShare    = Σ (t_real − t_unlimitedHbm) / Σ t_real                      [fraction]
 *
 * The first is the share of compute time bounded by HBM; the second the time that infinite bandwidth
 * would remove (≤ the first). Whole-model shares; the per-micro-batch shape is the step model's.
 */
import { computeShape } from '../step/pricer.js';
import { layerKindOps, embeddingOps, headOps, mtpOps } from '../compute/ops.js';
import { recomputeMultiplier, resolveRecompute } from '../compute/recompute.js';
import { createRooflineDevice, opSeconds, type Pass, type RooflineDevice } from '../compute/roofline.js';
import { resolveGpuTokens } from '../compute/shape.js';
import type { ComputeOp, ComputeShape } from '../compute/types.js';
import type { Layout } from '../layout/types.js';
import { moeLayerCount } from '../model/params.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_STEP_OPTIONS, stepEfficiency, type StepOptions } from '../step/options.js';

export interface MemoryWall {
  /** Compute seconds of one micro-batch through the whole model on one GPU [s]. */
  readonly computeSeconds: number;
  /** Seconds of ops whose roofline is bandwidth-bound [s]. */
  readonly memoryBoundSeconds: number;
  /** Seconds infinite HBM bandwidth would remove [s]. */
  readonly hbmStallSeconds: number;
  readonly memoryBoundShare: number;
  readonly hbmStallShare: number;
}

const PASSES: readonly Pass[] = ['forward', 'backwardInput', 'backwardWeight'];

/** The step model's per-GPU shape. */
export const stepComputeShape = computeShape;

interface Tally { total: number; bound: number; stall: number }

function tallyOps(ops: readonly ComputeOp[], count: number, devices: { real: RooflineDevice; free: RooflineDevice }, shape: ComputeShape, t: Tally): void {
  if (count === 0) return;
  const policy = resolveRecompute(shape);
  for (const op of ops) {
    const again = recomputeMultiplier(op, policy);
    for (const pass of PASSES) {
      const times = count * (pass === 'forward' ? 1 + again : 1);
      const real = opSeconds(op, pass, devices.real);
      const free = opSeconds(op, pass, devices.free);
      t.total += times * real;
      if (real > free) {
        t.bound += times * real;
        t.stall += times * (real - free);
      }
    }
  }
}

/** Memory-bound share of the step's compute (formulas in the file header). */
export function estimateMemoryWall(scenario: Scenario, layout: Layout, options: StepOptions = DEFAULT_STEP_OPTIONS): MemoryWall {
  const { model, cluster } = scenario;
  const shape = stepComputeShape(scenario, layout, options);
  const g = resolveGpuTokens(model, shape);
  const real = createRooflineDevice(cluster.accelerator, shape.precision, stepEfficiency(scenario, options), shape.computeSmFraction ?? 1);
  const devices = { real, free: { ...real, memoryBytesPerSec: Number.POSITIVE_INFINITY, moeMemoryBytesPerSec: Number.POSITIVE_INFINITY } };
  const moeLayers = moeLayerCount(model);
  const t: Tally = { total: 0, bound: 0, stall: 0 };
  tallyOps(layerKindOps(model, 'dense', g, shape), model.layers - moeLayers, devices, shape, t);
  if (model.moe !== null) tallyOps(layerKindOps(model, 'moe', g, shape), moeLayers, devices, shape, t);
  tallyOps(embeddingOps(model, shape), 1, devices, shape, t);
  tallyOps(headOps(model, shape), 1, devices, shape, t);
  if (model.mtpDepth > 0) tallyOps(mtpOps(model, shape), model.mtpDepth, devices, shape, t);
  return {
    computeSeconds: t.total,
    memoryBoundSeconds: t.bound,
    hbmStallSeconds: t.stall,
    memoryBoundShare: t.total > 0 ? t.bound / t.total : 0,
    hbmStallShare: t.total > 0 ? t.stall / t.total : 0,
  };
}
