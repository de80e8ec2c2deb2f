/**
 * How a low-precision recipe scales its GEMM inputs, and what quantising one BF16 element costs in
 * HBM traffic [bytes per element: reads + writes]. Every recipe reads the BF16 tensor and writes a
 * row-major quantised copy for the forward GEMM plus a column-major (transposed or column-scaled)
 * copy for the backward GEMMs: Hopper FP8 tensor cores take only the TN layout (Transformer Engine
 * `cast_transpose`), and block or per-row scales run along the reduction dimension, which differs
 * between forward and wgrad (DeepSeek-V3 TR §3.3.3, §5.1).
 *
 * | scaling | passes | bytes / element |
 * |---|---|---|
 * | tensorwise (current scaling: TE Float8CurrentScaling, torchao default) | amax pass (read 2); cast-transpose (read 2, write 1 + 1) | 6 |
 * | rowwise (torchao rowwise) | row-scaled cast (read 2, write 1); column-scaled cast for wgrad (read 2, write 1) | 6 |
 * | blockwise 1×128 / 128×128 (DeepSeek-V3) | one fused pass (read 2, write 2 × (1 + 4/128) with FP32 scales) | 4.06 |
 * | mxfp8 (1×32, E8M0 scales; TE MXFP8) | one fused pass (read 2, write 2 × (1 + 1/32)) | 4.06 |
 * | nvfp4 (1×16, E4M3 scales + FP32 tensor scale; NVIDIA NVFP4 recipe) | amax pass (read 2); fused pass (read 2, write 2 × (0.5 + 1/16)) | 5.13 |
 *
 * A 16-bit recipe quantises nothing (0).
 */
import { InputError } from '../errors.js';
import type { Precision } from '../hardware/types.js';

export type PrecisionScaling = 'tensorwise' | 'rowwise' | 'blockwise' | 'mxfp8' | 'nvfp4';

export const PRECISION_SCALINGS: readonly PrecisionScaling[] = ['tensorwise', 'rowwise', 'blockwise', 'mxfp8', 'nvfp4'];

const CAST_BYTES: Readonly<Record<PrecisionScaling, number>> = {
  tensorwise: 2 + 2 + 1 + 1,
  rowwise: 2 + 1 + 2 + 1,
  blockwise: 2 + 2 * (1 + 4 / 128),
  mxfp8: 2 + 2 * (1 + 1 / 32),
  nvfp4: 2 + 2 + 2 * (0.5 + 1 / 16),
};

/** The scalings a precision recipe can run with; the first is its default. */
const SCALINGS_OF: Readonly<Record<Precision, readonly PrecisionScaling[]>> = {
  bf16: [],
  fp16: [],
  fp8: ['tensorwise', 'rowwise'],
  'fp8-block': ['blockwise'],
  mxfp8: ['mxfp8'],
  nvfp4: ['nvfp4'],
};

/** The scaling of a recipe: the one given (checked against the precision), else the precision's default; null for 16-bit. */
export function resolvePrecisionScaling(precision: Precision, scaling?: PrecisionScaling): PrecisionScaling | null {
  const allowed = SCALINGS_OF[precision];
  if (scaling === undefined) return allowed[0] ?? null;
  if (!allowed.includes(scaling)) {
    const rule = allowed.length === 0 ? `a ${precision} recipe quantises nothing` : `must be ${allowed.join(' or ')} with precision ${precision}`;
    throw new InputError('training.precisionScaling', scaling, rule);
  }
  return scaling;
}

/** HBM bytes per quantised GEMM-input element [bytes] (table above); 0 for a 16-bit recipe. */
export function castBytesPerElement(precision: Precision, scaling?: PrecisionScaling): number {
  const s = resolvePrecisionScaling(precision, scaling);
  return s === null ? 0 : CAST_BYTES[s];
}
