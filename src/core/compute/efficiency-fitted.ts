/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 13 free parameters,
 * 67 distinct configurations (127 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one effMax per (accelerator, precision) group',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'a100-80gb/bf16',
      value: 0.7255,
      sigmaLn: 0.0385,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 15.9
    },
    {
      key: 'b200/fp8',
      value: 0.4951,
      sigmaLn: 0.0732,
      runs: 4,
      configurations: 2,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 0.6
    },
    {
      key: 'b200/mxfp8',
      value: 0.4476,
      sigmaLn: 0.07,
      runs: 5,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7.9
    },
    {
      key: 'gb200/fp8',
      value: 0.4782,
      sigmaLn: 0.0323,
      runs: 16,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.2
    },
    {
      key: 'gb200/mxfp8',
      value: 0.4473,
      sigmaLn: 0.0351,
      runs: 14,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.4
    },
    {
      key: 'gb200/nvfp4',
      value: 0.3446,
      sigmaLn: 0.0496,
      runs: 9,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7
    },
    {
      key: 'gb300/fp8',
      value: 0.6255,
      sigmaLn: 0.0386,
      runs: 13,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 3.1
    },
    {
      key: 'gb300/mxfp8',
      value: 0.6075,
      sigmaLn: 0.0419,
      runs: 11,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'gb300/nvfp4',
      value: 0.3499,
      sigmaLn: 0.0542,
      runs: 9,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.2
    },
    {
      key: 'h100-96gb-500w/bf16',
      value: 0.4887,
      sigmaLn: 0.0715,
      runs: 4,
      configurations: 4,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 1.4
    },
    {
      key: 'h100-96gb-500w/fp8',
      value: 0.345,
      sigmaLn: 0.0599,
      runs: 6,
      configurations: 5,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 13.3
    },
    {
      key: 'h100-sxm/bf16',
      value: 0.8618,
      sigmaLn: 0.0861,
      runs: 2,
      configurations: 2,
      families: [
        'LLAMA3'
      ],
      residualMeanAbsPct: 11.9
    },
    {
      key: 'h100-sxm/fp8',
      value: 0.684,
      sigmaLn: 0.053,
      runs: 22,
      configurations: 14,
      families: [
        'DEEPSEEK',
        'MBRIDGE',
        'NEMO2407'
      ],
      residualMeanAbsPct: 6.1
    }
  ],
};
