/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 11 free parameters,
 * 69 distinct configurations (122 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2052,
      sigmaLn: 0.4602,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 9.7
    },
    {
      key: 'gemm:ampere',
      value: 0.6446,
      sigmaLn: 0.0958,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 13.4
    },
    {
      key: 'gemm:blackwell',
      value: 0.5845,
      sigmaLn: 0.1119,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.6
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.7237,
      sigmaLn: 0.1297,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.6
    },
    {
      key: 'gemm:hopper',
      value: 0.7661,
      sigmaLn: 0.1165,
      runs: 29,
      configurations: 24,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.3
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.857,
      sigmaLn: 0.0941,
      runs: 106,
      configurations: 56,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.8
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9815,
      sigmaLn: 0.0864,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.6
    },
    {
      key: 'software:deepspeed',
      value: 1.2159,
      sigmaLn: 0.1542,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 3.5
    },
    {
      key: 'software:megatron-lm',
      value: 1.1291,
      sigmaLn: 0.1269,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4
    },
    {
      key: 'software:other',
      value: 1.2259,
      sigmaLn: 0.1363,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.5
    },
    {
      key: 'software:torchtitan',
      value: 0.6568,
      sigmaLn: 0.1306,
      runs: 8,
      configurations: 8,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 12.2
    }
  ],
};
