/**
 * Validation of the memory model against published peak memory (data/runs-dev.json):
 *
 * 1. torchtitan Llama 3.1 benchmarks (Dec 2024, H100 96 GB): measured peak per GPU, max over
 *    ranks, read from `torch.cuda.memory_stats()` reserved bytes — what the caching allocator holds,
 *    without the CUDA context and NCCL buffers. Predicted = totalBytes − runtimeReserveBytes.
 *    Mean absolute error asserted ≤ 5% (3.9% with the vocabulary-parallel loss and the pipeline's
 *    retained logits, `memory-stack.ts`).
 * 2. Korthikanti et al. 2022 Fig. 1 (`analyticalNotMeasured`): formula vs formula.
 *
 * Record → case: `parseRunRecord` (src/core/runs) after filling what torchtitan's configuration
 * fixes and the record leaves null (framework conventions, none keyed by run id):
 * - local batch per data-parallel rank = globalBatch/dp, or "local batch size N" from the record's
 *   notes, else the printed micro-batch (no gradient accumulation);
 * - pipelining: the schedule named in the notes; torchtitan's `pipeline_parallel_microbatches`
 *   default = the number of pipeline stages (pp × stages per rank, 2 for looped schedules), so the
 *   micro-batch = local batch / stages; its split points give the first stage ⌊L/S⌋ layers and the
 *   extra layers to the middle stages (= `layout/stages.ts`).
 * Options, from torchtitan's Llama 3 configurations: op-level selective checkpointing
 * (`selective_ac_option = "op"`), SDPA flash attention, no dropout, torchao Float8Linear (no cached
 * FP8 weights). FSDP = ZeRO-3 over dp_shard × cp (`states.ts`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../model/catalog.js';
import type { ModelSpec } from '../model/types.js';
import { parseRunsFile, type RunRecord } from '../runs/index.js';
import { validateMeasuredPeak } from '../validate/validate-memory.js';
import { layerActivation } from './activations.js';
import { estimateMemory } from './estimate-memory.js';
import { createCase } from './test-fixtures.js';

const GIB = 1024 ** 3;
const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));
interface Row {
  readonly id: string;
  readonly predictedGiB: number;
  readonly measuredGiB: number;
  readonly errorPercent: number;
}

function torchtitanRows(): Row[] {
  const rows: Row[] = [];
  for (const record of RECORDS.filter((r) => r.source.startsWith('torchtitan') && r.measured.peakMemGiB !== null)) {
    const row = validateMeasuredPeak(record);
    if (row === null) throw new Error(`${record.id}: cannot be modelled`);
    rows.push({ id: row.id, predictedGiB: row.predictedGiB, measuredGiB: row.measuredGiB, errorPercent: row.errorPct });
  }
  return rows;
}

describe('torchtitan Llama 3.1 peak memory (H100 96 GB), predicted vs measured', () => {
  const rows = torchtitanRows();

  it('covers all 18 measured runs', () => {
    expect(rows).toHaveLength(18);
  });

  it('mean absolute error ≤ 5%', () => {
    console.table(rows.map((r) => ({ id: r.id, predictedGiB: +r.predictedGiB.toFixed(1), measuredGiB: r.measuredGiB, errorPercent: +r.errorPercent.toFixed(1) })));
    const mae = rows.reduce((sum, r) => sum + Math.abs(r.errorPercent), 0) / rows.length;
    const worst = rows.reduce((a, b) => (Math.abs(b.errorPercent) > Math.abs(a.errorPercent) ? b : a));
    console.log(`torchtitan peak memory: MAE ${mae.toFixed(2)}% over ${rows.length} runs; worst ${worst.id} ${worst.errorPercent.toFixed(1)}%`);
    expect(mae).toBeLessThanOrEqual(5);
  });
});

/** The catalog GPT with the record's depth, width and heads (the records leave vocab null). */
function catalogTwin(record: RunRecord): ModelSpec | undefined {
  const m = record.model;
  return Object.values(MODELS).find((model) => model.layers === m.layers && model.hidden === m.hidden && model.attention.heads === m.heads);
}

