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
    effMax: 0.65,
    runs: 2,
    residualMeanAbsPct: 3.7,
    source: 'fitted by scripts/calibrate.ts on 2 run(s) of data/runs-dev.json at a100-80gb/bf16 (KORTH); residual mean |error| 3.7%'
  },
  {
    accelerator: 'b200',
    precision: 'fp8',
    effMax: 0.478,
    runs: 4,
    residualMeanAbsPct: 0.6,
    source: 'fitted by scripts/calibrate.ts on 4 run(s) of data/runs-dev.json at b200/fp8 (MBRIDGE); residual mean |error| 0.6%'
  },
  {
    accelerator: 'b200',
    precision: 'mxfp8',
    effMax: 0.431,
    runs: 5,
    residualMeanAbsPct: 9,
    source: 'fitted by scripts/calibrate.ts on 5 run(s) of data/runs-dev.json at b200/mxfp8 (MBRIDGE); residual mean |error| 9.0%'
  },
  {
    accelerator: 'gb200',
    precision: 'fp8',
    effMax: 0.46,
    runs: 16,
    residualMeanAbsPct: 4.8,
    source: 'fitted by scripts/calibrate.ts on 16 run(s) of data/runs-dev.json at gb200/fp8 (MBRIDGE); residual mean |error| 4.8%'
  },
  {
    accelerator: 'gb200',
    precision: 'mxfp8',
    effMax: 0.433,
    runs: 14,
    residualMeanAbsPct: 4.7,
    source: 'fitted by scripts/calibrate.ts on 14 run(s) of data/runs-dev.json at gb200/mxfp8 (MBRIDGE); residual mean |error| 4.7%'
  },
  {
    accelerator: 'gb200',
    precision: 'nvfp4',
    effMax: 0.33,
    runs: 9,
    residualMeanAbsPct: 7,
    source: 'fitted by scripts/calibrate.ts on 9 run(s) of data/runs-dev.json at gb200/nvfp4 (MBRIDGE); residual mean |error| 7.0%'
  },
  {
    accelerator: 'gb300',
    precision: 'fp8',
    effMax: 0.605,
    runs: 13,
    residualMeanAbsPct: 4.4,
    source: 'fitted by scripts/calibrate.ts on 13 run(s) of data/runs-dev.json at gb300/fp8 (MBRIDGE); residual mean |error| 4.4%'
  },
  {
    accelerator: 'gb300',
    precision: 'mxfp8',
    effMax: 0.602,
    runs: 11,
    residualMeanAbsPct: 6.5,
    source: 'fitted by scripts/calibrate.ts on 11 run(s) of data/runs-dev.json at gb300/mxfp8 (MBRIDGE); residual mean |error| 6.5%'
  },
  {
    accelerator: 'gb300',
    precision: 'nvfp4',
    effMax: 0.336,
    runs: 9,
    residualMeanAbsPct: 6.2,
    source: 'fitted by scripts/calibrate.ts on 9 run(s) of data/runs-dev.json at gb300/nvfp4 (MBRIDGE); residual mean |error| 6.2%'
  },
  {
    accelerator: 'h100-96gb-500w',
    precision: 'bf16',
    effMax: 0.355,
    runs: 4,
    residualMeanAbsPct: 7.4,
    source: 'fitted by scripts/calibrate.ts on 4 run(s) of data/runs-dev.json at h100-96gb-500w/bf16 (TORCHTITAN); residual mean |error| 7.4%'
  },
  {
    accelerator: 'h100-96gb-500w',
    precision: 'fp8',
    effMax: 0.29,
    runs: 6,
    residualMeanAbsPct: 7.7,
    source: 'fitted by scripts/calibrate.ts on 6 run(s) of data/runs-dev.json at h100-96gb-500w/fp8 (TORCHTITAN); residual mean |error| 7.7%'
  },
  {
    accelerator: 'h100-sxm',
    precision: 'bf16',
    effMax: 0.812,
    runs: 2,
    residualMeanAbsPct: 12,
    source: 'fitted by scripts/calibrate.ts on 2 run(s) of data/runs-dev.json at h100-sxm/bf16 (LLAMA3); residual mean |error| 12.0%'
  },
  {
    accelerator: 'h100-sxm',
    precision: 'fp8',
    effMax: 0.642,
    runs: 22,
    residualMeanAbsPct: 6.6,
    source: 'fitted by scripts/calibrate.ts on 22 run(s) of data/runs-dev.json at h100-sxm/fp8 (DEEPSEEK, NEMO2407, MBRIDGE); residual mean |error| 6.6%'
  }
];
