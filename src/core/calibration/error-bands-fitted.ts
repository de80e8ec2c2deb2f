/**
 * Cross-validated residual classes written by `scripts/calibrate.ts` (generated file: re-run
 * `npm run calibrate`; do not edit by hand). See error-band.ts. 136 cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
  { key: '*/*/*/*', runs: 136, meanLn: -0.0084, sdLn: 0.1470 },
  { key: '*/bf16/dense/*', runs: 24, meanLn: -0.0256, sdLn: 0.1496 },
  { key: '*/bf16/moe/*', runs: 1, meanLn: 0.9707, sdLn: 0.0000 },
  { key: '*/fp16/dense/*', runs: 2, meanLn: -0.1219, sdLn: 0.0541 },
  { key: '*/fp4/dense/*', runs: 18, meanLn: 0.0368, sdLn: 0.0863 },
  { key: '*/fp8/dense/*', runs: 89, meanLn: -0.0241, sdLn: 0.1153 },
  { key: '*/fp8/moe/*', runs: 2, meanLn: 0.1170, sdLn: 0.1464 },
  { key: 'ampere/bf16/dense/*', runs: 9, meanLn: -0.1643, sdLn: 0.0971 },
  { key: 'ampere/bf16/dense/deepspeed', runs: 2, meanLn: -0.0867, sdLn: 0.0234 },
  { key: 'ampere/bf16/dense/megatron-core', runs: 2, meanLn: -0.1581, sdLn: 0.1946 },
  { key: 'ampere/bf16/dense/other', runs: 5, meanLn: -0.1979, sdLn: 0.0693 },
  { key: 'ampere/bf16/moe/*', runs: 1, meanLn: 0.9707, sdLn: 0.0000 },
  { key: 'ampere/bf16/moe/megatron-core', runs: 1, meanLn: 0.9707, sdLn: 0.0000 },
  { key: 'ampere/fp16/dense/*', runs: 2, meanLn: -0.1219, sdLn: 0.0541 },
  { key: 'ampere/fp16/dense/megatron-lm', runs: 2, meanLn: -0.1219, sdLn: 0.0541 },
  { key: 'blackwell-ultra/fp4/dense/*', runs: 9, meanLn: -0.0121, sdLn: 0.0643 },
  { key: 'blackwell-ultra/fp4/dense/megatron-core', runs: 9, meanLn: -0.0121, sdLn: 0.0643 },
  { key: 'blackwell-ultra/fp8/dense/*', runs: 24, meanLn: -0.1284, sdLn: 0.0584 },
  { key: 'blackwell-ultra/fp8/dense/megatron-core', runs: 24, meanLn: -0.1284, sdLn: 0.0584 },
  { key: 'blackwell/fp4/dense/*', runs: 9, meanLn: 0.0856, sdLn: 0.0796 },
  { key: 'blackwell/fp4/dense/megatron-core', runs: 9, meanLn: 0.0856, sdLn: 0.0796 },
  { key: 'blackwell/fp8/dense/*', runs: 38, meanLn: 0.0618, sdLn: 0.0566 },
  { key: 'blackwell/fp8/dense/megatron-core', runs: 38, meanLn: 0.0618, sdLn: 0.0566 },
  { key: 'blackwell/fp8/moe/*', runs: 1, meanLn: 0.2205, sdLn: 0.0000 },
  { key: 'blackwell/fp8/moe/megatron-core', runs: 1, meanLn: 0.2205, sdLn: 0.0000 },
  { key: 'hopper/bf16/dense/*', runs: 15, meanLn: 0.0577, sdLn: 0.1076 },
  { key: 'hopper/bf16/dense/megatron-core', runs: 9, meanLn: 0.1319, sdLn: 0.0640 },
  { key: 'hopper/bf16/dense/meta-internal', runs: 2, meanLn: -0.0895, sdLn: 0.0231 },
  { key: 'hopper/bf16/dense/torchtitan', runs: 4, meanLn: -0.0357, sdLn: 0.0190 },
  { key: 'hopper/fp8/dense/*', runs: 27, meanLn: -0.0524, sdLn: 0.1255 },
  { key: 'hopper/fp8/dense/megatron-core', runs: 21, meanLn: -0.0934, sdLn: 0.0862 },
  { key: 'hopper/fp8/dense/torchtitan', runs: 6, meanLn: 0.0910, sdLn: 0.1431 },
  { key: 'hopper/fp8/moe/*', runs: 1, meanLn: 0.0135, sdLn: 0.0000 },
  { key: 'hopper/fp8/moe/hai-llm', runs: 1, meanLn: 0.0135, sdLn: 0.0000 },
];
