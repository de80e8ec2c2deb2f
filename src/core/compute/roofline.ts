/**
 * Roofline time of one op in one pass on one GPU:
 *
 *   seconds = max( FLOPs / (peak(precision) · smFraction · eff(FLOPs)),  bytes / (hbmBandwidth · hbmEff) )
 *
 * (Williams, Waterman & Patterson 2009, "Roofline"; eff from `efficiency.ts`). Passes:
 * - GEMM: backward-input (dgrad dX = dY·Wᵀ) and backward-weight (wgrad dW = Xᵀ·dY) each have the
 *   forward FLOPs (2·m·n·k), so backward = 2× forward (Narayanan et al. 2021 §5.1); bytes per pass
 *   from that pass's own operands (wgrad accumulates into an FP32 gradient: read + write 8 bytes).
 * - Attention core: backward = 2.5× forward FLOPs (FlashAttention-2, Dao 2023 §3.1.2/§4.1: forward 2
 *   matmuls, backward 5 — recomputing S = QKᵀ, dV, dP, dQ, dK), all of it backward-input (no weights),
 *   at the record's backward efficiency; 2× the forward bytes.
 * - Element-wise: backward ≈ 2× forward bytes (reads the saved input and the output gradient, writes
 *   the input gradient), all backward-input; a token permutation's backward is its inverse (1×).
 *   The routed-expert path's element-wise kernels run at the HBM efficiency measured on MoE layers
 *   (`MOE_ELEMENTWISE_HBM_EFFICIENCY`), the others at the die's own.
 */
import type { Accelerator, Precision } from '../hardware/types.js';
import { curveEfficiency, deviceEfficiency, gemmCurve, type AttentionCurve, type EfficiencyParams, type SaturatingCurve } from './efficiency.js';
import { peakFlopsPerSec } from '../hardware/peak-flops.js';
import { sustainedTensorRatio } from '../hardware/power-clock.js';
import { passShapeEfficiency, type GemmTiling } from './gemm-shape.js';
import { mathPrecision, operandBytes } from './precision.js';
import { ACTIVATION_BYTES } from '../hardware/element-bytes.js';
import { MOE_ELEMENTWISE_HBM_EFFICIENCY } from './efficiency-params.js';
import type { AttentionKernel, AttentionOp, ComputeOp, ElementwiseOp, GemmOp, PrecisionClass } from './types.js';

export type Pass = 'forward' | 'backwardInput' | 'backwardWeight';

/** Work of a backward pass relative to the forward (FLOPs for GEMM/attention, bytes for element-wise). */
export interface PassMultipliers {
  readonly backwardInput: number;
  readonly backwardWeight: number;
}

/** Backward work per kind of op, as multiples of its forward work (sources in the file header). */
export const BACKWARD_MULTIPLIERS = {
  gemm: { backwardInput: 1, backwardWeight: 1 },
  attention: { backwardInput: 2.5, backwardWeight: 0 },
  elementwise: { backwardInput: 2, backwardWeight: 0 },
} as const satisfies Record<ComputeOp['kind'], PassMultipliers>;

/**
 * Rows of one tensor-core GEMM tile. A GEMM's m is padded to a whole number of tiles; grouped GEMMs
 * pad every expert's segment (DeepGEMM contiguous layout aligns each expert to the M block, 128).
 */
export const GEMM_TILE_ROWS = 128;

/**
 * Achievable fraction of nominal HBM bandwidth of a large streaming kernel (read and write whole
 * tensors): 0.8, the prior of `efficiency-params.ts` ("streaming kernels reach ~80–90 %").
 */
const STREAMING_HBM_EFFICIENCY = 0.8;

/** Bytes per element of the FP32 weight-gradient accumulation (read + write 4 bytes). */
const WGRAD_ACCUMULATE_BYTES = 8;

interface TensorPath {
  readonly precision: Precision;
  readonly peakFlopsPerSec: number;
  readonly curve: SaturatingCurve;
  readonly operandBytes: number;
}

