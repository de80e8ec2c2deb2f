/**
 * A record with a measured peak memory → the scenario the memory model needs, or why it cannot
 * be built. Memory needs less than a step time, so three record gaps that stop the throughput
 * comparison do not stop this one (each is noted in the case):
 *
 * | gap | for memory | why |
 * |---|---|---|
 * | `layout.globalBatch` null, pp = 1 | micro-batch × dp | without pipelining the peak holds one micro-batch's activations however many are accumulated (gradients and states do not grow with the count) |
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
}

function memoryRecord(record: RunRecord, notes: string[]): RunRecord | string {
  const base = record.framework === 'torchtitan' ? withTorchtitanDefaults(record) : record;
  const layout = base.layout;
  let globalBatch = layout.globalBatch;
  if (globalBatch === null) {
    if ((layout.pp ?? 1) > 1) return 'layout.globalBatch not given (pipelined: micro-batches in flight unknown)';
    if (layout.microBatch === null) return 'layout.microBatch and layout.globalBatch not given';
    globalBatch = layout.microBatch * (layout.dp ?? 1);
    notes.push(`layout.globalBatch not given: micro-batch × dp = ${globalBatch} (no pipelining: the peak holds one micro-batch)`);
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
  const adapted = memoryRecord(record, notes);
  if (typeof adapted === 'string') return { id: record.id, reason: adapted };
  const parsed = parseRunRecord(adapted);
  if (!isRunCase(parsed)) return { id: record.id, reason: parsed.skipReason };
  return {
    runCase: parsed,
    stack: recordMemoryOptions(record),
    statistic: memoryStatisticOf(record),
    capacityKnown: record.cluster.gpu !== 'other',
    notes,
  };
}

export function isMemoryCase(c: MemoryCase | SkippedRun): c is MemoryCase {
  return 'runCase' in c;
}
