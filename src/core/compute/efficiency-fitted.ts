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
      value: 0.6797,
      sigmaLn: 0.0385,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 16.1
    },
    {
      key: 'b200/fp8',
      value: 0.4759,
      sigmaLn: 0.0733,
      runs: 4,
      configurations: 2,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 0.6
    },
    {
      key: 'b200/mxfp8',
      value: 0.4291,
      sigmaLn: 0.0699,
      runs: 5,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 9
    },
    {
      key: 'gb200/fp8',
      value: 0.468,
      sigmaLn: 0.0324,
      runs: 16,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.3
    },
    {
      key: 'gb200/mxfp8',
      value: 0.435,
      sigmaLn: 0.0351,
      runs: 14,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.8
    },
    {
      key: 'gb200/nvfp4',
      value: 0.3355,
      sigmaLn: 0.0493,
      runs: 9,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7.3
    },
    {
      key: 'gb300/fp8',
      value: 0.608,
      sigmaLn: 0.0384,
      runs: 13,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 3
    },
    {
      key: 'gb300/mxfp8',
      value: 0.5891,
      sigmaLn: 0.0416,
      runs: 11,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.7
    },
    {
      key: 'gb300/nvfp4',
      value: 0.3403,
      sigmaLn: 0.054,
      runs: 9,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'h100-96gb-500w/bf16',
      value: 0.515,
      sigmaLn: 0.0778,
      runs: 4,
      configurations: 4,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.1
    },
    {
      key: 'h100-96gb-500w/fp8',
      value: 0.33,
      sigmaLn: 0.0597,
      runs: 6,
      configurations: 5,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 13.5
    },
    {
      key: 'h100-sxm/bf16',
      value: 0.826,
      sigmaLn: 0.0862,
      runs: 2,
      configurations: 2,
      families: [
        'LLAMA3'
      ],
      residualMeanAbsPct: 12
    },
    {
      key: 'h100-sxm/fp8',
      value: 0.649,
      sigmaLn: 0.052,
      runs: 22,
      configurations: 14,
      families: [
        'DEEPSEEK',
        'MBRIDGE',
        'NEMO2407'
      ],
      residualMeanAbsPct: 6.3
    }
  ],
};
