/**
 * Which tensor-core precision an op runs in. The peak itself comes from the hardware folder's
 * `peakFlopsPerSec`, which decides what an unsupported recipe does: an InputError naming
 * `training.precision` (FP8 on A100, MXFP8/NVFP4 before Blackwell), never a silent BF16 fallback —
 * a what-if "FP8 on A100" must say it cannot run rather than print BF16 numbers under an FP8 label.
 */
import type { Precision } from '../hardware/types.js';
import type { PrecisionClass } from './types.js';

/** The precision an op of this class computes in under a recipe: BF16-only ops stay 16-bit. */
export function mathPrecision(recipe: Precision, precisionClass: PrecisionClass): Precision {
  if (precisionClass === 'fp8-capable') return recipe;
  return recipe === 'fp16' ? 'fp16' : 'bf16';
}

/** Bytes per element of a GEMM operand read in `precision` (FP4 packs two per byte). */
export function operandBytes(precision: Precision): number {
  switch (precision) {
    case 'bf16':
    case 'fp16':
      return 2;
    case 'fp8':
    case 'fp8-block':
    case 'mxfp8':
      return 1;
    case 'nvfp4':
      return 0.5;
  }
}
