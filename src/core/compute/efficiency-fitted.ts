/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 11 free parameters,
 * 80 distinct configurations (133 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2061,
      sigmaLn: 0.4602,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 9.9
    },
    {
      key: 'gemm:ampere',
      value: 0.6232,
      sigmaLn: 0.0952,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 14.5
    },
    {
      key: 'gemm:blackwell',
      value: 0.5743,
      sigmaLn: 0.1074,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.7
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.7133,
      sigmaLn: 0.1271,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.6
    },
    {
      key: 'gemm:hopper',
      value: 0.7077,
      sigmaLn: 0.065,
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
      value: 0.8783,
      sigmaLn: 0.0824,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.4
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9793,
      sigmaLn: 0.0863,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.8
    },
    {
      key: 'software:deepspeed',
      value: 1.2495,
      sigmaLn: 0.1537,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 4
    },
    {
      key: 'software:megatron-lm',
      value: 1.1642,
      sigmaLn: 0.1265,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4
    },
    {
      key: 'software:other',
      value: 1.2626,
      sigmaLn: 0.1359,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.6
    },
    {
      key: 'software:torchtitan',
      value: 0.7941,
      sigmaLn: 0.1032,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.8
    }
  ],
};
