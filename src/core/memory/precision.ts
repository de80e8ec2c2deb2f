/**
 * Bytes per parameter of each copy a mixed-precision Adam step keeps, and the bytes of a cached
 * activation, for each training precision. One recipe per precision:
 *
 * | precision | working weight | low-precision GEMM weight copy | grad | master | Adam m + v | cached linear inputs |
 * |---|---|---|---|---|---|---|
 * | bf16, fp16 | 2 (16-bit) | — | 4 (FP32) | 4 (FP32) | 4 + 4 (FP32) | 16-bit |
 * | fp8 (per-tensor) | 2 (BF16) | 1 (FP8) | 4 | 4 | 4 + 4 | 16-bit |
 * | fp8-block (DeepSeek-V3) | 2 (BF16) for non-GEMM weights; none for GEMM weights | 1 + 4/128² (FP8, FP32 scale per 128×128 block): the GEMM working weight | 4 (FP32) | 4 (FP32) | 2 + 2 (BF16) | FP8, FP32 scale per 1×128 tile |
 * | mxfp8 | 2 (BF16) | 1 + 1/32 (E8M0 scale per 32) | 4 | 4 | 4 + 4 | 16-bit |
 * | nvfp4 | 2 (BF16) | 0.5 + 1/16 (FP8 scale per 16) | 4 | 4 | 4 + 4 | 16-bit |
 *
 * - BF16/FP16 is Megatron-LM's mixed precision: 2 + 4 + 4 + 4 + 4 = 18 bytes per parameter,
 *   `theoretical_memory_usage.py` (notes §4.3); ZeRO's 16 bytes (Rajbhandari et al. 2020 §3.1)
 *   keeps 16-bit gradients, Megatron accumulates them in FP32 (`main_grad`).
 * - fp8-block follows DeepSeek-V3 TR §3.3.1 / §3.2.3 (notes §2.5): "AdamW moments in BF16; master
 *   weights and gradients in FP32", FP8 GEMMs with 128×128 weight blocks; activations cached in FP8
 *   for the Linear backward (1×128 tiles). The report names no BF16 weight copy: GEMM weights are
 *   assumed kept only in FP8 (recast from the FP32 master after each step); embedding, head, router
 *   and norms stay BF16 (TR §3.3).
 * - The FP8/MXFP8/NVFP4 weight copy exists only for weights in matrix products (not embedding, head,
 *   router, norms — kept in BF16, TR §3.3). Transformer Engine caches it across the micro-batches of a
 *   step; frameworks that recast on every use (torchao `Float8Linear`) do not keep it
 *   (`EstimateMemoryOptions.fp8WeightCache`).
 * - Per-tensor FP8, MXFP8 and NVFP4 keep 16-bit activations: torchao Float8Linear saves the
 *   high-precision input; caching FP8 inputs is the DeepSeek recipe only (conservative for fit).
 */
import { FP32_BYTES, FP8_TILE_BYTES } from '../hardware/element-bytes.js';
import type { Precision } from '../hardware/types.js';

/** Bytes of each per-parameter copy under a precision recipe. */
export interface PrecisionRecipe {
  /** Working copy used in forward and backward [bytes/param]. */
  readonly weightBytes: number;
  /** Low-precision copy of a weight that enters a GEMM (FP8/FP4 recipes) [bytes/param]; 0 for 16-bit. */
  readonly gemmWeightCopyBytes: number;
  /**
   * GEMM weights also keep the 16-bit working copy (the low-precision one is then a cache); false =
   * the low-precision copy is the working weight, recast from the FP32 master after each step.
   */
  readonly bf16GemmWeights: boolean;
  /** Accumulated gradient [bytes/param]. */
  readonly gradBytes: number;
  /** Master weight [bytes/param]. */
  readonly masterBytes: number;
  /** Adam first + second moment [bytes/param]. */
  readonly momentBytes: number;
  /** A cached input of a Linear layer whose GEMM runs in low precision [bytes/element]. */
  readonly cachedLinearInputBytes: number;
  /** Where the recipe comes from. */
  readonly source: string;
}

export { ACTIVATION_BYTES, FP32_BYTES } from '../hardware/element-bytes.js';

const MEGATRON = 'Megatron-LM theoretical_memory_usage.py: BF16 weight, FP32 main grad, FP32 master, FP32 Adam m and v (notes §4.3)';


/**
 * The recipe when the optimizer steps the 16-bit parameters themselves (pure BF16: torch AdamW on
 * BF16-loaded weights, `framework/` optimizerDtype 'param'): gradients and moments take the
 * parameter dtype, no master copy.
 */
