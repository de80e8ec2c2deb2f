/**
 * Achievable-efficiency curves. A GEMM (or attention kernel) of F FLOPs on a device of peak P reaches
 *
 *   eff(F) = effMax · F / (F + F½),   F½ = P · τ½                                  (dimensionless)
 *
 * a saturating (Michaelis-Menten) curve in the kernel's FLOPs: small kernels cannot fill every SM
 * (wave quantisation) nor amortise the prologue/epilogue; large ones approach effMax. It is exactly
 * a roofline plus a fixed cost per kernel: time = F/(effMax·P) + τ½/effMax [s]. Expressing the knee
 * as a time τ½ rather than FLOPs lets one prior serve devices of different peaks.
 * Chosen over "min dimension" because FLOPs also captures k (short reductions) and the group size of
 * grouped GEMMs, and skinny, memory-bound GEMMs are caught by the roofline's bandwidth term.
 */
import type { Precision } from '../hardware/types.js';
import type { GemmTiling } from './gemm-shape.js';

/** Two parameters of a saturating efficiency curve. */
export interface SaturatingCurve {
  /** Efficiency approached by large kernels, in (0, 1]. */
  readonly effMax: number;
  /** Fixed-cost time that sets the knee: half of effMax at F = peak · halfSaturationSeconds [s]. */
  readonly halfSaturationSeconds: number;
}

/** Flash-attention core curve (BF16), with the backward kernel's efficiency relative to the forward's. */
export interface AttentionCurve extends SaturatingCurve {
  /** Backward efficiency / forward efficiency (FlashAttention-2 on A100: ~63 % vs ~73 % of peak). */
  readonly backwardEfficiencyRatio: number;
}

/** Fitted or prior GEMM curve of one accelerator in one precision. */
export interface GemmEfficiencyRecord extends SaturatingCurve {
  /** Accelerator id (`hardware.json` / `Accelerator.id`). */
  readonly accelerator: string;
  readonly precision: Precision;
  /** How the numbers were obtained: 'fitted by scripts/calibrate.ts on …' or 'prior: …'. */
  readonly source: string;
}

/** Attention and memory-bandwidth efficiency of one accelerator. */
export interface DeviceEfficiencyRecord {
  readonly accelerator: string;
  readonly attention: AttentionCurve;
  /**
   * FlashAttention-2 on this chip, where it is slower than the native kernel (Hopper); absent: the
   * native curve (on Ampere FlashAttention-2 is the native kernel).
   */
  readonly flashAttention2?: AttentionCurve;
  /** Achievable / nominal HBM bandwidth for streaming element-wise kernels, in (0, 1]. */
  readonly hbmEfficiency: number;
  /** SMs that run GEMM tiles (wave quantisation, `gemm-shape.ts`); absent: m padded to 128 rows only. */
  readonly gemmTiling?: GemmTiling;
  readonly source: string;
}

/** All efficiency data: per-accelerator records and the generic prior used when none matches. */
export interface EfficiencyParams {
  readonly gemm: readonly GemmEfficiencyRecord[];
  readonly device: readonly DeviceEfficiencyRecord[];
  readonly generic: {
    readonly gemm: Readonly<Record<Precision, SaturatingCurve>>;
    readonly attention: AttentionCurve;
    readonly hbmEfficiency: number;
    readonly source: string;
  };
  /**
   * GEMM efficiency of a software stack relative to the reference stack (Megatron-Core), by
   * `framework` id: what the stack loses on the same silicon (fitted, `efficiency-fit.ts`).
   * Absent or missing entry: 1.
   */
  readonly software?: Readonly<Record<string, number>>;
}

/** The efficiency data as a stack sees it: every GEMM effMax times the stack's software efficiency. */
export function forFramework(params: EfficiencyParams, framework: string | null): EfficiencyParams {
  const factor = framework === null ? 1 : params.software?.[framework] ?? 1;
  if (factor === 1) return params;
  const scale = <T extends SaturatingCurve>(c: T): T => ({ ...c, effMax: Math.min(1, c.effMax * factor) });
  const generic = params.generic;
  const gemm = { bf16: scale(generic.gemm.bf16), fp16: scale(generic.gemm.fp16), fp8: scale(generic.gemm.fp8), 'fp8-block': scale(generic.gemm['fp8-block']), mxfp8: scale(generic.gemm.mxfp8), nvfp4: scale(generic.gemm.nvfp4) };
  return { ...params, gemm: params.gemm.map(scale), generic: { ...generic, gemm }, software: {} };
}

/** eff(F) = effMax · F / (F + peak·τ½), monotone increasing in F and below effMax ≤ 1. */
export function curveEfficiency(curve: SaturatingCurve, flops: number, peakFlopsPerSec: number): number {
  const knee = peakFlopsPerSec * curve.halfSaturationSeconds;
  return (curve.effMax * flops) / (flops + knee);
}

/**
 * The GEMM curve of (accelerator, precision): its own record; for FP16 the accelerator's BF16 record
 * (same tensor-core rate); otherwise the generic prior of that precision.
 */
export function gemmCurve(params: EfficiencyParams, acceleratorId: string, precision: Precision): SaturatingCurve {
  const own = params.gemm.find((r) => r.accelerator === acceleratorId && r.precision === precision);
  if (own !== undefined) return own;
  if (precision === 'fp16') {
    const bf16 = params.gemm.find((r) => r.accelerator === acceleratorId && r.precision === 'bf16');
    if (bf16 !== undefined) return bf16;
  }
  return params.generic.gemm[precision];
}

/** Attention curve and HBM efficiency of an accelerator, or the generic prior. */
export function deviceEfficiency(params: EfficiencyParams, acceleratorId: string): Omit<DeviceEfficiencyRecord, 'accelerator'> {
  return params.device.find((r) => r.accelerator === acceleratorId) ?? params.generic;
}
