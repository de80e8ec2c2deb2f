/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 127 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 127, meanLn: 0.0911, sdLn: 0.1821 },
  { key: '*/bf16/dense/*', runs: 15, meanLn: -0.0354, sdLn: 0.1985 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.1634, sdLn: 0.0952 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0885, sdLn: 0.1436 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.2272, sdLn: 0.1342 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1333, sdLn: 0.1535 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0302, sdLn: 0.0238 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0308, sdLn: 0.2253 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.2156, sdLn: 0.1234 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.1048, sdLn: 0.0769 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.1048, sdLn: 0.0769 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0181, sdLn: 0.0751 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0181, sdLn: 0.0751 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.2221, sdLn: 0.0747 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.2221, sdLn: 0.0747 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1822, sdLn: 0.0593 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1822, sdLn: 0.0593 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3220, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3220, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 6, meanLn: 0.1115, sdLn: 0.1718 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0869, sdLn: 0.1684 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.2107, sdLn: 0.0187 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: 0.0515, sdLn: 0.1872 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0199, sdLn: 0.0932 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.3016, sdLn: 0.2258 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.1323, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.1323, sdLn: 0.0000 },
];
