/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0145, sdLn: 0.1488 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0336, sdLn: 0.1432 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9846, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1059, sdLn: 0.0546 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0654, sdLn: 0.0861 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0058, sdLn: 0.1194 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1550, sdLn: 0.1281 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1478, sdLn: 0.0992 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0651, sdLn: 0.0236 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1397, sdLn: 0.1974 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1842, sdLn: 0.0685 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9846, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9846, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1059, sdLn: 0.0546 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1059, sdLn: 0.0546 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0155, sdLn: 0.0644 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0155, sdLn: 0.0644 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1045, sdLn: 0.0773 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1045, sdLn: 0.0773 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.1152, sdLn: 0.0776 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.1152, sdLn: 0.0776 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0937, sdLn: 0.0564 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0937, sdLn: 0.0564 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2455, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2455, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0349, sdLn: 0.1210 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.0933, sdLn: 0.0847 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1712, sdLn: 0.1672 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.0065, sdLn: 0.0174 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0200, sdLn: 0.1234 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0589, sdLn: 0.0846 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.1164, sdLn: 0.1480 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0644, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0644, sdLn: 0.0000 },
];
