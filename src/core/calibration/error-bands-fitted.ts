/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0031, sdLn: 0.1449 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0145, sdLn: 0.1512 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9260, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0985, sdLn: 0.0548 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0438, sdLn: 0.0859 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0206, sdLn: 0.1155 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1229, sdLn: 0.1488 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1533, sdLn: 0.0921 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0907, sdLn: 0.0162 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1543, sdLn: 0.1952 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1780, sdLn: 0.0682 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9260, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9260, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0985, sdLn: 0.0548 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0985, sdLn: 0.0548 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0072, sdLn: 0.0608 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0072, sdLn: 0.0608 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1245, sdLn: 0.0560 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1245, sdLn: 0.0560 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0947, sdLn: 0.0783 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0947, sdLn: 0.0783 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0673, sdLn: 0.0547 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0673, sdLn: 0.0547 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2281, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2281, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0689, sdLn: 0.1133 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1507, sdLn: 0.0550 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0871, sdLn: 0.0253 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0373, sdLn: 0.0184 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0520, sdLn: 0.1259 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0926, sdLn: 0.0870 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0901, sdLn: 0.1451 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0176, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0176, sdLn: 0.0000 },
];
