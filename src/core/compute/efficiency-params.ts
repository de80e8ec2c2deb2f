/**
 * Efficiency data: one GEMM record per (accelerator, precision) and one attention/HBM record per
 * accelerator. Never keyed by model or run.
 *
 * Provenance. The GEMM values below are PRIORS from the literature; `scripts/calibrate.ts` fits
 * effMax per (accelerator, precision) on the runs of data/runs-dev.json and writes
 * `efficiency-fitted.ts`, which `DEFAULT_EFFICIENCY_PARAMS` applies (each fitted record's `source`
 * says so).
 * Accelerators without a record use `generic` (a deliberately middle-of-the-road prior).
 *
 * Literature anchors (approximate):
 * - Large BF16 GEMMs reach ~80 % of the dense peak on H100 SXM and ~85 % on A100 SXM, ~60 % on MI300X
 *   ("maximum achievable matmul FLOPS" measurements, S. Bekman, Machine Learning Engineering, ch. compute).
 *   Priors sit a little lower because training GEMM shapes are not the square best case.
 * - FP8 with fine-grained (1x128 / 128x128) scaling: DeepGEMM (deepseek-ai) reports up to ~1,550 of
 *   1,979 FP8 TFLOP/s on H800 for DeepSeek-V3 shapes, grouped MoE GEMMs lower; the CUDA-core promotion
 *   every 128 elements costs throughput (DeepSeek-V3 TR §3.3.2).
 * - Attention: FlashAttention-2 reaches 50–73 % of peak forward on A100, backward lower (Dao 2023,
 *   abstract, §4.1); FlashAttention-3 reaches up to 740 TFLOP/s = 75 % BF16 forward on H100
 *   (Shah et al. 2024, abstract). The DeepSeek profile (notes §2.10, H800, 112 of 132 SMs) shows
 *   ~1.24 ms forward / ~3.78 ms backward per MLA layer = ~66 % / ~54 % of the SM share's BF16 peak,
 *   whence backwardEfficiencyRatio ≈ 0.82 on Hopper.
 *   FlashAttention-2 on Hopper reaches only 35 % (same abstract); Blackwell has no published
 *   FlashAttention-2 figure, so it keeps the native curve.
 * - τ½ = 2 µs for GEMMs (fixed cost per kernel ≈ τ½/effMax ≈ 3 µs, a launch plus a wave tail) and 3 µs
 *   for attention: priors, to be fitted.
 * - HBM: streaming kernels reach ~80–90 % of nominal bandwidth; prior 0.8.
 */
import { ACCELERATORS } from '../hardware/catalog.js';
import { applyCalibration, fittedValues, type CalibrationPrior } from './efficiency-fit.js';
import { createSiliconPrior } from './efficiency-structure.js';
import { FITTED_CALIBRATION } from './efficiency-fitted.js';
import type { AttentionCurve, DeviceEfficiencyRecord, EfficiencyParams, GemmEfficiencyRecord, SaturatingCurve } from './efficiency.js';

const GEMM_KNEE_SECONDS = 2e-6;
const PRIOR = 'prior (literature, see file header); effMax replaced where scripts/calibrate.ts fitted it';

function prior(effMax: number): SaturatingCurve & { source: string } {
  return { effMax, halfSaturationSeconds: GEMM_KNEE_SECONDS, source: PRIOR };
}

const HOPPER_ATTENTION: AttentionCurve = { effMax: 0.65, halfSaturationSeconds: 3e-6, backwardEfficiencyRatio: 0.82 };
/**
 * FlashAttention-2 on Hopper: 35 % of the H100 BF16 peak against FlashAttention-3's 75 % (Shah et
 * al. 2024, abstract), so the native prior scaled by 35/75; its backward relative to its forward
 * as on Ampere, where it was written (Dao 2023: ~63 % vs ~73 % of A100 peak).
 */
const HOPPER_FLASH_ATTENTION_2: AttentionCurve = { ...HOPPER_ATTENTION, effMax: HOPPER_ATTENTION.effMax * (0.35 / 0.75), backwardEfficiencyRatio: 0.85 };
const AMPERE_ATTENTION: AttentionCurve = { effMax: 0.65, halfSaturationSeconds: 3e-6, backwardEfficiencyRatio: 0.85 };
const BLACKWELL_ATTENTION: AttentionCurve = { effMax: 0.6, halfSaturationSeconds: 3e-6, backwardEfficiencyRatio: 0.82 };
const CDNA3_ATTENTION: AttentionCurve = { effMax: 0.45, halfSaturationSeconds: 3e-6, backwardEfficiencyRatio: 0.8 };

const GEMM_RECORDS: readonly GemmEfficiencyRecord[] = [
  { accelerator: 'a100-80gb', precision: 'bf16', ...prior(0.8) },
  { accelerator: 'a100-40gb', precision: 'bf16', ...prior(0.8) },
  ...['h100-sxm', 'h100-96gb-500w', 'h800', 'h200'].flatMap((accelerator): GemmEfficiencyRecord[] => [
    { accelerator, precision: 'bf16', ...prior(0.75) },
    { accelerator, precision: 'fp8', ...prior(0.65) },
    { accelerator, precision: 'fp8-block', ...prior(0.6) },
  ]),
  ...['b200', 'gb200', 'b300', 'gb300'].flatMap((accelerator): GemmEfficiencyRecord[] => [
    { accelerator, precision: 'bf16', ...prior(0.7) },
    { accelerator, precision: 'fp8', ...prior(0.65) },
    { accelerator, precision: 'fp8-block', ...prior(0.6) },
    { accelerator, precision: 'mxfp8', ...prior(0.65) },
    { accelerator, precision: 'nvfp4', ...prior(0.55) },
  ]),
  { accelerator: 'mi300x', precision: 'bf16', ...prior(0.6) },
  { accelerator: 'mi300x', precision: 'fp8', ...prior(0.5) },
];

