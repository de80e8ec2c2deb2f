/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 12 free parameters,
 * 80 distinct configurations (133 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.1949,
      sigmaLn: 0.463,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7.1
    },
    {
      key: 'gemm:ampere',
      value: 0.6612,
      sigmaLn: 0.0853,
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
      value: 0.5762,
      sigmaLn: 0.0971,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.4
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6448,
      sigmaLn: 0.106,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 7.2
    },
    {
      key: 'gemm:hopper',
      value: 0.6984,
      sigmaLn: 0.0648,
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
      key: 'ratio:achieved/prior',
      value: 0.881,
      sigmaLn: 0.0763,
      runs: 133,
      configurations: 80,
      families: [
        'KORTH',
        'MBRIDGE',
        'MLM24',
        'MSSWIFT',
        'NEMO2407',
        'TORCHTITAN',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 7.5
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9106,
      sigmaLn: 0.0836,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.8
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9864,
      sigmaLn: 0.086,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.8
    },
    {
      key: 'software:deepspeed',
      value: 1.1913,
      sigmaLn: 0.1504,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 3.2
    },
    {
      key: 'software:megatron-lm',
      value: 1.1035,
      sigmaLn: 0.1207,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.199,
      sigmaLn: 0.131,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.4
    },
    {
      key: 'software:torchtitan',
      value: 0.7991,
      sigmaLn: 0.1022,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.7
    }
  ],
};
