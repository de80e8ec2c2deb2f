/**
 * How fitted GEMM efficiencies are applied to the priors. The calibration fits one effMax per
 * calibration group = (accelerator, precision) after two physically motivated ties:
 *
 * - same silicon: the H800 is the H100 SXM die with reduced NVLink and FP64 (DeepSeek ISCA'25 §4.1;
 *   hardware.json notes), so its GEMM rates are the H100 SXM's;
 * - same tensor-core path: FP16 runs at the BF16 rate; DeepSeek-style block-scaled FP8 (`fp8-block`)
 *   runs the FP8 tensor cores with extra CUDA-core promotion every 128 elements (TR §3.3.2), so it
 *   keeps the prior's ratio to per-tensor FP8 (0.60 / 0.65) times the fitted FP8 value.
 *
 * A fitted value replaces effMax of every record of its group (tied records scale by their prior
 * ratio to the group's prior); knees (τ½) stay at their priors.
 */
import type { Precision } from '../hardware/types.js';
import type { EfficiencyParams, GemmEfficiencyRecord } from './efficiency.js';

export interface FittedGemm {
  readonly accelerator: string;
  readonly precision: Precision;
  readonly effMax: number;
  /** Runs of runs-dev.json the value was fitted on, and the group's residual mean |error| after the fit. */
  readonly runs: number;
  readonly residualMeanAbsPct: number;
  readonly source: string;
}

/** Accelerators that share another one's silicon for GEMM rates. */
export const SAME_SILICON: Readonly<Record<string, string>> = { h800: 'h100-sxm' };

/** Precisions that run on another precision's tensor-core path. */
export const SAME_TENSOR_PATH: Readonly<Partial<Record<Precision, Precision>>> = { fp16: 'bf16', 'fp8-block': 'fp8' };

/** The calibration group a GEMM record (or a run) belongs to. */
export function calibrationGroup(accelerator: string, precision: Precision): { accelerator: string; precision: Precision } {
  return { accelerator: SAME_SILICON[accelerator] ?? accelerator, precision: SAME_TENSOR_PATH[precision] ?? precision };
}

export function groupKey(accelerator: string, precision: Precision): string {
  const g = calibrationGroup(accelerator, precision);
  return `${g.accelerator}/${g.precision}`;
}

function priorOf(params: EfficiencyParams, accelerator: string, precision: Precision): number {
  const own = params.gemm.find((r) => r.accelerator === accelerator && r.precision === precision);
  return (own ?? params.generic.gemm[precision]).effMax;
}

/** Priors with fitted values applied to every record of each fitted group. */
export function applyGemmFits(priors: EfficiencyParams, fits: readonly FittedGemm[]): EfficiencyParams {
  const byGroup = new Map(fits.map((f) => [`${f.accelerator}/${f.precision}`, f]));
  const gemm = priors.gemm.map((record): GemmEfficiencyRecord => {
    const group = calibrationGroup(record.accelerator, record.precision);
    const fit = byGroup.get(`${group.accelerator}/${group.precision}`);
    if (fit === undefined) return record;
    const ratio = record.effMax / priorOf(priors, group.accelerator, group.precision);
    return { ...record, effMax: Math.min(1, fit.effMax * ratio), source: fit.source };
  });
  // FP16 falls back to the BF16 record; make sure a fitted BF16 group also covers accelerators
  // whose only record is BF16 (nothing to add: the fallback reads the record above).
  return { ...priors, gemm };
}
