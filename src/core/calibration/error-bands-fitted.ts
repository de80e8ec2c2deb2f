/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0017, sdLn: 0.1452 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0192, sdLn: 0.1475 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9232, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1016, sdLn: 0.0547 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0458, sdLn: 0.0857 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0175, sdLn: 0.1177 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1203, sdLn: 0.1508 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1548, sdLn: 0.0933 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0868, sdLn: 0.0234 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1582, sdLn: 0.1946 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1806, sdLn: 0.0683 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9232, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9232, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1016, sdLn: 0.0547 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1016, sdLn: 0.0547 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0033, sdLn: 0.0649 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0033, sdLn: 0.0649 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1198, sdLn: 0.0582 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1198, sdLn: 0.0582 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0950, sdLn: 0.0772 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0950, sdLn: 0.0772 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0719, sdLn: 0.0637 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0719, sdLn: 0.0637 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2269, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2269, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0621, sdLn: 0.1089 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1374, sdLn: 0.0645 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0865, sdLn: 0.0232 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0328, sdLn: 0.0188 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0525, sdLn: 0.1247 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0929, sdLn: 0.0860 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0890, sdLn: 0.1426 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0136, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0136, sdLn: 0.0000 },
];
