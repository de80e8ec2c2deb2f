/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 127 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 127, meanLn: 0.0980, sdLn: 0.1870 },
  { key: '*/bf16/dense/*', runs: 15, meanLn: 0.0043, sdLn: 0.2359 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.0118, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1341, sdLn: 0.0537 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.1640, sdLn: 0.0952 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.0933, sdLn: 0.1608 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1885, sdLn: 0.1640 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1169, sdLn: 0.1440 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0302, sdLn: 0.0238 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0308, sdLn: 0.2253 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1860, sdLn: 0.1232 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.0118, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.0118, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1341, sdLn: 0.0537 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1341, sdLn: 0.0537 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.1053, sdLn: 0.0770 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.1053, sdLn: 0.0770 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.0174, sdLn: 0.0751 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.0174, sdLn: 0.0751 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.2226, sdLn: 0.0747 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.2226, sdLn: 0.0747 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.1828, sdLn: 0.0593 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.1828, sdLn: 0.0593 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3044, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3044, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 6, meanLn: 0.1861, sdLn: 0.2377 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1037, sdLn: 0.1681 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.3310, sdLn: 0.0273 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: 0.0658, sdLn: 0.2317 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0334, sdLn: 0.0943 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.4132, sdLn: 0.2396 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0725, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0725, sdLn: 0.0000 },
];
