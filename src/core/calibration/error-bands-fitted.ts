/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0028, sdLn: 0.1441 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0191, sdLn: 0.1476 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9233, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1015, sdLn: 0.0547 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0435, sdLn: 0.0863 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0188, sdLn: 0.1156 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1207, sdLn: 0.1503 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1547, sdLn: 0.0934 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0867, sdLn: 0.0234 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1581, sdLn: 0.1946 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1806, sdLn: 0.0683 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9233, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9233, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1015, sdLn: 0.0547 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1015, sdLn: 0.0547 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0057, sdLn: 0.0643 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0057, sdLn: 0.0643 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1207, sdLn: 0.0583 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1207, sdLn: 0.0583 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0926, sdLn: 0.0791 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0926, sdLn: 0.0791 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0691, sdLn: 0.0565 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0691, sdLn: 0.0565 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2269, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2269, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0622, sdLn: 0.1091 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1376, sdLn: 0.0645 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0865, sdLn: 0.0232 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0331, sdLn: 0.0188 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0518, sdLn: 0.1251 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0925, sdLn: 0.0861 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0907, sdLn: 0.1430 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0144, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0144, sdLn: 0.0000 },
];
