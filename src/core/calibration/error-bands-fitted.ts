/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 127 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 127, meanLn: 0.1509, sdLn: 0.2211 },
  { key: '*/bf16/dense/*', runs: 15, meanLn: 0.0819, sdLn: 0.3368 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1789, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1111, sdLn: 0.0495 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.2397, sdLn: 0.1041 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: 0.1371, sdLn: 0.1818 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.2362, sdLn: 0.2005 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.0986, sdLn: 0.1621 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0501, sdLn: 0.0163 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.0205, sdLn: 0.2247 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1894, sdLn: 0.1244 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1789, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1789, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1111, sdLn: 0.0495 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1111, sdLn: 0.0495 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: 0.1805, sdLn: 0.0984 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: 0.1805, sdLn: 0.0984 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: 0.0257, sdLn: 0.0861 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: 0.0257, sdLn: 0.0861 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.2989, sdLn: 0.0737 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.2989, sdLn: 0.0737 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.2410, sdLn: 0.0594 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.2410, sdLn: 0.0594 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.3779, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.3779, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 6, meanLn: 0.3527, sdLn: 0.3589 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0919, sdLn: 0.1684 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: 0.5750, sdLn: 0.0874 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: 0.0898, sdLn: 0.2659 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0355, sdLn: 0.1059 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.5282, sdLn: 0.1625 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0944, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0944, sdLn: 0.0000 },
];
