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
      value: 0.2009,
      sigmaLn: 0.4635,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 8.2
    },
    {
      key: 'gemm:ampere',
      value: 0.6506,
      sigmaLn: 0.0967,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 13.6
    },
    {
      key: 'gemm:blackwell',
      value: 0.5814,
      sigmaLn: 0.1095,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.4
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.7178,
      sigmaLn: 0.1285,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.1
    },
    {
      key: 'gemm:hopper',
      value: 0.725,
      sigmaLn: 0.067,
      runs: 40,
      configurations: 35,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.9
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.8818,
      sigmaLn: 0.0841,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9802,
      sigmaLn: 0.0867,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'software:deepspeed',
      value: 1.2069,
      sigmaLn: 0.1546,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 3.4
    },
    {
      key: 'software:megatron-lm',
      value: 1.1197,
      sigmaLn: 0.1275,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4
    },
    {
      key: 'software:other',
      value: 1.2161,
      sigmaLn: 0.1368,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.4
    },
    {
      key: 'software:torchtitan',
      value: 0.7843,
      sigmaLn: 0.1055,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5
    }
  ],
};
