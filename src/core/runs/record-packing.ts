/**
 * Packed sequences of a published fine-tune. Padding-free packing puts several samples into one
 * sequence and masks attention per sample, so each query attends over its own sample only
 * (`training.documentTokens`; the attention core then costs D/S of the sequence's, `compute/shape.ts`):
 * - ms-swift `--packing true`: Megatron-SWIFT passes `PackedSeqParams` (qkv_format "thd",
 *   `cu_seqlens` from the samples' position ids) to Megatron-Core's attention; `swift sft` under
 *   DeepSpeed calls flash-attn's varlen kernel on the same boundaries;
 * - torchtune `packed: True` (`PackedDataset`): a block-causal mask per pack, run by flex attention,
 *   which skips the masked blocks;
 * - NeMo packed SFT (`GPTSFTPackedDataset`): `cu_seqlens` into Megatron-Core's THD attention.
 *
 * What the source does not give is the samples' length: it is the dataset's, and the records name
 * neither the dataset nor a length statistic, so it is not derivable here. Priced at 1,024 tokens
 * (the order of instruction-tuning samples, an assumption marked `unknown`). The prediction hardly
 * depends on it while samples are much shorter than the sequence: anywhere in 256–2,048 tokens the
 * packed runs' steps move by about 3 % at most against 1,024 (torchtune 4K −2.3 / +3.1 %, ms-swift
 * 8K −1.8 / +2.4 %, the 32K run −1.1 / +1.5 %, NeMo 4K 0 / +1.2 %; measured with the step model), so
 * the fit keeps them (`calibration/fit.ts`). Samples as long as the sequence would take the unpacked
 * price back (the ms-swift 32K run: 22.5 s at 1K, 24.8 s at 8K, 32.7 s at 32K tokens per sample).
 */
import type { AssumedField } from './record-conventions.js';
import type { RunRecord } from './record-schema.js';

/** Mean tokens per packed sample priced when the record does not say [tokens]. */
export const PACKED_SAMPLE_TOKENS = 1024;

/** Padding-free packing named by the record: ms-swift `--packing true`, torchtune's packed dataset, NeMo "packed to <length>". */
const PACKED = /--packing true\b|\bpacked dataset\b|\bpacked to \d/i;

/** `{ documentTokens }` of a record whose sequences pack samples with per-sample attention (and its assumption), else nothing. */
export function recordPacking(record: RunRecord, seqLen: number, notes: string[], assumed: AssumedField[]): { documentTokens?: number } {
  if (!PACKED.test(record.notes)) return {};
  const documentTokens = Math.min(seqLen, PACKED_SAMPLE_TOKENS);
  notes.push(`packed samples attend per sample: ${documentTokens} tokens per sample assumed (the record gives no sample length)`);
  assumed.push({
    field: 'documentTokens', value: documentTokens, basis: 'unknown',
    source: 'padding-free packing masks attention per sample (THD cu_seqlens / flash-attn varlen / flex block mask); sample length not given: 1,024 tokens assumed',
  });
  return { documentTokens };
}
