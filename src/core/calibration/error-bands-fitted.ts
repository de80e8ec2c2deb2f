/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0710, sdLn: 0.1628 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0337, sdLn: 0.1215 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.2683, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0886, sdLn: 0.0552 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.1336, sdLn: 0.0857 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0561, sdLn: 0.1283 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1782, sdLn: 0.1800 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: 0.0105, sdLn: 0.1259 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0907, sdLn: 0.0248 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: 0.1692, sdLn: 0.0287 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.0851, sdLn: 0.0643 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.2683, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.2683, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0886, sdLn: 0.0552 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0886, sdLn: 0.0552 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0814, sdLn: 0.0649 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0814, sdLn: 0.0649 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0245, sdLn: 0.0767 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0245, sdLn: 0.0767 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.1859, sdLn: 0.0726 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.1859, sdLn: 0.0726 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1699, sdLn: 0.0564 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1699, sdLn: 0.0564 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3055, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3055, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0476, sdLn: 0.1210 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1037, sdLn: 0.0850 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1625, sdLn: 0.1673 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.0266, sdLn: 0.0167 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0323, sdLn: 0.1139 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0632, sdLn: 0.0866 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0760, sdLn: 0.1391 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0509, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0509, sdLn: 0.0000 },
];
