/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0205, sdLn: 0.1520 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0342, sdLn: 0.1397 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9885, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1063, sdLn: 0.0546 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0715, sdLn: 0.0862 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0141, sdLn: 0.1261 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1430, sdLn: 0.1454 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1221, sdLn: 0.1243 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0664, sdLn: 0.0235 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0832, sdLn: 0.2145 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1599, sdLn: 0.1231 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9885, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9885, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1063, sdLn: 0.0546 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1063, sdLn: 0.0546 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0217, sdLn: 0.0648 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0217, sdLn: 0.0648 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0956, sdLn: 0.0770 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0956, sdLn: 0.0770 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.1213, sdLn: 0.0776 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.1213, sdLn: 0.0776 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1018, sdLn: 0.0563 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1018, sdLn: 0.0563 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2459, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2459, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0184, sdLn: 0.1237 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.0241, sdLn: 0.0837 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1973, sdLn: 0.1668 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.1136, sdLn: 0.0157 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0117, sdLn: 0.1449 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0700, sdLn: 0.0873 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.1921, sdLn: 0.1208 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0402, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0402, sdLn: 0.0000 },
];
