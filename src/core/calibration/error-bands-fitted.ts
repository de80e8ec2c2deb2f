/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0033, sdLn: 0.1455 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0108, sdLn: 0.1554 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9168, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1084, sdLn: 0.0545 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0414, sdLn: 0.0861 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0210, sdLn: 0.1162 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1152, sdLn: 0.1513 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1484, sdLn: 0.0895 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0970, sdLn: 0.0233 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1669, sdLn: 0.1933 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1615, sdLn: 0.0695 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9168, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9168, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1084, sdLn: 0.0545 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1084, sdLn: 0.0545 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0085, sdLn: 0.0624 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0085, sdLn: 0.0624 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1224, sdLn: 0.0573 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1224, sdLn: 0.0573 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0913, sdLn: 0.0791 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0913, sdLn: 0.0791 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0684, sdLn: 0.0566 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0684, sdLn: 0.0566 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2222, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2222, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0717, sdLn: 0.1249 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1630, sdLn: 0.0560 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1031, sdLn: 0.0239 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0462, sdLn: 0.0194 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0567, sdLn: 0.1255 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0980, sdLn: 0.0860 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0879, sdLn: 0.1416 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0082, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0082, sdLn: 0.0000 },
];