/** One accelerator under one recipe, resolved once per estimate. */
export interface RooflineDevice {
  readonly gemm: Readonly<Record<PrecisionClass, TensorPath>>;
  readonly attention: { readonly peakFlopsPerSec: number; readonly curve: AttentionCurve };
  /** Achievable HBM bandwidth [bytes/s] = nominal · hbmEfficiency. */
  readonly memoryBytesPerSec: number;
  /** Achievable HBM bandwidth of the routed-expert path's element-wise kernels [bytes/s] (`MOE_ELEMENTWISE_HBM_EFFICIENCY`). */
  readonly moeMemoryBytesPerSec: number;
  /** Element-wise HBM traffic relative to fused kernels (the framework's fusion; 1 = fused). */
  readonly elementwiseTrafficFactor: number;
  /** Streaming HBM bandwidth of large unfused element-wise kernels [bytes/s] (the extra traffic of eager stacks). */
  readonly streamingBytesPerSec: number;
  /** SMs running GEMM tiles (the compute share of them); null: no wave model, m padded to 128 rows. */
  readonly gemmTiling: GemmTiling | null;
}

function tensorPath(accelerator: Accelerator, precision: Precision, params: EfficiencyParams, smFraction: number): TensorPath {
  return {
    precision,
    peakFlopsPerSec: peakFlopsPerSec(accelerator, precision) * smFraction * sustainedTensorRatio(accelerator),
    curve: gemmCurve(params, accelerator.id, precision),
    operandBytes: operandBytes(precision),
  };
}

/**
 * Resolves peaks and curves for a recipe. `computeSmFraction` scales the tensor-core peak only:
 * memory-bound kernels still saturate HBM with most SMs (DeepSeek-V3 TR §3.2.2 keeps 112 of 132).
 */
export function createRooflineDevice(
  accelerator: Accelerator,
  recipe: Precision,
  params: EfficiencyParams,
  computeSmFraction = 1,
  elementwiseTrafficFactor = 1,
  attentionKernel: AttentionKernel = 'native',
): RooflineDevice {
  const bf16 = mathPrecision(recipe, 'bf16-only');
  const dev = deviceEfficiency(params, accelerator.id);
  const attentionCurve = attentionKernel === 'flash-attention-2' ? dev.flashAttention2 ?? dev.attention : dev.attention;
  return {
    gemm: {
      'fp8-capable': tensorPath(accelerator, mathPrecision(recipe, 'fp8-capable'), params, computeSmFraction),
      'bf16-only': tensorPath(accelerator, bf16, params, computeSmFraction),
    },
    attention: { peakFlopsPerSec: peakFlopsPerSec(accelerator, bf16) * computeSmFraction * sustainedTensorRatio(accelerator), curve: attentionCurve },
    memoryBytesPerSec: accelerator.hbmBandwidthBytesPerSec * dev.hbmEfficiency,
    moeMemoryBytesPerSec: accelerator.hbmBandwidthBytesPerSec * Math.min(dev.hbmEfficiency, MOE_ELEMENTWISE_HBM_EFFICIENCY),
    elementwiseTrafficFactor,
    streamingBytesPerSec: accelerator.hbmBandwidthBytesPerSec * STREAMING_HBM_EFFICIENCY,
    gemmTiling: dev.gemmTiling === undefined ? null : { streamingMultiprocessors: Math.max(1, Math.round(dev.gemmTiling.streamingMultiprocessors * computeSmFraction)) },
  };
}

/** Forward FLOPs of a GEMM op [FLOP] = 2·m·n·k·count. */
export function gemmFlops(op: GemmOp): number {
  return 2 * op.m * op.n * op.k * op.count;
}

/** Bytes a GEMM pass moves [bytes]: its two operands in the math precision, its output in BF16 (FP32 for wgrad). */
function gemmBytes(op: GemmOp, pass: Pass, ob: number): number {
  const { m, n, k } = op;
  if (pass === 'forward') return op.count * ((m * k + k * n) * ob + m * n * ACTIVATION_BYTES);
  if (pass === 'backwardInput') return op.count * ((m * n + n * k) * ob + m * k * ACTIVATION_BYTES);
  return op.count * ((m * k + m * n) * ob + k * n * WGRAD_ACCUMULATE_BYTES);
}

