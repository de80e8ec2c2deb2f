/**
 * Where the calibrated parameters live: one GEMM efficiency per silicon generation, precision
 * ratios shared by every chip, one software efficiency per stack. 16-bit GEMMs:
 *
 *   effMax(a, bf16) = E_g(a) · s_f                                                       (1)
 *
 * and low-precision recipes scale it by ratios that do not depend on the chip:
 *
 *   fp8:       ρ8                        (per-tensor scaling; FP8 peak = 2 × BF16 on every chip here)
 *   fp8-block: ρ8 · 0.60/0.65            (prior tie: CUDA-core promotion every 128 elements, DeepSeek-V3 TR §3.3.2)
 *   mxfp8:     ρ8 · ρmx                  (1×32 block scales)
 *   nvfp4:     ρ8 · 1 / (1 − u + R·u),   R = peak_fp4 / peak_fp8 of the chip                (2)
 *
 * (2) is Amdahl's law: of the FP8 GEMM time, a share u (scale handling, epilogue, operand traffic)
 * does not speed up with the FP4 peak, so FP4 runs at rate_fp8 / ((1−u)/R + u); divided by the FP4
 * peak that is (2). With u shared, a chip whose FP4 peak is 3× its FP8 peak (B300/GB300) gains less
 * per peak than one with 2× (B200/GB200), as the runs show.
 *
 * s_f is the GEMM efficiency of stack f relative to Megatron-Core (s = 1), applied through
 * `EfficiencyParams.software`; the run records name the stack (data/README.md `framework`).
 *
 * Priors (datasheet- and literature-derived, `efficiency-params.ts`): ρ8 = 0.65/0.75 (the Hopper FP8
 * and BF16 priors); ρmx = 1; u = 0.18 (the Blackwell NVFP4/FP8 priors 0.55/0.65 with R = 2); s = 1.
 * Prior uncertainties (σ of ln θ) are stated per parameter.
 *
 * The generations share a hierarchical prior:
 *
 *   ln E_g ~ N(ln(E_g⁰ · κ), σ_g²),   ln κ ~ N(0, σ_κ²)                                   (3)
 *
 * E_g⁰ is the generation's literature BF16 prior (best-case GEMM measurements); κ, fitted, is how far
 * the achieved GEMM efficiency of training runs sits from that prior, pooled over the generations
 * with runs. The literature anchors share their bias (square best-case shapes, boost clocks), so a
 * generation seen in few runs, or none, starts from E_g⁰ · κ rather than E_g⁰ (σ_κ = 0.2: the former
 * per-generation prior width); σ_g = 0.1 is how far one generation's ratio strays from the pool
 * (the fitted E_g / E_g⁰ of Ampere, Hopper and Blackwell spread by ~0.1 in ln).
 */
import type { Precision } from '../hardware/types.js';
import type { EfficiencyParams } from './efficiency.js';
import { SOFTWARE_PREFIX, type CalibrationPrior, type GemmTerm, type PriorParameter } from './efficiency-fit.js';

/** Silicon generations: chips that share one tensor-core design share E_g (datasheets; H800 = H100 die, DeepSeek ISCA'25 §4.1). */
export const SILICON_GENERATION: Readonly<Record<string, string>> = {
  'a100-40gb': 'ampere',
  'a100-80gb': 'ampere',
  'h100-sxm': 'hopper',
  'h100-96gb-500w': 'hopper',
  h800: 'hopper',
  h200: 'hopper',
  b200: 'blackwell',
  gb200: 'blackwell',
  b300: 'blackwell-ultra',
  gb300: 'blackwell-ultra',
  mi300x: 'cdna3',
};

/** Stacks with a software-efficiency parameter (every `framework` value but the reference, Megatron-Core). */
const STACKS = ['megatron-lm', 'deepspeed', 'torchtitan', 'maxtext', 'paxml', 'jax-t5x', 'megascale', 'hai-llm', 'meta-internal', 'other'] as const;

const FP8_BLOCK_TIE = 0.6 / 0.65;

/** κ of (3) and its prior width σ_κ; σ_g of one generation around E_g⁰ · κ. */
export const POOLED_RATIO = 'ratio:achieved/prior';
const POOLED_SIGMA_LN = 0.2;
const GENERATION_SIGMA_LN = 0.1;

