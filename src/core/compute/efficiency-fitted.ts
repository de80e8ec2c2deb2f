/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 12 free parameters,
 * 74 distinct configurations (126 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2754,
      sigmaLn: 0.2504,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.6
    },
    {
      key: 'gemm:ampere',
      value: 0.6741,
      sigmaLn: 0.0769,
      runs: 12,
      configurations: 10,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 12.2
    },
    {
      key: 'gemm:blackwell',
      value: 0.5437,
      sigmaLn: 0.0661,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.9
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6788,
      sigmaLn: 0.0737,
      runs: 32,
      configurations: 12,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.7
    },
    {
      key: 'gemm:hopper',
      value: 0.694,
      sigmaLn: 0.0604,
      runs: 34,
      configurations: 29,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.6
    },
    {
      key: 'ratio:achieved/prior',
      value: 0.8822,
      sigmaLn: 0.0695,
      runs: 126,
      configurations: 74,
      families: [
        'KORTH',
        'MBRIDGE',
        'MLM24',
        'MSSWIFT',
        'NEMO2407',
        'TORCHTITAN',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 6.4
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9275,
      sigmaLn: 0.066,
      runs: 106,
      configurations: 56,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.5
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9293,
      sigmaLn: 0.0479,
      runs: 29,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.3
    },
    {
      key: 'software:deepspeed',
      value: 1.256,
      sigmaLn: 0.1179,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.1
    },
    {
      key: 'software:megatron-lm',
      value: 1.0955,
      sigmaLn: 0.1099,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 3.3
    },
    {
      key: 'software:other',
      value: 1.1984,
      sigmaLn: 0.1125,
      runs: 5,
      configurations: 3,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 5.2
    },
    {
      key: 'software:torchtitan',
      value: 0.9038,
      sigmaLn: 0.0865,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.4
    }
  ],
};