/**
 * Shape efficiency of a pass (`gemm-shape.ts`); without tiling data, m padded to whole 128-row tiles.
 * Output rows × cols and reduction depth of each pass: forward C[m×n] over k; dgrad dX[m×k] over n;
 * wgrad dW[k×n] over m (a grouped expert's wgrad reduces over its own tokens only).
 */
function shapeEfficiency(op: GemmOp, pass: Pass, tiling: GemmTiling | null): number {
  if (tiling === null) return op.m / (Math.ceil(op.m / GEMM_TILE_ROWS) * GEMM_TILE_ROWS);
  if (pass === 'forward') return passShapeEfficiency(op.m, op.n, op.k, op.count, tiling);
  if (pass === 'backwardInput') return passShapeEfficiency(op.m, op.k, op.n, op.count, tiling);
  return passShapeEfficiency(op.k, op.n, op.m, op.count, tiling);
}

function gemmSeconds(op: GemmOp, pass: Pass, device: RooflineDevice): number {
  const path = device.gemm[op.precisionClass];
  const flops = gemmFlops(op);
  if (flops === 0) return 0;
  const eff = curveEfficiency(path.curve, flops, path.peakFlopsPerSec) * shapeEfficiency(op, pass, device.gemmTiling);
  const computeSeconds = flops / (path.peakFlopsPerSec * eff);
  const memorySeconds = gemmBytes(op, pass, path.operandBytes) / device.memoryBytesPerSec;
  return Math.max(computeSeconds, memorySeconds);
}

function attentionSeconds(op: AttentionOp, pass: Pass, device: RooflineDevice): number {
  const m = pass === 'forward' ? 1 : BACKWARD_MULTIPLIERS.attention[pass];
  if (m === 0 || op.flops === 0) return 0;
  const { peakFlopsPerSec: peak, curve } = device.attention;
  const flops = op.flops * m;
  const ratio = pass === 'forward' ? 1 : curve.backwardEfficiencyRatio;
  const computeSeconds = flops / (peak * curveEfficiency(curve, flops, peak) * ratio);
  const bytes = pass === 'forward' ? op.bytes : 2 * op.bytes;
  return Math.max(computeSeconds, bytes / device.memoryBytesPerSec);
}

function elementwiseSeconds(op: ElementwiseOp, pass: Pass, device: RooflineDevice): number {
  const m = pass === 'forward' ? 1 : pass === 'backwardInput' ? (op.backwardBytesRatio ?? BACKWARD_MULTIPLIERS.elementwise.backwardInput) : 0;
  const bytes = op.bytes * m;
  if (op.streaming === true) return bytes / device.streamingBytesPerSec;
  // Fused work at the device's element-wise efficiency; an eager stack's extra passes are large
  // streaming kernels over whole tensors, at streaming bandwidth.
  const fused = op.moe ? device.moeMemoryBytesPerSec : device.memoryBytesPerSec;
  return bytes / fused + (bytes * (device.elementwiseTrafficFactor - 1)) / device.streamingBytesPerSec;
}

/** Roofline time of one op in one pass [s]. */
export function opSeconds(op: ComputeOp, pass: Pass, device: RooflineDevice): number {
  switch (op.kind) {
    case 'gemm':
      return gemmSeconds(op, pass, device);
    case 'attention':
      return attentionSeconds(op, pass, device);
    case 'elementwise':
      return elementwiseSeconds(op, pass, device);
  }
}

/** FLOPs of one op in one pass [FLOP] (element-wise ops count none). */
export function opFlops(op: ComputeOp, pass: Pass): number {
  if (op.kind === 'elementwise') return 0;
  const forward = op.kind === 'gemm' ? gemmFlops(op) : op.flops;
  return pass === 'forward' ? forward : forward * BACKWARD_MULTIPLIERS[op.kind][pass];
}