/**
 * Korthikanti et al. 2022 Table 3 settings of the Fig. 1 models: sequence 2048, micro-batch 4 for
 * 22B and 1 for the others. The Fig. 1 values of 175B and 530B equal L × per-layer ×
 * (1 + (p − 1)/(p·v)) with v = 3 exactly (66.84 = 51.75 × 1.2917, 114.02 = 86.13 × 1.3238 GiB),
 * i.e. an interleaved schedule of 3 chunks per rank; the records leave vp null, so it is set here.
 */
function paperSetting(model: ModelSpec): { microBatch: number; vp: number } {
  if (model.layers === 48) return { microBatch: 4, vp: 1 };
  if (model.layers === 96 || model.layers === 105) return { microBatch: 1, vp: 3 };
  return { microBatch: 1, vp: 1 };
}

describe('Korthikanti et al. 2022 Fig. 1 (analytical): formula vs formula', () => {
  const records = RECORDS.filter((r) => r.flags.analyticalNotMeasured);

  it.each(records.map((r) => [r.id, r] as const))('%s: first-stage transformer-layer activations and 18-byte states', (_id, record) => {
    const model = catalogTwin(record);
    const other = record.measured.other;
    if (model === undefined || other === null) throw new Error(`${record.id}: no catalog GPT with ${record.model.layers} layers × ${record.model.hidden}`);
    const { microBatch, vp } = paperSetting(model);
    const pp = record.layout.pp ?? 1;
    const tp = record.layout.tp ?? 1;
    const sequenceParallel = record.layout.sequenceParallel ?? false;
    const recompute = record.layout.recompute ?? 'none';
    const { scenario, layout } = createCase(
      { model, seqLen: 2048, globalBatch: microBatch * pp * 3, accelerator: 'a100-80gb' },
      { tp, pp, vp, dp: 1, zero: 0, microBatch, sequenceParallel, recompute, schedule: vp > 1 ? 'interleaved' : '1f1b' },
    );
    const options = { flashAttention: false, dropout: true, recomputeModules: ['core-attn'] as const, searchMicroBatch: false };
    const estimate = estimateMemory(scenario, layout, options);
    const first = estimate.stages[0];
    if (first === undefined) throw new Error('no stage');
    // Transformer layers only (Fig. 1 leaves out embedding and output layer): in flight × layers × per layer.
    const shape = { tokens: 2048 * microBatch, seqLen: 2048, tp, sequenceParallel, etp: 1, flashAttention: false, dropout: true, linearInputBytes: 2, expertLoadFactor: 1 };
    const perLayer = layerActivation(model, false, shape, recompute, { kind: 'modules', modules: ['core-attn'] }).storedBytes;
    const layersGiB = (first.inFlightMicroBatches * first.layers * perLayer) / GIB;
    const statesGiB = estimate.stages.reduce((sum, s) => sum + s.weightsBytes + s.gradsBytes + s.optimizerBytes, 0) / estimate.stages.length / GIB;
    const paperActivations = Number(other.activationsGibPerGpu);
    const paperStates = Number(other.paramsPlusOptimizerGibPerGpu);
    const percent = (x: number, y: number) => ((100 * (x - y)) / y).toFixed(2);
    console.log(
      `${record.id} formula vs formula: layer activations ${layersGiB.toFixed(3)} vs ${paperActivations} GiB (${percent(layersGiB, paperActivations)}%), ` +
        `stage total with embedding and output layer ${(first.activationsBytes / GIB).toFixed(2)} GiB; ` +
        `states (mean over stages) ${statesGiB.toFixed(2)} vs ${paperStates} GiB (${percent(statesGiB, paperStates)}%)`,
    );
    expect(Math.abs(layersGiB - paperActivations) / paperActivations).toBeLessThan(1e-3);
    expect(Math.abs(statesGiB - paperStates) / paperStates).toBeLessThan(0.03);
  });
});
