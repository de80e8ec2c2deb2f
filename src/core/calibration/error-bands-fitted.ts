/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0024, sdLn: 0.1432 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0414, sdLn: 0.1085 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.0423, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0941, sdLn: 0.0550 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0347, sdLn: 0.0858 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0261, sdLn: 0.1125 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.0892, sdLn: 0.1113 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.0014, sdLn: 0.0932 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0319, sdLn: 0.0161 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: 0.1204, sdLn: 0.0294 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.0635, sdLn: 0.0656 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.0423, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.0423, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0941, sdLn: 0.0550 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0941, sdLn: 0.0550 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0162, sdLn: 0.0604 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0162, sdLn: 0.0604 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1342, sdLn: 0.0537 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1342, sdLn: 0.0537 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0855, sdLn: 0.0787 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0855, sdLn: 0.0787 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0583, sdLn: 0.0530 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0583, sdLn: 0.0530 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.1679, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.1679, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0671, sdLn: 0.1117 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1476, sdLn: 0.0549 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0871, sdLn: 0.0253 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0367, sdLn: 0.0184 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0488, sdLn: 0.1207 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0882, sdLn: 0.0826 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0889, sdLn: 0.1385 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0105, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0105, sdLn: 0.0000 },
];
