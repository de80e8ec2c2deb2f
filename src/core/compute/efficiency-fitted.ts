/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 12 free parameters,
 * 81 distinct configurations (133 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2937,
      sigmaLn: 0.2392,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6
    },
    {
      key: 'gemm:ampere',
      value: 0.6603,
      sigmaLn: 0.0751,
      runs: 12,
      configurations: 10,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 12.5
    },
    {
      key: 'gemm:blackwell',
      value: 0.5409,
      sigmaLn: 0.0618,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.8
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6945,
      sigmaLn: 0.0693,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.6
    },
    {
      key: 'gemm:hopper',
      value: 0.7211,
      sigmaLn: 0.0493,
      runs: 40,
      configurations: 35,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.4
    },
    {
      key: 'ratio:achieved/prior',
      value: 0.8897,
      sigmaLn: 0.0658,
      runs: 133,
      configurations: 81,
      families: [
        'KORTH',
        'MBRIDGE',
        'MLM24',
        'MSSWIFT',
        'NEMO2407',
        'TORCHTITAN',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 6.3
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9289,
      sigmaLn: 0.0629,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.4
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9516,
      sigmaLn: 0.0472,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.2
    },
    {
      key: 'software:deepspeed',
      value: 1.2688,
      sigmaLn: 0.1162,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.7
    },
    {
      key: 'software:megatron-lm',
      value: 1.1069,
      sigmaLn: 0.1083,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.2212,
      sigmaLn: 0.1114,
      runs: 5,
      configurations: 3,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'software:torchtitan',
      value: 0.8711,
      sigmaLn: 0.0839,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.3
    }
  ],
};
