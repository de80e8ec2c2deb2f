/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0171, sdLn: 0.1540 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0001, sdLn: 0.1469 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9940, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0844, sdLn: 0.0553 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0563, sdLn: 0.0860 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0021, sdLn: 0.1302 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1528, sdLn: 0.1300 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1076, sdLn: 0.1225 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0579, sdLn: 0.0236 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0755, sdLn: 0.2158 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1403, sdLn: 0.1230 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9940, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9940, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0844, sdLn: 0.0553 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0844, sdLn: 0.0553 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0064, sdLn: 0.0638 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0064, sdLn: 0.0638 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1174, sdLn: 0.0776 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1174, sdLn: 0.0776 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.1062, sdLn: 0.0777 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.1062, sdLn: 0.0777 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0815, sdLn: 0.0565 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0815, sdLn: 0.0565 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2447, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2447, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0644, sdLn: 0.1225 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.0870, sdLn: 0.0846 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1632, sdLn: 0.1673 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.1273, sdLn: 0.0159 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0035, sdLn: 0.1583 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0707, sdLn: 0.0849 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.2315, sdLn: 0.1276 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0608, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0608, sdLn: 0.0000 },
];
