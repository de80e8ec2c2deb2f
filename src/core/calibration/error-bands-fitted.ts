/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0048, sdLn: 0.1440 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0152, sdLn: 0.1494 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9276, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0967, sdLn: 0.0549 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0393, sdLn: 0.0858 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0222, sdLn: 0.1145 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1199, sdLn: 0.1510 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1514, sdLn: 0.0923 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0880, sdLn: 0.0162 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1520, sdLn: 0.1955 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1765, sdLn: 0.0681 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9276, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9276, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0967, sdLn: 0.0549 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0967, sdLn: 0.0549 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0116, sdLn: 0.0606 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0116, sdLn: 0.0606 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1284, sdLn: 0.0536 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1284, sdLn: 0.0536 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0902, sdLn: 0.0785 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0902, sdLn: 0.0785 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0638, sdLn: 0.0530 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0638, sdLn: 0.0530 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2266, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2266, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0665, sdLn: 0.1128 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1479, sdLn: 0.0549 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0882, sdLn: 0.0253 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0394, sdLn: 0.0185 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0488, sdLn: 0.1261 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0900, sdLn: 0.0882 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0951, sdLn: 0.1399 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0131, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0131, sdLn: 0.0000 },
];
