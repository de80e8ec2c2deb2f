/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 11 free parameters,
 * 60 distinct configurations (122 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2227,
      sigmaLn: 0.446,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 12
    },
    {
      key: 'gemm:ampere',
      value: 0.5861,
      sigmaLn: 0.0948,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 14.1
    },
    {
      key: 'gemm:blackwell',
      value: 0.5538,
      sigmaLn: 0.1101,
      runs: 48,
      configurations: 20,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.9
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.7088,
      sigmaLn: 0.1258,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7.7
    },
    {
      key: 'gemm:hopper',
      value: 0.7281,
      sigmaLn: 0.1161,
      runs: 29,
      configurations: 18,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.8
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.8511,
      sigmaLn: 0.0935,
      runs: 106,
      configurations: 49,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.9
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9882,
      sigmaLn: 0.0853,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6
    },
    {
      key: 'software:deepspeed',
      value: 1.1679,
      sigmaLn: 0.1445,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 2.5
    },
    {
      key: 'software:megatron-lm',
      value: 1.1002,
      sigmaLn: 0.1229,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 3.7
    },
    {
      key: 'software:other',
      value: 1.2308,
      sigmaLn: 0.1354,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.5
    },
    {
      key: 'software:torchtitan',
      value: 0.5343,
      sigmaLn: 0.1286,
      runs: 8,
      configurations: 5,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 9.1
    }
  ],
};
