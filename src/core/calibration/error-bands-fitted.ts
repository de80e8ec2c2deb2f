/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0709, sdLn: 0.1608 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0050, sdLn: 0.1609 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.0118, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1251, sdLn: 0.0540 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.1369, sdLn: 0.0858 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0668, sdLn: 0.1333 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1788, sdLn: 0.1808 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1170, sdLn: 0.1380 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0302, sdLn: 0.0238 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0505, sdLn: 0.2201 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1783, sdLn: 0.1232 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.0118, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.0118, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1251, sdLn: 0.0540 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1251, sdLn: 0.0540 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0846, sdLn: 0.0650 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0846, sdLn: 0.0650 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0201, sdLn: 0.0767 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0201, sdLn: 0.0767 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.1892, sdLn: 0.0725 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.1892, sdLn: 0.0725 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1740, sdLn: 0.0564 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1740, sdLn: 0.0564 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3067, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3067, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0782, sdLn: 0.1278 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1044, sdLn: 0.0850 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1667, sdLn: 0.1672 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.1415, sdLn: 0.0161 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0068, sdLn: 0.1451 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0650, sdLn: 0.0877 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.1969, sdLn: 0.1215 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0510, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0510, sdLn: 0.0000 },
];
