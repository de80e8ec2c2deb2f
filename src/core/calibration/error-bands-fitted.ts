/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0061, sdLn: 0.1484 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0431, sdLn: 0.1032 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1716, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0880, sdLn: 0.0452 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0301, sdLn: 0.0841 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0223, sdLn: 0.1100 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1235, sdLn: 0.1514 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: 0.0017, sdLn: 0.0811 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0331, sdLn: 0.0161 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: 0.1005, sdLn: 0.0221 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.0504, sdLn: 0.0649 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1716, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1716, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0880, sdLn: 0.0452 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0880, sdLn: 0.0452 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0194, sdLn: 0.0580 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0194, sdLn: 0.0580 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1303, sdLn: 0.0542 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1303, sdLn: 0.0542 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0795, sdLn: 0.0784 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0795, sdLn: 0.0784 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0599, sdLn: 0.0521 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0599, sdLn: 0.0521 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2305, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2305, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0680, sdLn: 0.1095 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1466, sdLn: 0.0536 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0859, sdLn: 0.0253 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0321, sdLn: 0.0182 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0420, sdLn: 0.1159 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0815, sdLn: 0.0722 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0961, sdLn: 0.1400 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0164, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0164, sdLn: 0.0000 },
];
