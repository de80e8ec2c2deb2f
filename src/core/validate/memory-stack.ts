/**
 * The memory options of a record's training code: what its stack and the options its provenance
 * names change in memory, each with what it stands for.
 */
import type { EstimateMemoryOptions } from '../memory/types.js';
import type { RunRecord } from '../runs/record-schema.js';

export interface RecordMemoryOptions {
  readonly options: EstimateMemoryOptions;
  /** One line per option taken from the stack or the record, with its source. */
  readonly named: readonly string[];
}

/** torchtitan's Llama 3 configurations: op-level SAC, flash SDPA, no dropout, torchao Float8Linear (no cached FP8 weights). */
export const TORCHTITAN_MEMORY_OPTIONS: EstimateMemoryOptions = {
  selectivePolicy: 'torch-op-sac', fp8WeightCache: false, flashAttention: true, dropout: false, searchMicroBatch: false,
};

export function recordMemoryOptions(record: RunRecord): RecordMemoryOptions {
  if (record.framework === 'torchtitan') return { options: TORCHTITAN_MEMORY_OPTIONS, named: ['torchtitan Llama 3 configs: op SAC, flash, Float8Linear'] };
  return { options: { searchMicroBatch: false }, named: [] };
}
