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
      value: 0.2839,
      sigmaLn: 0.2442,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.7
    },
    {
      key: 'gemm:ampere',
      value: 0.6668,
      sigmaLn: 0.0763,
      runs: 12,
      configurations: 10,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 12.1
    },
    {
      key: 'gemm:blackwell',
      value: 0.54,
      sigmaLn: 0.0657,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.8
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6751,
      sigmaLn: 0.0733,
      runs: 32,
      configurations: 12,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.7
    },
    {
      key: 'gemm:hopper',
      value: 0.6863,
      sigmaLn: 0.0598,
      runs: 34,
      configurations: 29,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.7
    },
    {
      key: 'ratio:achieved/prior',
      value: 0.8752,
      sigmaLn: 0.0692,
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
      value: 0.9301,
      sigmaLn: 0.0657,
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
      value: 0.928,
      sigmaLn: 0.0478,
      runs: 29,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.2
    },
    {
      key: 'software:deepspeed',
      value: 1.2694,
      sigmaLn: 0.1175,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.1
    },
    {
      key: 'software:megatron-lm',
      value: 1.0969,
      sigmaLn: 0.109,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.2103,
      sigmaLn: 0.1121,
      runs: 5,
      configurations: 3,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 5.3
    },
    {
      key: 'software:torchtitan',
      value: 0.9121,
      sigmaLn: 0.0861,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.5
    }
  ],
};
