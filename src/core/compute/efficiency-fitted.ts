/**
 * GEMM efficiencies fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate`
 * after changing the model; do not edit by hand). One effMax per (accelerator, precision) group;
 * groups and ties are documented in efficiency-fit.ts.
 */
import type { FittedGemm } from './efficiency-fit.js';

export { applyGemmFits } from './efficiency-fit.js';

export const FITTED_GEMM: readonly FittedGemm[] = [
  {
    accelerator: 'a100-80gb',
    precision: 'bf16',
    effMax: 0.68,
    runs: 14,
    residualMeanAbsPct: 16,
    source: 'fitted by scripts/calibrate.ts on 14 run(s) of data/runs-dev.json at a100-80gb/bf16 (KORTH, TORCHTUNE, MSSWIFT); residual mean |error| 16.0%'
  },
  {
    accelerator: 'b200',
    precision: 'fp8',
    effMax: 0.476,
    runs: 4,
    residualMeanAbsPct: 0.6,
    source: 'fitted by scripts/calibrate.ts on 4 run(s) of data/runs-dev.json at b200/fp8 (MBRIDGE); residual mean |error| 0.6%'
  },
  {
    accelerator: 'b200',
    precision: 'mxfp8',
    effMax: 0.429,
    runs: 5,
    residualMeanAbsPct: 9,
    source: 'fitted by scripts/calibrate.ts on 5 run(s) of data/runs-dev.json at b200/mxfp8 (MBRIDGE); residual mean |error| 9.0%'
  },
  {
    accelerator: 'gb200',
    precision: 'fp8',
    effMax: 0.468,
    runs: 16,
    residualMeanAbsPct: 4.3,
    source: 'fitted by scripts/calibrate.ts on 16 run(s) of data/runs-dev.json at gb200/fp8 (MBRIDGE); residual mean |error| 4.3%'
  },
  {
    accelerator: 'gb200',
    precision: 'mxfp8',
    effMax: 0.435,
    runs: 14,
    residualMeanAbsPct: 4.8,
    source: 'fitted by scripts/calibrate.ts on 14 run(s) of data/runs-dev.json at gb200/mxfp8 (MBRIDGE); residual mean |error| 4.8%'
  },
  {
    accelerator: 'gb200',
    precision: 'nvfp4',
    effMax: 0.335,
    runs: 9,
    residualMeanAbsPct: 7.3,
    source: 'fitted by scripts/calibrate.ts on 9 run(s) of data/runs-dev.json at gb200/nvfp4 (MBRIDGE); residual mean |error| 7.3%'
  },
  {
    accelerator: 'gb300',
    precision: 'fp8',
    effMax: 0.608,
    runs: 13,
    residualMeanAbsPct: 3,
    source: 'fitted by scripts/calibrate.ts on 13 run(s) of data/runs-dev.json at gb300/fp8 (MBRIDGE); residual mean |error| 3.0%'
  },
  {
    accelerator: 'gb300',
    precision: 'mxfp8',
    effMax: 0.589,
    runs: 11,
    residualMeanAbsPct: 5.7,
    source: 'fitted by scripts/calibrate.ts on 11 run(s) of data/runs-dev.json at gb300/mxfp8 (MBRIDGE); residual mean |error| 5.7%'
  },
  {
    accelerator: 'gb300',
    precision: 'nvfp4',
    effMax: 0.34,
    runs: 9,
    residualMeanAbsPct: 5.3,
    source: 'fitted by scripts/calibrate.ts on 9 run(s) of data/runs-dev.json at gb300/nvfp4 (MBRIDGE); residual mean |error| 5.3%'
  },
  {
    accelerator: 'h100-96gb-500w',
    precision: 'bf16',
    effMax: 0.511,
    runs: 4,
    residualMeanAbsPct: 7,
    source: 'fitted by scripts/calibrate.ts on 4 run(s) of data/runs-dev.json at h100-96gb-500w/bf16 (TORCHTITAN); residual mean |error| 7.0%'
  },
  {
    accelerator: 'h100-96gb-500w',
    precision: 'fp8',
    effMax: 0.326,
    runs: 6,
    residualMeanAbsPct: 12.9,
    source: 'fitted by scripts/calibrate.ts on 6 run(s) of data/runs-dev.json at h100-96gb-500w/fp8 (TORCHTITAN); residual mean |error| 12.9%'
  },
  {
    accelerator: 'h100-sxm',
    precision: 'bf16',
    effMax: 0.83,
    runs: 2,
    residualMeanAbsPct: 12,
    source: 'fitted by scripts/calibrate.ts on 2 run(s) of data/runs-dev.json at h100-sxm/bf16 (LLAMA3); residual mean |error| 12.0%'
  },
  {
    accelerator: 'h100-sxm',
    precision: 'fp8',
    effMax: 0.661,
    runs: 22,
    residualMeanAbsPct: 6.4,
    source: 'fitted by scripts/calibrate.ts on 22 run(s) of data/runs-dev.json at h100-sxm/fp8 (DEEPSEEK, NEMO2407, MBRIDGE); residual mean |error| 6.4%'
  }
];
