/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0047, sdLn: 0.1447 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0137, sdLn: 0.1507 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9275, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0968, sdLn: 0.0549 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0400, sdLn: 0.0858 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0226, sdLn: 0.1153 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1211, sdLn: 0.1498 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1515, sdLn: 0.0923 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0882, sdLn: 0.0162 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1522, sdLn: 0.1955 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1766, sdLn: 0.0681 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9275, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9275, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0968, sdLn: 0.0549 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0968, sdLn: 0.0549 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0109, sdLn: 0.0606 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0109, sdLn: 0.0606 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1284, sdLn: 0.0548 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1284, sdLn: 0.0548 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0909, sdLn: 0.0784 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0909, sdLn: 0.0784 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0637, sdLn: 0.0538 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0637, sdLn: 0.0538 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2271, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2271, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0689, sdLn: 0.1137 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1511, sdLn: 0.0550 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0864, sdLn: 0.0254 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0383, sdLn: 0.0185 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0500, sdLn: 0.1273 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0923, sdLn: 0.0875 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0982, sdLn: 0.1405 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0152, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0152, sdLn: 0.0000 },
];
