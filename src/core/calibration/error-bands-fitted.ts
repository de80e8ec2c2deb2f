/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0048, sdLn: 0.1429 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0141, sdLn: 0.1463 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9304, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0942, sdLn: 0.0451 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0330, sdLn: 0.0841 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0213, sdLn: 0.1141 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1248, sdLn: 0.1504 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1485, sdLn: 0.0899 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0837, sdLn: 0.0162 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1650, sdLn: 0.1878 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1678, sdLn: 0.0676 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9304, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9304, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0942, sdLn: 0.0451 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0942, sdLn: 0.0451 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0165, sdLn: 0.0581 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0165, sdLn: 0.0581 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1264, sdLn: 0.0541 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1264, sdLn: 0.0541 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0824, sdLn: 0.0783 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0824, sdLn: 0.0783 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0637, sdLn: 0.0520 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0637, sdLn: 0.0520 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2312, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2312, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0666, sdLn: 0.1094 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1443, sdLn: 0.0574 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0849, sdLn: 0.0254 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0326, sdLn: 0.0182 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0477, sdLn: 0.1270 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0898, sdLn: 0.0874 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0996, sdLn: 0.1407 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0185, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0185, sdLn: 0.0000 },
];