/** FP4 and FP8 dense peaks of an accelerator [FLOP/s], for R in (2). */
export type PeakRatio = (accelerator: string) => number | null;

function param(value: number, sigmaLn: number, min: number, max: number, description: string): PriorParameter {
  return { value, sigmaLn, min, max, description };
}

function bf16Prior(efficiency: EfficiencyParams, generation: string): number {
  const chips = Object.keys(SILICON_GENERATION).filter((a) => SILICON_GENERATION[a] === generation);
  return efficiency.gemm.find((r) => chips.includes(r.accelerator) && r.precision === 'bf16')?.effMax ?? efficiency.generic.gemm.bf16.effMax;
}

/** The structure (1)–(2) over the priors `efficiency`; `fp4OverFp8` gives R per accelerator. */
export function createSiliconPrior(efficiency: EfficiencyParams, fp4OverFp8: PeakRatio): CalibrationPrior {
  const parameters: Record<string, PriorParameter> = {};
  parameters[POOLED_RATIO] = param(1, POOLED_SIGMA_LN, 0.3, 1.5, 'achieved BF16 GEMM effMax / literature prior, pooled over the silicon generations');
  for (const g of new Set(Object.values(SILICON_GENERATION))) {
    parameters[`gemm:${g}`] = { ...param(bf16Prior(efficiency, g), GENERATION_SIGMA_LN, 0.1, 1, `BF16 GEMM effMax of the ${g} generation`), scaledBy: POOLED_RATIO };
  }
  parameters['ratio:fp8/bf16'] = param(0.65 / 0.75, 0.15, 0.3, 1.2, 'FP8 (per-tensor) effMax / BF16 effMax, every chip');
  parameters['ratio:mxfp8/fp8'] = param(1, 0.1, 0.5, 1.2, 'MXFP8 effMax / per-tensor FP8 effMax, every chip');
  parameters['fp4:unscaled-share'] = param(0.18, 0.5, 0.01, 1, 'share u of FP8 GEMM time that does not speed up with the FP4 peak, every chip');
  for (const f of STACKS) parameters[`${SOFTWARE_PREFIX}${f}`] = param(1, 0.3, 0.2, 1.5, `GEMM efficiency of ${f} relative to Megatron-Core`);

  const term = (accelerator: string, precision: Precision): GemmTerm | null => {
    const generation = SILICON_GENERATION[accelerator];
    if (generation === undefined) return null;
    const e = `gemm:${generation}`;
    switch (precision) {
      case 'bf16':
      case 'fp16':
        return { keys: [e], evaluate: (v) => v(e) };
      case 'fp8':
        return { keys: [e, 'ratio:fp8/bf16'], evaluate: (v) => v(e) * v('ratio:fp8/bf16') };
      case 'fp8-block':
        return { keys: [e, 'ratio:fp8/bf16'], evaluate: (v) => v(e) * v('ratio:fp8/bf16') * FP8_BLOCK_TIE };
      case 'mxfp8':
        return { keys: [e, 'ratio:fp8/bf16', 'ratio:mxfp8/fp8'], evaluate: (v) => v(e) * v('ratio:fp8/bf16') * v('ratio:mxfp8/fp8') };
      case 'nvfp4': {
        const r = fp4OverFp8(accelerator);
        if (r === null) return null;
        const u = 'fp4:unscaled-share';
        return { keys: [e, 'ratio:fp8/bf16', u], evaluate: (v) => (v(e) * v('ratio:fp8/bf16')) / (1 - v(u) + r * v(u)) };
      }
    }
  };
  return {
    structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
    efficiency,
    parameters,
    term,
    softwareKey: (framework) => (framework !== null && (STACKS as readonly string[]).includes(framework) ? `${SOFTWARE_PREFIX}${framework}` : null),
    residualSigmaLn: 0.1,
    // τ: a family's common bias (one benchmark page, one way of measuring), fitted as a random
    // intercept (calibration/fit.ts). 0.03; at 0.05 the fit is as good (CV 10.8%, in-sample 6.2%) but
    // lifts the Ampere efficiency 0.643 → 0.676 on the ms-swift runs alone (calibration/README.md).
    familySigmaLn: 0.03,
  };
}
