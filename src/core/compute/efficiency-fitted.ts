/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 11 free parameters,
 * 81 distinct configurations (133 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.1968,
      sigmaLn: 0.469,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 8.2
    },
    {
      key: 'gemm:ampere',
      value: 0.6745,
      sigmaLn: 0.0942,
      runs: 12,
      configurations: 10,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.8
    },
    {
      key: 'gemm:blackwell',
      value: 0.5901,
      sigmaLn: 0.1132,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.7
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.7164,
      sigmaLn: 0.1324,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.1
    },
    {
      key: 'gemm:hopper',
      value: 0.7288,
      sigmaLn: 0.0703,
      runs: 40,
      configurations: 35,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.3
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.8737,
      sigmaLn: 0.0889,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.3
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9791,
      sigmaLn: 0.0877,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.4
    },
    {
      key: 'software:deepspeed',
      value: 1.0201,
      sigmaLn: 0.1415,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.7
    },
    {
      key: 'software:megatron-lm',
      value: 1.0833,
      sigmaLn: 0.1267,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.0765,
      sigmaLn: 0.1262,
      runs: 5,
      configurations: 3,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 5
    },
    {
      key: 'software:torchtitan',
      value: 0.9226,
      sigmaLn: 0.1206,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.9
    }
  ],
};
