/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0052, sdLn: 0.1409 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0467, sdLn: 0.1043 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.0454, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.0862, sdLn: 0.0452 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0301, sdLn: 0.0841 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0226, sdLn: 0.1098 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.0949, sdLn: 0.1114 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: 0.0043, sdLn: 0.0819 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0369, sdLn: 0.0161 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: 0.1042, sdLn: 0.0220 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.0487, sdLn: 0.0648 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.0454, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.0454, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.0862, sdLn: 0.0452 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.0862, sdLn: 0.0452 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0194, sdLn: 0.0580 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0194, sdLn: 0.0580 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1303, sdLn: 0.0542 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1303, sdLn: 0.0542 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0795, sdLn: 0.0784 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0795, sdLn: 0.0784 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0599, sdLn: 0.0521 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0599, sdLn: 0.0521 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.1737, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.1737, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0722, sdLn: 0.1104 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1516, sdLn: 0.0536 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0829, sdLn: 0.0254 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0291, sdLn: 0.0181 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0431, sdLn: 0.1150 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0820, sdLn: 0.0719 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0933, sdLn: 0.1393 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0161, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0161, sdLn: 0.0000 },
];
