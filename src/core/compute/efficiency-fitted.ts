/**
 * Parameters fitted by `scripts/calibrate.ts` (generated file: re-run `npm run calibrate` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. 13 free parameters,
 * 127 distinct configurations (127 runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: 'one effMax per (accelerator, precision) group',
  data: 'data/runs-dev.json',
  parameters: [
    {
      key: 'a100-80gb/bf16',
      value: 0.6553,
      sigmaLn: 0.037,
      runs: 12,
      configurations: 12,
      families: [
        'KORTH',
        'MSSWIFT',
        'TORCHTUNE'
      ],
      residualMeanAbsPct: 15.5
    },
    {
      key: 'b200/fp8',
      value: 0.4778,
      sigmaLn: 0.073,
      runs: 4,
      configurations: 4,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 0.6
    },
    {
      key: 'b200/mxfp8',
      value: 0.4311,
      sigmaLn: 0.0696,
      runs: 5,
      configurations: 5,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 9
    },
    {
      key: 'gb200/fp8',
      value: 0.4596,
      sigmaLn: 0.0319,
      runs: 16,
      configurations: 16,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.8
    },
    {
      key: 'gb200/mxfp8',
      value: 0.4331,
      sigmaLn: 0.0349,
      runs: 14,
      configurations: 14,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.7
    },
    {
      key: 'gb200/nvfp4',
      value: 0.3309,
      sigmaLn: 0.0489,
      runs: 9,
      configurations: 9,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.9
    },
    {
      key: 'gb300/fp8',
      value: 0.6054,
      sigmaLn: 0.0382,
      runs: 13,
      configurations: 13,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 4.4
    },
    {
      key: 'gb300/mxfp8',
      value: 0.601,
      sigmaLn: 0.0426,
      runs: 11,
      configurations: 11,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.4
    },
    {
      key: 'gb300/nvfp4',
      value: 0.336,
      sigmaLn: 0.0534,
      runs: 9,
      configurations: 9,
      families: [
        'MBRIDGE'
      ],
      residualMeanAbsPct: 6.2
    },
    {
      key: 'h100-96gb-500w/bf16',
      value: 0.3559,
      sigmaLn: 0.0637,
      runs: 10,
      configurations: 10,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 7.4
    },
    {
      key: 'h100-96gb-500w/fp8',
      value: 0.2968,
      sigmaLn: 0.0556,
      runs: 6,
      configurations: 6,
      families: [
        'TORCHTITAN'
      ],
      residualMeanAbsPct: 8.2
    },
    {
      key: 'h100-sxm/bf16',
      value: 0.8121,
      sigmaLn: 0.0843,
      runs: 24,
      configurations: 24,
      families: [
        'DEEPSEEK',
        'LLAMA3',
        'MBRIDGE',
        'NEMO2407'
      ],
      residualMeanAbsPct: 12
    },
    {
      key: 'h100-sxm/fp8',
      value: 0.6316,
      sigmaLn: 0.0492,
      runs: 22,
      configurations: 22,
      families: [
        'DEEPSEEK',
        'MBRIDGE',
        'NEMO2407'
      ],
      residualMeanAbsPct: 6.6
    }
  ],
};