/**
 * SMs (CUs) per accelerator, for wave quantisation (`gemm-shape.ts`): A100 108 (NVIDIA A100
 * Tensor Core GPU Architecture whitepaper); H100 SXM5 / H800 / H200 132 (NVIDIA H100 Tensor Core
 * GPU Architecture whitepaper); B200 / GB200 148 and B300 / GB300 160 (NVIDIA Blackwell and
 * Blackwell Ultra architecture briefs); MI300X 304 CUs (AMD CDNA 3 white paper).
 */
const SMS = { ampere: 108, hopper: 132, blackwell: 148, blackwellUltra: 160, cdna3: 304 } as const;

function device(accelerator: string, attention: AttentionCurve, hbmEfficiency: number, streamingMultiprocessors: number): DeviceEfficiencyRecord {
  return { accelerator, attention, hbmEfficiency, gemmTiling: { streamingMultiprocessors }, source: PRIOR };
}

/**
 * Hopper element-wise efficiency from a measurement: the DeepSeek-V3 training profile
 * (deepseek-ai/profile-data `train.json`, H800, one forward + one backward chunk of 4 MoE layers,
 * notes §2.10) spends 32.0 ms in casts, norms, permutations and other element-wise kernels. This
 * model's element-wise inventory of the same 4 layers (forward + backward, fp8-block, micro-batch
 * 4096 tokens, EP64) moves bytes that take 14.64 ms at 0.8 of nominal HBM bandwidth, so the
 * achieved fraction is 0.8 · 14.64 / 32.0 = 0.366: many small, launch- and tail-bound kernels,
 * far below a streaming copy. Applied to the Hopper die (H100 SXM, H800, H200, H100 96 GB).
 */
const HOPPER_HBM_EFFICIENCY = 0.366;

/**
 * HBM efficiency of the routed-expert path's element-wise kernels (router top-k, token permutations
 * and chunk sorts, the expert activation, the un-permute and weighted combine) on any accelerator:
 * the one measurement is the DeepSeek-V3 profile above (HOPPER_HBM_EFFICIENCY), whose element-wise
 * time is that of MoE layers. A die whose own element-wise efficiency is lower keeps its own.
 */
export const MOE_ELEMENTWISE_HBM_EFFICIENCY = HOPPER_HBM_EFFICIENCY;

function hopper(accelerator: string): DeviceEfficiencyRecord {
  return { accelerator, attention: HOPPER_ATTENTION, flashAttention2: HOPPER_FLASH_ATTENTION_2, hbmEfficiency: HOPPER_HBM_EFFICIENCY, gemmTiling: { streamingMultiprocessors: SMS.hopper }, source: 'attention: prior; HBM efficiency: measured DeepSeek-V3 profile (see HOPPER_HBM_EFFICIENCY)' };
}

const DEVICE_RECORDS: readonly DeviceEfficiencyRecord[] = [
  device('a100-80gb', AMPERE_ATTENTION, 0.8, SMS.ampere),
  device('a100-40gb', AMPERE_ATTENTION, 0.8, SMS.ampere),
  hopper('h100-sxm'),
  hopper('h100-96gb-500w'),
  hopper('h800'),
  hopper('h200'),
  device('b200', BLACKWELL_ATTENTION, 0.8, SMS.blackwell),
  device('gb200', BLACKWELL_ATTENTION, 0.8, SMS.blackwell),
  device('b300', BLACKWELL_ATTENTION, 0.8, SMS.blackwellUltra),
  device('gb300', BLACKWELL_ATTENTION, 0.8, SMS.blackwellUltra),
  device('mi300x', CDNA3_ATTENTION, 0.75, SMS.cdna3),
];

/** The literature priors, before calibration (what `scripts/calibrate.ts` starts from). */
export const PRIOR_EFFICIENCY_PARAMS = {
  gemm: GEMM_RECORDS,
  device: DEVICE_RECORDS,
  generic: {
    gemm: {
      bf16: prior(0.7),
      fp16: prior(0.7),
      fp8: prior(0.6),
      'fp8-block': prior(0.55),
      mxfp8: prior(0.6),
      nvfp4: prior(0.5),
    },
    attention: { effMax: 0.5, halfSaturationSeconds: 3e-6, backwardEfficiencyRatio: 0.85 },
    hbmEfficiency: 0.8,
    source: `generic ${PRIOR}; used for any accelerator without its own record`,
  },
} satisfies EfficiencyParams;

/** FP4 dense peak / FP8 dense peak of a catalog accelerator (null without both). */
function fp4OverFp8(accelerator: string): number | null {
  const peaks = Object.values(ACCELERATORS).find((a) => a.id === accelerator)?.peakFlopsPerSec;
  return peaks?.fp4 != null && peaks.fp8 != null ? peaks.fp4 / peaks.fp8 : null;
}

/** The priors with the calibration structure (which parameters make up each GEMM effMax; efficiency-structure.ts). */
export const CALIBRATION_PRIOR: CalibrationPrior = createSiliconPrior(PRIOR_EFFICIENCY_PARAMS, fp4OverFp8);

/**
 * The efficiency data the estimates use by default: the priors with the GEMM parameters fitted by
 * `scripts/calibrate.ts` (see `efficiency-fitted.ts` for the runs and residuals of each).
 */
export const DEFAULT_EFFICIENCY_PARAMS: EfficiencyParams = applyCalibration(
  CALIBRATION_PRIOR, fittedValues(FITTED_CALIBRATION), `fitted by scripts/calibrate.ts on ${FITTED_CALIBRATION.data} (efficiency-fitted.ts)`,
);
