/**
 * Peak-memory validation against data/runs-dev.json:
 *
 * 1. Measured: every record with a measured peak (`measured.peakMemGiB`), whether or not it has a
 *    throughput — torchtitan, torchtune, ms-swift (Megatron and DeepSpeed), DeepSpeed ZeRO-2/3.
 *    Each is adapted to a scenario (`memory-case.ts`), estimated with its stack's memory options
 *    (`memory-stack.ts`), and compared on the statistic its source reports (`memory-statistic.ts`):
 *    allocated = the caching allocator's live tensors; reserved = allocated + the allocator's
 *    cache. Neither includes the CUDA context and NCCL buffers (the runtime reserve). A reading of
 *    the whole device is a bound, not a byte count (`validateRecordMemory`).
 * 2. Formula vs formula: Korthikanti et al. 2022 Fig. 1 (`analyticalNotMeasured`): first-stage
 *    transformer-layer activations, as the paper's Table 2 formulas give them.
 * Records that cannot be modelled are listed with the reason.
 */
import { createCluster } from '../hardware/create-cluster.js';
import { findAccelerator } from '../hardware/find-accelerator.js';
import { createLayout } from '../layout/create-layout.js';
import { layerActivation } from '../memory/activations.js';
import { peakOnStatistic } from '../memory/allocator-cache.js';
import { estimateMemory } from '../memory/estimate-memory.js';
import { MODELS } from '../model/catalog.js';
import type { ModelSpec } from '../model/types.js';
import { resolveLayoutSpec } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/types.js';
import { defaultScheduleId } from '../schedules/catalog.js';
import type { RunRecord } from '../runs/record-schema.js';
import { isMemoryCase, memoryCaseOf, type MemoryCase } from './memory-case.js';
import { sourceFamily, summarizeErrors } from './summarize.js';
import type { ErrorSummary, MemoryValidation, SkippedRun, ValidationReport } from './types.js';

const GIB = 1024 ** 3;

/**
 * Predicted peak of a memory case on the statistic its record reports, its allocated peak, and what
 * the allocator can hold at most (the device full) [GiB].
 */
function predictedPeak(c: MemoryCase): { peakGiB: number; allocatedGiB: number; deviceFullGiB: number | null } {
  const estimate = estimateMemory(c.runCase.scenario, c.runCase.layout, c.stack.options);
  const capacity = c.capacityKnown ? estimate.capacityBytes : null;
  let peak = 0;
  let allocated = 0;
  for (const stage of estimate.stages) {
    peak = Math.max(peak, peakOnStatistic(stage, c.statistic.statistic, capacity));
    allocated = Math.max(allocated, peakOnStatistic(stage, 'allocated', capacity));
  }
  const reserve = estimate.stages[0]?.buffers.runtimeReserveBytes ?? 0;
  return { peakGiB: peak / GIB, allocatedGiB: allocated / GIB, deviceFullGiB: capacity === null ? null : (capacity - reserve) / GIB };
}

/** Predicted peak [GiB] of a memory case on the statistic its record reports. */
export function predictedPeakGiB(c: MemoryCase): number {
  return predictedPeak(c).peakGiB;
}

/**
 * Predicted vs measured peak memory of one record, or why it cannot be modelled; null without a
 * measured peak.
 *
 * A printed peak at or above the device's HBM (ms-swift writes "80GiB" for a full 80 GB device) is
 * not a byte count of the allocator: it says the caching allocator's segments reached the device.
 * The allocator returns cached blocks to the driver only when a request fails
 * (`release_cached_blocks`, PyTorch CUDA semantics "Memory management": unused cached memory still
 * shows as used), so wherever tensor sizes change from one micro-batch to the next (packed or
 * variable-length sequences, MoE experts with a different token count each) the cache grows until
 * the device is full, whatever the allocated peak under it. Such a reading bounds the run's
 * allocated peak from above (the run completed: it fit what the allocator can hold, capacity less
 * the runtime reserve) and from below by nothing; it is compared as that bound (`bound`), and left
 * out of the error summaries. The rule is the reading's, not the record's: every record whose
 * printed peak reaches its device's HBM is a bound.
 */
export function validateRecordMemory(record: RunRecord): MemoryValidation | SkippedRun | null {
  const printedGiB = record.measured.peakMemGiB;
  if (printedGiB === null || record.flags.analyticalNotMeasured) return null;
  const c = memoryCaseOf(record);
  if (!isMemoryCase(c)) return c;
  const { peakGiB, allocatedGiB, deviceFullGiB } = predictedPeak(c);
  const capacityGiB = c.capacityKnown ? c.runCase.scenario.cluster.accelerator.hbmBytes / GIB : null;
  const deviceFull = capacityGiB !== null && deviceFullGiB !== null && printedGiB >= capacityGiB;
  const row = { id: record.id, model: record.model.name, analytical: false, framework: record.framework, assumed: c.assumed };
  if (deviceFull) {
    return {
      ...row, predictedGiB: allocatedGiB, measuredGiB: deviceFullGiB, errorPct: (100 * (allocatedGiB - deviceFullGiB)) / deviceFullGiB,
      statistic: `device full (${printedGiB} printed; ${c.statistic.statistic} ${c.statistic.basis}): bound, allocated ≤ device`,
      bound: { kind: 'device-full', met: allocatedGiB <= deviceFullGiB },
    };
  }
  return {
    ...row, predictedGiB: peakGiB, measuredGiB: printedGiB, errorPct: (100 * (peakGiB - printedGiB)) / printedGiB,
    statistic: `${c.statistic.statistic} (${c.statistic.basis})`, bound: null,
  };
}

