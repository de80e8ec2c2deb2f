/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0829, sdLn: 0.1756 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0021, sdLn: 0.1739 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.1704, sdLn: 0.0953 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0778, sdLn: 0.1381 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.2047, sdLn: 0.1695 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1333, sdLn: 0.1535 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0302, sdLn: 0.0238 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0308, sdLn: 0.2253 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.2156, sdLn: 0.1234 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.1117, sdLn: 0.0774 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.1117, sdLn: 0.0774 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0089, sdLn: 0.0751 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0089, sdLn: 0.0751 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.2292, sdLn: 0.0745 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.2292, sdLn: 0.0745 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1907, sdLn: 0.0595 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1907, sdLn: 0.0595 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3245, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3245, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0834, sdLn: 0.1318 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1213, sdLn: 0.0917 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1694, sdLn: 0.1672 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.1243, sdLn: 0.0158 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0041, sdLn: 0.1483 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0610, sdLn: 0.0955 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.1949, sdLn: 0.1297 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0848, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0848, sdLn: 0.0000 },
];