export function paramDtypeOptimizerRecipe(recipe: PrecisionRecipe): PrecisionRecipe {
  return { ...recipe, gradBytes: recipe.weightBytes, masterBytes: 0, momentBytes: 2 * recipe.weightBytes };
}

/**
 * HBM bytes one Adam step moves per local parameter (memory-bound; derivation): it reads and writes
 * the weight it updates (the master copy, or the 16-bit parameter itself when there is none) and both
 * moments, reads the gradient, and, with a master copy, writes the 16-bit working weight from it.
 * Megatron BF16: 2·4 + 2·8 + 4 + 2 = 30; DeepSeek-V3 fp8-block (BF16 moments): 2·4 + 2·4 + 4 + 2 = 22;
 * pure BF16: 2·2 + 2·4 + 2 = 14.
 */
export function optimizerStepBytesPerParam(recipe: PrecisionRecipe): number {
  const updated = recipe.masterBytes > 0 ? recipe.masterBytes : recipe.weightBytes;
  const workingCopy = recipe.masterBytes > 0 ? recipe.weightBytes : 0;
  return 2 * updated + 2 * recipe.momentBytes + recipe.gradBytes + workingCopy;
}

export const PRECISION_RECIPES = {
  bf16: { weightBytes: 2, gemmWeightCopyBytes: 0, bf16GemmWeights: true, gradBytes: 4, masterBytes: 4, momentBytes: 8, cachedLinearInputBytes: 2, source: MEGATRON },
  fp16: { weightBytes: 2, gemmWeightCopyBytes: 0, bf16GemmWeights: true, gradBytes: 4, masterBytes: 4, momentBytes: 8, cachedLinearInputBytes: 2, source: MEGATRON },
  fp8: {
    weightBytes: 2, gemmWeightCopyBytes: 1, bf16GemmWeights: true, gradBytes: 4, masterBytes: 4, momentBytes: 8, cachedLinearInputBytes: 2,
    source: `${MEGATRON}; plus the FP8 cast of each GEMM weight (Transformer Engine per-tensor scaling)`,
  },
  'fp8-block': {
    weightBytes: 2, gemmWeightCopyBytes: 1 + FP32_BYTES / (128 * 128), bf16GemmWeights: false, gradBytes: 4, masterBytes: 4, momentBytes: 4,
    cachedLinearInputBytes: FP8_TILE_BYTES,
    source: 'DeepSeek-V3 TR §3.2.3, §3.3: FP32 master and grads, BF16 AdamW moments, FP8 128×128 weight blocks, FP8 1×128 cached activations',
  },
  mxfp8: {
    weightBytes: 2, gemmWeightCopyBytes: 1 + 1 / 32, bf16GemmWeights: true, gradBytes: 4, masterBytes: 4, momentBytes: 8, cachedLinearInputBytes: 2,
    source: `${MEGATRON}; plus the MXFP8 cast of each GEMM weight (OCP MX spec: E8M0 scale per 32 elements)`,
  },
  nvfp4: {
    weightBytes: 2, gemmWeightCopyBytes: 0.5 + 1 / 16, bf16GemmWeights: true, gradBytes: 4, masterBytes: 4, momentBytes: 8, cachedLinearInputBytes: 2,
    source: `${MEGATRON}; plus the NVFP4 cast of each GEMM weight (FP8 scale per 16 elements)`,
  },
} as const satisfies Record<Precision, PrecisionRecipe>;

/**
 * The recipe with a columnwise copy of each low-precision GEMM weight beside the rowwise one.
 * Hopper's FP8 tensor-core GEMMs take only the TN layout (cuBLASLt FP8 matmul requirements), so the
 * backward's data-gradient GEMM (dX = dY·W) needs W's FP8 data transposed; Transformer Engine keeps
 * it in the weight's quantized tensor for the step: `Float8Tensor` caches `_transpose`, and
 * `Float8BlockwiseQTensor` (the 1×128 / 128×128 blockwise recipe) holds `_columnwise_data` and its
 * scales beside `_rowwise_data` whenever the weight needs a gradient (TE
 * `transformer_engine/pytorch/tensor/float8_blockwise_tensor.py`; quantizer usage rowwise and
 * columnwise). With FP8 primary weights (Megatron `--fp8-param-gather`) both copies are the working
 * weight. A 16-bit recipe has no low-precision copy and is unchanged.
 */
export function withColumnwiseWeightCopy(recipe: PrecisionRecipe): PrecisionRecipe {
  return { ...recipe, gemmWeightCopyBytes: 2 * recipe.gemmWeightCopyBytes };
}

/** The recipe of `precision`. */
export function precisionRecipe(precision: Precision): PrecisionRecipe {
  return PRECISION_RECIPES[precision];
}
