/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: 0.0049, sdLn: 0.1519 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: 0.0382, sdLn: 0.1168 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 1.1570, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1032, sdLn: 0.0547 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0379, sdLn: 0.0861 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0237, sdLn: 0.1145 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1135, sdLn: 0.1520 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.0128, sdLn: 0.0900 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: 0.0217, sdLn: 0.0242 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: 0.1010, sdLn: 0.0297 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.0721, sdLn: 0.0661 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 1.1570, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 1.1570, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1032, sdLn: 0.0547 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1032, sdLn: 0.0547 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0120, sdLn: 0.0623 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0120, sdLn: 0.0623 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1270, sdLn: 0.0575 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1270, sdLn: 0.0575 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0878, sdLn: 0.0792 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0878, sdLn: 0.0792 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0641, sdLn: 0.0566 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0641, sdLn: 0.0566 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2210, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2210, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0689, sdLn: 0.1229 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1584, sdLn: 0.0559 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.1043, sdLn: 0.0238 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0460, sdLn: 0.0194 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0556, sdLn: 0.1214 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0956, sdLn: 0.0815 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0844, sdLn: 0.1408 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0060, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0060, sdLn: 0.0000 },
];
