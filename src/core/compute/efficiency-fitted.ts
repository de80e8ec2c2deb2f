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
      value: 0.2928,
      sigmaLn: 0.2393,
      runs: 18,
      configurations: 6,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 5.9
    },
    {
      key: 'gemm:ampere',
      value: 0.6426,
      sigmaLn: 0.0731,
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
      value: 0.5398,
      sigmaLn: 0.0603,
      runs: 48,
      configurations: 23,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.9
    },
    {
      key: 'gemm:blackwell-ultra',
      value: 0.6926,
      sigmaLn: 0.0679,
      runs: 33,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.6
    },
    {
      key: 'gemm:hopper',
      value: 0.7181,
      sigmaLn: 0.0487,
      runs: 40,
      configurations: 35,
      families: [
        'MBRIDGE',
        'MLM24',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7
    },
    {
      key: 'ratio:achieved/prior',
      value: 0.8821,
      sigmaLn: 0.0649,
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
      value: 0.9271,
      sigmaLn: 0.0598,
      runs: 108,
      configurations: 58,
      families: [
        'MBRIDGE',
        'NEMO2407',
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 5.2
    },
    {
      key: 'ratio:mxfp8/fp8',
      value: 0.9528,
      sigmaLn: 0.0472,
      runs: 30,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:deepspeed',
      value: 1.3066,
      sigmaLn: 0.1153,
      runs: 2,
      configurations: 2,
      families: [
        'MSSWIFT'
      ],
      residualMeanAbsPct: 1.7
    },
    {
      key: 'software:megatron-lm',
      value: 1.1351,
      sigmaLn: 0.1071,
      runs: 2,
      configurations: 2,
      families: [
        'KORTH'
      ],
      residualMeanAbsPct: 4.1
    },
    {
      key: 'software:other',
      value: 1.2366,
      sigmaLn: 0.1171,
      runs: 5,
      configurations: 2,
      families: [
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 9.3
    },
    {
      key: 'software:torchtitan',
      value: 0.7606,
      sigmaLn: 0.0761,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 6.2
    }
  ],
};
