/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 13 free parameters,
 * 73 distinct configurations (127 runs).
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
      value: 0.5176,
      sigmaLn: 0.0761,
      runs: 4,
      configurations: 4,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 1.2
    },
    {
      key: 'b200/mxfp8',
      value: 0.4544,
      sigmaLn: 0.0711,
      runs: 5,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7.7
    },
    {
      key: 'gb200/fp8',
      value: 0.4959,
      sigmaLn: 0.0334,
      runs: 16,
      configurations: 7,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4
    },
    {
      key: 'gb200/mxfp8',
      value: 0.4534,
      sigmaLn: 0.0356,
      runs: 14,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.2
    },
    {
      key: 'gb200/nvfp4',
      value: 0.3621,
      sigmaLn: 0.0519,
      runs: 9,
      configurations: 3,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.6
    },
    {
      key: 'gb300/fp8',
      value: 0.6544,
      sigmaLn: 0.0404,
      runs: 13,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 3.1
    },
    {
      key: 'gb300/mxfp8',
      value: 0.6156,
      sigmaLn: 0.0425,
      runs: 11,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.4
    },
    {
      key: 'gb300/nvfp4',
      value: 0.3743,
      sigmaLn: 0.0579,
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
      value: 0.3419,
      sigmaLn: 0.0593,
      runs: 6,
      configurations: 5,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 13.1
    },
    {
      key: 'h100-sxm/bf16',
      value: 0.8607,
      sigmaLn: 0.086,
      runs: 2,
      configurations: 2,
      families: [
        'LLAMA3'
      ],
      residualMeanAbsPct: 11.9
    },
    {
      key: 'h100-sxm/fp8',
      value: 0.6708,
      sigmaLn: 0.0515,
      runs: 22,
      configurations: 17,
      families: [
        'DEEPSEEK',
        'MBRIDGE',
        'NEMO2407'
      ],
      residualMeanAbsPct: 6.2
    }
  ],
};
