/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0049, sdLn: 0.1447 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0239, sdLn: 0.1364 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9802, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1127, sdLn: 0.0544 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0392, sdLn: 0.0859 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0203, sdLn: 0.1147 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1259, sdLn: 0.1436 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1539, sdLn: 0.0989 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0720, sdLn: 0.0235 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1455, sdLn: 0.1965 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1901, sdLn: 0.0689 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9802, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9802, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1127, sdLn: 0.0544 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1127, sdLn: 0.0544 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0110, sdLn: 0.0619 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0110, sdLn: 0.0619 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1273, sdLn: 0.0577 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1273, sdLn: 0.0577 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0893, sdLn: 0.0787 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0893, sdLn: 0.0787 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0642, sdLn: 0.0566 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0642, sdLn: 0.0566 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2275, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2275, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0541, sdLn: 0.0870 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1127, sdLn: 0.0543 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0683, sdLn: 0.0250 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0166, sdLn: 0.0182 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0442, sdLn: 0.1241 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0844, sdLn: 0.0852 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0965, sdLn: 0.1430 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0244, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0244, sdLn: 0.0000 },
];
