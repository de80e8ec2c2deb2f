import { InputError } from '../errors.js';
import type { Accelerator, PeakFlops, Precision } from './types.js';

interface PrecisionPeak {
  /** Tensor-core peak class the GEMMs run at. */
  readonly peak: keyof PeakFlops;
  /** Needs block-scaled (microscaling) MMA instructions: Blackwell or later. */
  readonly microscaling: boolean;
}

/**
 * Tensor-core peak class each training precision runs its GEMMs at:
 * BF16/FP16 at their own peak; FP8 with per-tensor scaling (`fp8`), DeepSeek-style 1x128 / 128x128
 * block scaling (`fp8-block`, scales applied outside the MMA, runs on Hopper: DeepSeek-V3 TR §3.3)
 * and MXFP8 (`mxfp8`, 1x32 block-scaled MMA) at the FP8 peak; NVFP4 at the FP4 peak.
 * MXFP8 and NVFP4 need Blackwell's block-scaled tensor cores (Transformer Engine: Blackwell only).
 */
export const PRECISION_PEAK = {
  bf16: { peak: 'bf16', microscaling: false },
  fp16: { peak: 'fp16', microscaling: false },
  fp8: { peak: 'fp8', microscaling: false },
  'fp8-block': { peak: 'fp8', microscaling: false },
  mxfp8: { peak: 'fp8', microscaling: true },
  nvfp4: { peak: 'fp4', microscaling: true },
} satisfies Record<Precision, PrecisionPeak>;

/**
 * Dense tensor-core peak [FLOP/s] of `accelerator` for GEMMs in `precision`.
 * @throws InputError('training.precision', …) when the accelerator has no such peak
 *   (A100: no FP8; Hopper: no FP4 and no native MXFP8).
 */
export function peakFlopsPerSec(accelerator: Accelerator, precision: Precision): number {
  const rule: PrecisionPeak = PRECISION_PEAK[precision];
  const peak = accelerator.peakFlopsPerSec[rule.peak];
  if (peak === null) {
    throw new InputError('training.precision', precision, `${accelerator.name} has no ${rule.peak.toUpperCase()} tensor-core peak`);
  }
  if (rule.microscaling && accelerator.microscalingTensorCores !== true) {
    throw new InputError(
      'training.precision',
      precision,
      `${accelerator.name} has no block-scaled (microscaling) tensor cores; ${precision} needs Blackwell or later`,
    );
  }
  return peak;
}
