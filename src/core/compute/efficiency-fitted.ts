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
      value: 0.2969,
      sigmaLn: 0.2368,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.8
    },
    {
      key: 'gemm:ampere',
      value: 0.6759,
      sigmaLn: 0.0809,
      runs: 12,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 13.5
    },
    {
      key: 'gemm:blackwell',
      value: 0.5487,
      sigmaLn: 0.0656,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.7048,
      sigmaLn: 0.0731,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.7
    },
    {
      key: 'gemm:hopper',
      value: 0.7281,
      sigmaLn: 0.06,
      runs: 40,
      configurations: 35,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.8
    },
    {
      key: 'ratio:achieved/prior',
      value: 0.9027,
      sigmaLn: 0.0698,
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
      residualMeanAbsPct: 6.2
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9026,
      sigmaLn: 0.0652,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9515,
      sigmaLn: 0.0471,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.2
    },
    {
      key: 'software:deepspeed',
      value: 1.3304,
      sigmaLn: 0.1177,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 6
    },
    {
      key: 'software:megatron-lm',
      value: 1.0812,
      sigmaLn: 0.1182,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.1767,
      sigmaLn: 0.1289,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.2
    },
    {
      key: 'software:torchtitan',
      value: 0.7605,
      sigmaLn: 0.098,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.6
    }
  ],
};
