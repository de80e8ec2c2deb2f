import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import { MODELS } from '../model/catalog.js';
import { parseScenarioText } from '../scenario/parse.js';
import { estimateMemory, maxMicroBatchThatFits, peakMemoryBytes } from './estimate-memory.js';
import { createCase } from './test-fixtures.js';

const GIB = 1024 ** 3;
const deepseekScenario = parseScenarioText(readFileSync(new URL('../../../examples/deepseek-v3-h800.yaml', import.meta.url), 'utf8'), 'yaml');
const deepseekLayout = createLayout(deepseekScenario);

describe('DeepSeek-V3 on 2048 H800: PP16 DualPipe, EP64, ZeRO-1 over DP128, fp8-block, seq 4096, micro-batch 1, m = 120', () => {
  const estimate = estimateMemory(deepseekScenario, deepseekLayout);

  it('fits in 80 GB on every pipeline rank', () => {
    const rows = estimate.stages.map((s) => ({
      rank: s.stage, stages: s.modelStages.join('+'), layers: s.layers,
      weightsGiB: +(s.weightsBytes / GIB).toFixed(2), gradsGiB: +(s.gradsBytes / GIB).toFixed(2), optimizerGiB: +(s.optimizerBytes / GIB).toFixed(2),
      activationsGiB: +(s.activationsBytes / GIB).toFixed(2), buffersGiB: +(s.buffersBytes / GIB).toFixed(2), totalGiB: +(s.totalBytes / GIB).toFixed(2),
      headroomGiB: +(s.headroomBytes / GIB).toFixed(2),
    }));
    console.table(rows);
    expect(estimate.capacityBytes).toBe(80 * 2 ** 30);
    expect(estimate.stages.every((s) => s.fits)).toBe(true);
    expect(estimate.fits).toBe(true);
    expect(estimate.maxMicroBatchThatFits).toBe(1);
  });

  it('every rank holds two model stages (2× parameters) and p + 1 = 17 stage-units of activations', () => {
    expect(estimate.stages.every((s) => s.modelStages.length === 2 && s.inFlightMicroBatches === 8.5)).toBe(true);
  });

  it('ranks 0 and 15 hold embedding, first layers, last layers, head and MTP, and are the heaviest in states', () => {
    const [first, middle] = [estimate.stages[0], estimate.stages[7]];
    expect(first).toMatchObject({ hasEmbedding: true, hasOutputHead: true, hasMtp: true, modelStages: [0, 15] });
    expect((first?.weightsBytes ?? 0) + (first?.gradsBytes ?? 0)).toBeGreaterThan((middle?.weightsBytes ?? 0) + (middle?.gradsBytes ?? 0));
  });

  it('peakMemoryBytes equals the report\'s peak', () => {
    expect(peakMemoryBytes(deepseekScenario, deepseekLayout)).toBe(estimate.peakBytesPerGpu);
  });

  it('peakMemoryBytes(…, activationsBytes) fills each rank\'s activations of the report', () => {
    const activationsBytes: number[] = [];
    expect(peakMemoryBytes(deepseekScenario, deepseekLayout, {}, undefined, activationsBytes)).toBe(estimate.peakBytesPerGpu);
    expect(activationsBytes).toEqual(estimate.stages.map((s) => s.activationsBytes));
  });
});

describe('reports, never throws', () => {
  const model = MODELS['llama3-70b'];

  it('a layout that cannot fit anywhere reports fits: false and by how much', () => {
    const { scenario, layout } = createCase({ model, seqLen: 8192, globalBatch: 8, accelerator: 'a100-40gb' }, { dp: 1, microBatch: 8, zero: 0 });
    const estimate = estimateMemory(scenario, layout);
    expect(estimate.fits).toBe(false);
    expect(estimate.overByBytes).toBeCloseTo(estimate.peakBytesPerGpu - 40 * 2 ** 30, 0);
    expect(estimate.stages[0]?.headroomBytes).toBeLessThan(0);
    expect(estimate.maxMicroBatchThatFits).toBeNull();
  });

  it('each stage total is the sum of its parts, and the buffers the sum of theirs', () => {
    for (const s of estimateMemory(deepseekScenario, deepseekLayout, { searchMicroBatch: false }).stages) {
      const b = s.buffers;
      expect(s.buffersBytes).toBeCloseTo(b.commBytes + b.tempBytes + b.fragmentationBytes + b.runtimeReserveBytes, 0);
      expect(s.totalBytes).toBeCloseTo(s.weightsBytes + s.gradsBytes + s.optimizerBytes + s.activationsBytes + s.buffersBytes, 0);
      expect(s.headroomBytes).toBeCloseTo(s.capacityBytes - s.totalBytes, 0);
    }
  });

  it('maxMicroBatchThatFits is the largest micro-batch whose peak fits', () => {
    const { scenario, layout } = createCase({ model, seqLen: 4096, globalBatch: 512, accelerator: 'h100-sxm' }, { tp: 8, pp: 4, dp: 8, microBatch: 1, zero: 1, recompute: 'full' });
    const best = maxMicroBatchThatFits(scenario, layout);
    expect(best).not.toBeNull();
    const at = (b: number) => peakMemoryBytes(scenario, { ...layout, microBatch: b, microBatches: 512 / (8 * b) });
    expect(at(best ?? 0)).toBeLessThanOrEqual(80 * 2 ** 30);
    if (best !== null && best < 64) expect(at(2 * best)).toBeGreaterThan(80 * 2 ** 30);
  });

  it('a malformed option is an InputError naming it', () => {
    expect(() => estimateMemory(deepseekScenario, deepseekLayout, { expertLoadFactor: 0.5 })).toThrow(/memory.expertLoadFactor/);
  });
});
