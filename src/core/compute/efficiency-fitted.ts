/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 12 free parameters,
 * 73 distinct configurations (126 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2829,
      sigmaLn: 0.2423,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.9
    },
    {
      key: 'gemm:ampere',
      value: 0.6323,
      sigmaLn: 0.0733,
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
      value: 0.5298,
      sigmaLn: 0.0631,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6575,
      sigmaLn: 0.0707,
      runs: 32,
      configurations: 12,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.5
    },
    {
      key: 'gemm:hopper',
      value: 0.6778,
      sigmaLn: 0.0567,
      runs: 34,
      configurations: 29,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.9
    },
    {
      key: 'ratio:achieved/prior',
      value: 0.8526,
      sigmaLn: 0.0673,
      runs: 126,
      configurations: 73,
      families: [
        'KORTH',
        'MBRIDGE',
        'MLM24',
        'MSSWIFT',
        'NEMO2407',
        'TORCHTITAN',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 6.6
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9375,
      sigmaLn: 0.0615,
      runs: 106,
      configurations: 56,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.8
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9304,
      sigmaLn: 0.0476,
      runs: 29,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.8
    },
    {
      key: 'software:deepspeed',
      value: 1.3217,
      sigmaLn: 0.1152,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.7
    },
    {
      key: 'software:megatron-lm',
      value: 1.1521,
      sigmaLn: 0.1072,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4
    },
    {
      key: 'software:other',
      value: 1.2546,
      sigmaLn: 0.1172,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.3
    },
    {
      key: 'software:torchtitan',
      value: 0.7995,
      sigmaLn: 0.0781,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.4
    }
  ],
};
