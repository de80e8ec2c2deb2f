/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0699, sdLn: 0.1710 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0072, sdLn: 0.1724 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.1443, sdLn: 0.0947 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0654, sdLn: 0.1310 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.2228, sdLn: 0.1306 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1333, sdLn: 0.1535 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0302, sdLn: 0.0238 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0308, sdLn: 0.2253 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.2156, sdLn: 0.1234 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1551, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1678, sdLn: 0.0526 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.0860, sdLn: 0.0755 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.0860, sdLn: 0.0755 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0432, sdLn: 0.0752 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0432, sdLn: 0.0752 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.2027, sdLn: 0.0754 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.2027, sdLn: 0.0754 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1585, sdLn: 0.0588 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1585, sdLn: 0.0588 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3151, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3151, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0685, sdLn: 0.1378 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.0380, sdLn: 0.1139 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0787, sdLn: 0.1685 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.2107, sdLn: 0.0187 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: 0.0307, sdLn: 0.1527 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0292, sdLn: 0.0929 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.2403, sdLn: 0.1376 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.1304, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.1304, sdLn: 0.0000 },
];
