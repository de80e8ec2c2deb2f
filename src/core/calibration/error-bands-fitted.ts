/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0142, sdLn: 0.1551 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0145, sdLn: 0.1545 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9890, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1315, sdLn: 0.0537 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0535, sdLn: 0.0862 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0032, sdLn: 0.1292 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1486, sdLn: 0.1232 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1332, sdLn: 0.1289 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0656, sdLn: 0.0236 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0825, sdLn: 0.2146 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1806, sdLn: 0.1232 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9890, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9890, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1315, sdLn: 0.0537 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1315, sdLn: 0.0537 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0040, sdLn: 0.0643 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0040, sdLn: 0.0643 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1185, sdLn: 0.0774 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1185, sdLn: 0.0774 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.1029, sdLn: 0.0784 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.1029, sdLn: 0.0784 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0803, sdLn: 0.0564 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0803, sdLn: 0.0564 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2357, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2357, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0568, sdLn: 0.1233 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.0812, sdLn: 0.0845 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1745, sdLn: 0.1671 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.1175, sdLn: 0.0158 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: 0.0030, sdLn: 0.1559 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0626, sdLn: 0.0848 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.2325, sdLn: 0.1278 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0615, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0615, sdLn: 0.0000 },
];
