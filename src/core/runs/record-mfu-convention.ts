/**
 * How the source of a published MFU counted its model FLOPs (data/README.md: "MFU definitions
 * differ by source"). A run that publishes only an MFU is compared in its source's count, so the
 * count is a fact of the record, resolved like a null layout field: by a convention of the stack
 * and its era, with its evidence, or else the model's own count (`model/flops.ts`, causal).
 *
 * The counts differ only in the attention core: causal (each query sees half the keys on average)
 * or full (every query against every key, 2× the causal core).
 *
 * | stack and era | attention counted | evidence |
 * |---|---|---|
 * | Megatron-Core ≤ r0.8, NeMo 24.x | full | Megatron-LM `num_floating_point_operations` of that era (megatron/training/training.py): 12·B·s·l·h²·((1 + g/a + s/h)·q/h + …), whose s/h term is the unmasked QKᵀ and PV; the NeMo 24.07 pre-training rows of data/runs-dev.json that print both TFLOP/s and tokens/s divide to the full count within 0.1% (the causal count is 6–13% below) |
 * | Megatron-LM 2021–22 | full | Narayanan et al. 2021 eq. 3 and Korthikanti et al. 2022 App. A: the s/(6h) term counts full attention |
 * | Megatron-Bridge (Megatron-Core 2025) | causal | its rows' TFLOP/s ÷ tokens/s equal the causal count within 0.1% |
 * | any other | causal (the model's convention) | none: the source does not say |
 */
import type { RunRecord } from './record-schema.js';

/** The model-FLOP count behind a published MFU. */
export interface MfuConvention {
  /** true: the attention core counted over every key (non-causal); false: halved for the causal mask. */
  readonly fullAttention: boolean;
  /** `convention`: the stack's documented count; `model`: nothing documents it, the model's own count is used. */
  readonly basis: 'convention' | 'model';
  readonly source: string;
}

/** Megatron-Core releases up to r0.8 and NeMo 24.x containers, as sources name them. */
const MEGATRON_2024 = /\bMegatron-Core r0\.[0-8]\b|\bNeMo 24\.\d/;

const FULL_MEGATRON_2024: MfuConvention = {
  fullAttention: true,
  basis: 'convention',
  source: 'Megatron-Core ≤ r0.8 / NeMo 24.x num_floating_point_operations: full (unmasked) attention core',
};

const FULL_MEGATRON_LM: MfuConvention = {
  fullAttention: true,
  basis: 'convention',
  source: 'Megatron-LM 2021–22 (Narayanan et al. 2021 eq. 3, Korthikanti et al. 2022 App. A): full attention core',
};

const MODEL_COUNT: MfuConvention = {
  fullAttention: false,
  basis: 'model',
  source: 'the source does not state its FLOP count: the model\'s own (causal attention)',
};

/** The FLOP count behind `record.measured.mfu`. */
export function recordMfuConvention(record: Pick<RunRecord, 'framework' | 'frameworkAsPublished'>): MfuConvention {
  if (record.framework === 'megatron-lm') return FULL_MEGATRON_LM;
  if (record.framework === 'megatron-core' && MEGATRON_2024.test(record.frameworkAsPublished ?? '')) return FULL_MEGATRON_2024;
  return MODEL_COUNT;
}
