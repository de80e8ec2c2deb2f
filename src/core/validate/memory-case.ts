/**
 * A record with a measured peak memory → the scenario the memory model needs, or why it cannot
 * be built. Memory needs less than a step time, so three record gaps that stop the throughput
 * comparison do not stop this one (each is noted in the case):
 *
 * | gap | for memory | why |
 * |---|---|---|
 * | `layout.globalBatch` null, pp = 1 | micro-batch × dp | without pipelining the peak holds one micro-batch's activations however many are accumulated (gradients and states do not grow with the count) |
 * | `layout.ep` null, MoE model, run with ms-swift's `swift sft` (HF transformers modelling code) | ep 1 | transformers' MoE blocks hold every expert on each GPU (no expert parallelism; DeepSpeed ZeRO shards the experts like any parameter) |
 * | `layout.microBatch` and `globalBatch` null, pp = 1, run with ms-swift's `swift sft` | micro-batch 1 (assumed) | the stack's default `--per_device_train_batch_size 1` (ms-swift command-line parameters, training arguments) |
 * | `precision` null | bf16 | 16-bit mixed precision: bf16 and fp16 keep the same bytes per weight, gradient, master and moment (`memory/precision.ts`) |
 * | `cluster.gpu` "other" | h100-sxm stands in | predicted bytes do not depend on the accelerator; only the HBM capacity (the fit verdict, and the at-capacity bound below) does, so it is marked unknown |
 *
 * torchtitan rows first take its configuration defaults (`withTorchtitanDefaults`).
 */
import type { RunRecord } from '../runs/record-schema.js';
import { isRunCase, parseRunRecord } from '../runs/parse-run.js';
import type { RunCase } from '../runs/types.js';
import { memoryStatisticOf, type RecordMemoryStatistic } from './memory-statistic.js';
import { recordMemoryOptions, type RecordMemoryOptions } from './memory-stack.js';
import { withTorchtitanDefaults } from './torchtitan-defaults.js';
import type { SkippedRun } from './types.js';

/** Stand-in for an accelerator the record does not name (see the header). */
const STAND_IN_GPU = 'h100-sxm';

export interface MemoryCase {
  readonly runCase: RunCase;
  /** The stack's memory options and what each stands for. */
  readonly stack: RecordMemoryOptions;
  /** The statistic the record's peak is (reserved or allocated), and on what basis. */
  readonly statistic: RecordMemoryStatistic;
  /** False when the accelerator was not named (a stand-in's HBM is not the run's). */
  readonly capacityKnown: boolean;
  /** Gaps filled for memory (the header's table). */
  readonly notes: readonly string[];
  /** Layout fields the record leaves null, set by the stack's convention (marked "assumed" in the output). */
  readonly assumed: readonly string[];
}

/** ms-swift's `swift sft` default `per_device_train_batch_size` (its command-line parameter docs). */
const MS_SWIFT_DEFAULT_MICRO_BATCH = 1;

/** Run with ms-swift's `swift sft` (the HF transformers Trainer and modelling code), not its Megatron path. */
function swiftSft(record: RunRecord): boolean {
  return /\bswift sft\b/i.test(record.frameworkAsPublished ?? '');
}

/** The micro-batch the record's stack runs when none is given, or null when no convention is known. */
function conventionalMicroBatch(record: RunRecord): number | null {
  return swiftSft(record) ? MS_SWIFT_DEFAULT_MICRO_BATCH : null;
}

function memoryRecord(record: RunRecord, notes: string[], assumed: string[]): RunRecord | string {
  const base = record.framework === 'torchtitan' ? withTorchtitanDefaults(record) : record;
  let layout = base.layout;
  let globalBatch = layout.globalBatch;
  if (globalBatch === null) {
    if ((layout.pp ?? 1) > 1) return 'layout.globalBatch not given (pipelined: micro-batches in flight unknown)';
    const microBatch = layout.microBatch ?? conventionalMicroBatch(record);
    if (microBatch === null) return 'layout.microBatch and layout.globalBatch not given';
    if (layout.microBatch === null) {
      notes.push(`layout.microBatch not given: ${microBatch}, the stack's default (assumed)`);
      assumed.push('microBatch');
    }
    layout = { ...layout, microBatch };
    globalBatch = microBatch * (layout.dp ?? 1);
    notes.push(`layout.globalBatch not given: micro-batch × dp = ${globalBatch} (no pipelining: the peak holds one micro-batch)`);
  }
  if (record.model.moe !== null && layout.ep === null && swiftSft(record)) {
    layout = { ...layout, ep: 1, etp: layout.etp ?? 1 };
    notes.push('layout.ep not given: 1 (transformers MoE blocks hold every expert; no expert parallelism)');
    assumed.push('ep');
  }
  let precision = base.precision;
  if (precision === null) {
    precision = 'bf16';
    notes.push('precision not given: 16-bit mixed precision (bf16 and fp16 keep the same bytes)');
  }
  let gpu = base.cluster.gpu;
  if (gpu === 'other') {
    gpu = STAND_IN_GPU;
    notes.push(`cluster.gpu not in the catalog: ${STAND_IN_GPU} stands in (bytes do not depend on it; capacity unknown)`);
  }
  return { ...base, precision, cluster: { ...base.cluster, gpu }, layout: { ...layout, globalBatch } };
}

/** The memory case of a record with a measured peak, or why it cannot be modelled. */
export function memoryCaseOf(record: RunRecord): MemoryCase | SkippedRun {
  const notes: string[] = [];
  const assumed: string[] = [];
  const adapted = memoryRecord(record, notes, assumed);
  if (typeof adapted === 'string') return { id: record.id, reason: adapted };
  const parsed = parseRunRecord(adapted);
  if (!isRunCase(parsed)) return { id: record.id, reason: parsed.skipReason };
  return {
    runCase: parsed,
    stack: recordMemoryOptions(record),
    statistic: memoryStatisticOf(record),
    capacityKnown: record.cluster.gpu !== 'other',
    notes,
    assumed,
  };
}

export function isMemoryCase(c: MemoryCase | SkippedRun): c is MemoryCase {
  return 'runCase' in c;
}
