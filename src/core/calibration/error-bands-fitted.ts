/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0024, sdLn: 0.1476 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0149, sdLn: 0.1602 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9189, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1063, sdLn: 0.0546 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0446, sdLn: 0.0855 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0191, sdLn: 0.1184 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1152, sdLn: 0.1523 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1599, sdLn: 0.0927 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0938, sdLn: 0.0233 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1642, sdLn: 0.1937 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1847, sdLn: 0.0686 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9189, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9189, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1063, sdLn: 0.0546 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1063, sdLn: 0.0546 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0054, sdLn: 0.0632 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0054, sdLn: 0.0632 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1206, sdLn: 0.0572 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1206, sdLn: 0.0572 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0945, sdLn: 0.0771 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0945, sdLn: 0.0771 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0720, sdLn: 0.0638 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0720, sdLn: 0.0638 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2229, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2229, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0721, sdLn: 0.1249 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1634, sdLn: 0.0560 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1028, sdLn: 0.0239 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0457, sdLn: 0.0194 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0573, sdLn: 0.1250 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0983, sdLn: 0.0860 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0862, sdLn: 0.1412 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0074, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0074, sdLn: 0.0000 },
];
