/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0034, sdLn: 0.1511 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0379, sdLn: 0.1074 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1786, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0957, sdLn: 0.0549 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0347, sdLn: 0.0858 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0258, sdLn: 0.1127 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1175, sdLn: 0.1510 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.0040, sdLn: 0.0924 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0282, sdLn: 0.0161 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: 0.1167, sdLn: 0.0295 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.0651, sdLn: 0.0657 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1786, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1786, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0957, sdLn: 0.0549 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0957, sdLn: 0.0549 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0162, sdLn: 0.0604 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0162, sdLn: 0.0604 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1342, sdLn: 0.0537 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1342, sdLn: 0.0537 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0855, sdLn: 0.0787 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0855, sdLn: 0.0787 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0583, sdLn: 0.0530 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0583, sdLn: 0.0530 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2243, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2243, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0630, sdLn: 0.1108 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1427, sdLn: 0.0547 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0901, sdLn: 0.0252 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0397, sdLn: 0.0185 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0478, sdLn: 0.1215 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0877, sdLn: 0.0828 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0917, sdLn: 0.1391 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0108, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0108, sdLn: 0.0000 },
];
