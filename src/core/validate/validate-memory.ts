/**
 * Peak-memory validation against data/runs-dev.json:
 *
 * 1. Measured: torchtitan Llama 3.1 benchmarks (H100 96 GB): peak per GPU, max over ranks, from
 *    `torch.cuda.memory_stats()` reserved bytes — what the caching allocator holds, without the
 *    CUDA context and NCCL buffers, so predicted = total − the runtime reserve.
 * 2. Formula vs formula: Korthikanti et al. 2022 Fig. 1 (`analyticalNotMeasured`): first-stage
 *    transformer-layer activations, as the paper's Table 2 formulas give them.
 *
 * torchtitan fixes layout fields the records leave null (framework conventions, none keyed by run):
 * local batch = globalBatch/dp, else "local batch size N" from the notes, else the printed
 * micro-batch (no accumulation); pipelining uses the schedule named in the notes with torchtitan's
 * default `pipeline_parallel_microbatches` = number of stages (pp, ×2 for looped schedules).
 * Options from its Llama 3 configurations: op-level selective checkpointing, flash SDPA, no dropout,
 * torchao Float8Linear (no cached FP8 weights).
 */
import { estimateMemory } from '../memory/estimate-memory.js';
import type { EstimateMemoryOptions } from '../memory/types.js';
import { isRunCase, parseRunRecord } from '../runs/parse-run.js';
import type { RunRecord } from '../runs/record-schema.js';
import { summarizeErrors } from './summarize.js';
import type { MemoryValidation, ValidationReport } from './types.js';

const GIB = 1024 ** 3;

export const TORCHTITAN_MEMORY_OPTIONS: EstimateMemoryOptions = {
  selectivePolicy: 'torch-op-sac', fp8WeightCache: false, flashAttention: true, dropout: false, searchMicroBatch: false,
};

/** The record with the layout fields torchtitan's defaults fix (see the header). */
export function withTorchtitanDefaults(record: RunRecord): RunRecord {
  const layout = record.layout;
  const dp = layout.dp ?? 1;
  const notedLocal = /local batch size (\d+)/i.exec(record.notes);
  const localBatch = layout.globalBatch !== null ? layout.globalBatch / dp : notedLocal !== null ? Number(notedLocal[1]) : layout.microBatch ?? 1;
  const pp = layout.pp ?? 1;
  const interleaved = /schedule Interleaved 1F1B/i.test(record.notes);
  const stages = pp * (interleaved ? 2 : 1);
  return {
    ...record,
    layout: {
      ...layout,
      globalBatch: localBatch * dp,
      microBatch: pp > 1 ? localBatch / stages : layout.microBatch ?? localBatch,
      vp: interleaved ? 2 : layout.vp,
      schedule: pp > 1 ? (interleaved ? 'interleaved' : '1f1b') : layout.schedule,
    },
  };
}

/** Predicted vs measured peak memory of one torchtitan record, or null if it cannot be modelled. */
export function validateTorchtitanMemory(record: RunRecord): MemoryValidation | null {
  const measuredGiB = record.measured.peakMemGiB;
  if (measuredGiB === null) return null;
  const runCase = parseRunRecord(withTorchtitanDefaults(record));
  if (!isRunCase(runCase)) return null;
  const estimate = estimateMemory(runCase.scenario, runCase.layout, TORCHTITAN_MEMORY_OPTIONS);
  const peak = estimate.stages[estimate.peakStage];
  const predictedGiB = ((peak?.totalBytes ?? 0) - (peak?.buffers.runtimeReserveBytes ?? 0)) / GIB;
  return { id: record.id, model: record.model.name, predictedGiB, measuredGiB, errorPct: (100 * (predictedGiB - measuredGiB)) / measuredGiB, analytical: false };
}

/** Peak-memory rows of the validation (measured torchtitan rows; formula rows are in the memory tests). */
export function validateMemory(records: readonly RunRecord[]): ValidationReport['memory'] {
  const runs: MemoryValidation[] = [];
  for (const record of records) {
    if (!record.source.startsWith('torchtitan')) continue;
    const row = validateTorchtitanMemory(record);
    if (row !== null) runs.push(row);
  }
  return {
    summary: summarizeErrors(runs.filter((r) => !r.analytical).map((r) => r.errorPct)),
    analyticalSummary: summarizeErrors(runs.filter((r) => r.analytical).map((r) => r.errorPct)),
    runs,
  };
}
