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
      value: 0.2775,
      sigmaLn: 0.2489,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.6
    },
    {
      key: 'gemm:ampere',
      value: 0.6789,
      sigmaLn: 0.0705,
      runs: 11,
      configurations: 9,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 8.8
    },
    {
      key: 'gemm:blackwell',
      value: 0.5491,
      sigmaLn: 0.0659,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.8
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.684,
      sigmaLn: 0.0733,
      runs: 32,
      configurations: 12,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.9
    },
    {
      key: 'gemm:hopper',
      value: 0.6957,
      sigmaLn: 0.0601,
      runs: 34,
      configurations: 29,
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
      value: 0.8879,
      sigmaLn: 0.0685,
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
      residualMeanAbsPct: 6
    },
    {
      key: 'ratio:fp8/bf16',
      value: 0.9164,
      sigmaLn: 0.0657,
      runs: 106,
      configurations: 56,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.4
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9299,
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
      value: 1.0339,
      sigmaLn: 0.1033,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.1
    },
    {
      key: 'software:megatron-lm',
      value: 1.0883,
      sigmaLn: 0.1061,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 3.3
    },
    {
      key: 'software:other',
      value: 1.04,
      sigmaLn: 0.1007,
      runs: 5,
      configurations: 3,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 4.9
    },
    {
      key: 'software:torchtitan',
      value: 0.9069,
      sigmaLn: 0.0862,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.3
    }
  ],
};
