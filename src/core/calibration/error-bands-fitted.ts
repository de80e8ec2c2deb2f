/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0035, sdLn: 0.1465 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0148, sdLn: 0.1602 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9190, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1062, sdLn: 0.0546 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0421, sdLn: 0.0861 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0204, sdLn: 0.1163 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1155, sdLn: 0.1518 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1598, sdLn: 0.0927 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0936, sdLn: 0.0234 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1640, sdLn: 0.1938 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1846, sdLn: 0.0685 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9190, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9190, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1062, sdLn: 0.0546 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1062, sdLn: 0.0546 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0078, sdLn: 0.0624 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0078, sdLn: 0.0624 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1216, sdLn: 0.0573 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1216, sdLn: 0.0573 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0920, sdLn: 0.0790 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0920, sdLn: 0.0790 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0692, sdLn: 0.0565 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0692, sdLn: 0.0565 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2229, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2229, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0722, sdLn: 0.1251 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1636, sdLn: 0.0560 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1027, sdLn: 0.0239 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0459, sdLn: 0.0194 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0566, sdLn: 0.1255 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0979, sdLn: 0.0860 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0879, sdLn: 0.1415 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0082, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0082, sdLn: 0.0000 },
];
