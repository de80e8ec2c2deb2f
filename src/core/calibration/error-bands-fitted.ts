/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0089, sdLn: 0.1526 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0077, sdLn: 0.1514 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9750, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1469, sdLn: 0.0532 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0252, sdLn: 0.0865 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0267, sdLn: 0.1254 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1103, sdLn: 0.1418 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1499, sdLn: 0.1266 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0871, sdLn: 0.0234 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1019, sdLn: 0.2114 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1942, sdLn: 0.1233 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9750, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9750, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1469, sdLn: 0.0532 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1469, sdLn: 0.0532 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0233, sdLn: 0.0642 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0233, sdLn: 0.0642 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1418, sdLn: 0.0586 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1418, sdLn: 0.0586 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0737, sdLn: 0.0804 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0737, sdLn: 0.0804 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0489, sdLn: 0.0567 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0489, sdLn: 0.0567 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2105, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2105, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0777, sdLn: 0.0876 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1194, sdLn: 0.0630 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0934, sdLn: 0.0230 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.0693, sdLn: 0.0159 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0309, sdLn: 0.1580 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0979, sdLn: 0.0863 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.2037, sdLn: 0.1230 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0100, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0100, sdLn: 0.0000 },
];
