/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0090, sdLn: 0.1493 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0212, sdLn: 0.1622 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9662, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1266, sdLn: 0.0539 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0355, sdLn: 0.0862 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0257, sdLn: 0.1159 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1118, sdLn: 0.1479 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1695, sdLn: 0.0964 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0936, sdLn: 0.0234 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1640, sdLn: 0.1938 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.2020, sdLn: 0.0695 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9662, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9662, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1266, sdLn: 0.0539 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1266, sdLn: 0.0539 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0142, sdLn: 0.0624 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0142, sdLn: 0.0624 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1291, sdLn: 0.0574 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1291, sdLn: 0.0574 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0851, sdLn: 0.0796 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0851, sdLn: 0.0796 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0619, sdLn: 0.0567 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0619, sdLn: 0.0567 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2164, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2164, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0677, sdLn: 0.1238 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1580, sdLn: 0.0559 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1059, sdLn: 0.0238 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0487, sdLn: 0.0195 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0572, sdLn: 0.1258 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0987, sdLn: 0.0861 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0882, sdLn: 0.1417 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0072, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0072, sdLn: 0.0000 },
];
