/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 12 free parameters,
 * 73 distinct configurations (125 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one GEMM effMax per silicon generation × shared precision ratios × stack software efficiency',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'fp4:unscaled-share',
      value: 0.2827,
      sigmaLn: 0.2437,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.8
    },
    {
      key: 'gemm:ampere',
      value: 0.6613,
      sigmaLn: 0.0694,
      runs: 11,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.3
    },
    {
      key: 'gemm:blackwell',
      value: 0.5276,
      sigmaLn: 0.0649,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6584,
      sigmaLn: 0.0724,
      runs: 32,
      configurations: 12,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.1
    },
    {
      key: 'gemm:hopper',
      value: 0.6709,
      sigmaLn: 0.0584,
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
      value: 0.859,
      sigmaLn: 0.0678,
      runs: 125,
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
      residualMeanAbsPct: 6.3
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9448,
      sigmaLn: 0.0649,
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
      value: 0.9298,
      sigmaLn: 0.0477,
      runs: 29,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.5
    },
    {
      key: 'software:deepspeed',
      value: 1.048,
      sigmaLn: 0.1021,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.7
    },
    {
      key: 'software:megatron-lm',
      value: 1.1054,
      sigmaLn: 0.105,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.0658,
      sigmaLn: 0.1,
      runs: 5,
      configurations: 3,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 5
    },
    {
      key: 'software:torchtitan',
      value: 0.9261,
      sigmaLn: 0.0857,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.6
    }
  ],
};
