/**
 * Packed sequences of a published fine-tune. ms-swift (`--packing true`: padding-free, Megatron THD
 * `cu_seqlens` or flash-attn varlen) and torchtune (`packed: True`: a block-causal mask, run by flex
 * attention) pack several short samples into one sequence and mask attention per sample, so each
 * query attends over its own document only (`training.documentTokens`).
 *
 * The records name the packing but not the samples' lengths. Taken: 1,024 tokens per document, the
 * order of instruction-tuning samples (Alpaca ≈ 0.3K tokens, multi-turn chat sets such as
 * UltraChat ≈ 1–1.5K). The attention core of a packed sequence costs D/S of an unpacked one, so at
 * D ≪ S the choice moves little: halving or doubling D moves the 8K-token fine-tunes by ~1 % and
 * the 32K-token one by ~3 %.
 */
import type { RunRecord } from './record-schema.js';

/** Mean tokens per packed sample when the record does not say [tokens]. */
export const PACKED_DOCUMENT_TOKENS = 1024;

/** Padding-free packing named by the record (ms-swift `packing true`, torchtune's packed dataset). */
const PACKED = /\bpacking true\b|\bpacked dataset\b/i;

/** `{ documentTokens }` of a record whose sequences pack samples with per-sample attention, else nothing. */
export function recordPacking(record: RunRecord, seqLen: number, notes: string[]): { documentTokens?: number } {
  if (!PACKED.test(record.notes)) return {};
  const documentTokens = Math.min(seqLen, PACKED_DOCUMENT_TOKENS);
  notes.push(`packed samples, attention per sample: ${documentTokens} tokens per sample assumed`);
  return { documentTokens };
}