/** Predicted vs measured peak memory of one record, or null if it has none or cannot be modelled. */
export function validateMeasuredPeak(record: RunRecord): MemoryValidation | null {
  const row = validateRecordMemory(record);
  return row !== null && 'errorPct' in row ? row : null;
}

function summarizeBy(rows: readonly MemoryValidation[], key: (r: MemoryValidation) => string): Record<string, ErrorSummary> {
  const groups = new Map<string, number[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.errorPct]);
  const out: Record<string, ErrorSummary> = {};
  for (const k of [...groups.keys()].sort()) out[k] = summarizeErrors(groups.get(k) ?? []);
  return out;
}

/** Peak-memory rows of the validation: measured rows, formula-vs-formula rows, and measured peaks that cannot be modelled. */
export function validateMemory(records: readonly RunRecord[]): ValidationReport['memory'] {
  const runs: MemoryValidation[] = [];
  const skipped: SkippedRun[] = [];
  for (const record of records) {
    const row = record.flags.analyticalNotMeasured ? validateKorthikantiMemory(record) : validateRecordMemory(record);
    if (row === null) continue;
    if ('errorPct' in row) runs.push(row);
    else skipped.push(row);
  }
  const bounds = runs.filter((r) => r.bound !== null);
  const measured = runs.filter((r) => !r.analytical && r.bound === null);
  return {
    summary: summarizeErrors(measured.map((r) => r.errorPct)),
    analyticalSummary: summarizeErrors(runs.filter((r) => r.analytical).map((r) => r.errorPct)),
    bySource: summarizeBy(measured, (r) => sourceFamily(r.id)),
    byFramework: summarizeBy(measured, (r) => r.framework ?? 'not stated'),
    worst: [...measured].sort((a, b) => Math.abs(b.errorPct) - Math.abs(a.errorPct)).slice(0, 5).map((r) => ({ id: r.id, errorPct: r.errorPct })),
    deviceFullBounds: { runs: bounds.length, met: bounds.filter((r) => r.bound?.met === true).length },
    runs,
    skipped,
  };
}

/** The catalog GPT with the record's depth, width and heads (architecture match, not a name). */
function catalogTwin(record: RunRecord): ModelSpec | undefined {
  const m = record.model;
  return Object.values(MODELS).find((model) => model.layers === m.layers && model.hidden === m.hidden && model.attention.heads === m.heads);
}

/** Micro-batch of a Korthikanti Fig. 1 row, as its notes quote the paper's Table 3 ("22B mbs 4, others 1"). */
function notedMicroBatch(record: RunRecord): number {
  const m = /(\d+)B mbs (\d+), others (\d+)/.exec(record.notes);
  if (m === null) return record.layout.microBatch ?? 1;
  const total = record.model.paramsTotalB ?? 0;
  return Math.abs(total - Number(m[1])) / Number(m[1]) < 0.1 ? Number(m[2]) : Number(m[3]);
}

/**
 * Korthikanti et al. 2022 Fig. 1 (formula vs formula): first-stage transformer-layer activations
 * plus the per-GPU weights, gradients and optimizer (18 B/param, no distributed optimizer),
 * against the paper's two bars. Sequence 2048 (paper §5); the records give no interleaving (vp 1).
 */
export function validateKorthikantiMemory(record: RunRecord): MemoryValidation | null {
  const other = record.measured.other;
  const model = catalogTwin(record);
  if (!record.flags.analyticalNotMeasured || other === null || model === undefined) return null;
  const paper = Number(other.activationsGibPerGpu) + Number(other.paramsPlusOptimizerGibPerGpu);
  if (!Number.isFinite(paper)) return null;
  const tp = record.layout.tp ?? 1;
  const pp = record.layout.pp ?? 1;
  const vp = record.layout.vp ?? 1;
  const microBatch = notedMicroBatch(record);
  const sequenceParallel = record.layout.sequenceParallel ?? false;
  const recompute = record.layout.recompute ?? 'none';
  const scenario: Scenario = {
    name: record.id, description: record.source, model,
    cluster: createCluster(findAccelerator(record.cluster.gpu), tp * pp),
    training: { seqLen: 2048, globalBatch: microBatch * pp * 3, totalTokens: microBatch * pp * 3 * 2048, precision: 'fp16', batchRamp: null },
    layout: resolveLayoutSpec({ tp, pp, vp, dp: 1, zero: 0, microBatch, sequenceParallel, recompute, schedule: defaultScheduleId(vp) }),
    economics: {}, datacenter: {}, reference: {},
  };
  const layout = createLayout(scenario);
  const options = { flashAttention: false, dropout: true, recomputeModules: ['core-attn'] as const, searchMicroBatch: false };
  const estimate = estimateMemory(scenario, layout, options);
  const first = estimate.stages[0];
  if (first === undefined) return null;
  // Transformer layers only (Fig. 1 leaves out the embedding and output layer).
  const shape = { tokens: 2048 * microBatch, seqLen: 2048, tp, sequenceParallel, etp: 1, flashAttention: false, dropout: true, linearInputBytes: 2, expertLoadFactor: 1 };
  const perLayer = layerActivation(model, false, shape, recompute, { kind: 'modules', modules: ['core-attn'] }).storedBytes;
  const activations = first.inFlightMicroBatches * first.layers * perLayer;
  const states = estimate.stages.reduce((sum, s) => sum + s.weightsBytes + s.gradsBytes + s.optimizerBytes, 0) / estimate.stages.length;
  const predictedGiB = (activations + states) / GIB;
  return {
    id: record.id, model: record.model.name, predictedGiB, measuredGiB: paper, errorPct: (100 * (predictedGiB - paper)) / paper, analytical: true,
    framework: record.framework, statistic: 'formula', assumed: [], bound: null,
  };
}
