import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../runs/index.js';
import { isMemoryCase, memoryCaseOf } from './memory-case.js';
import { validateRecordMemory } from './validate-memory.js';

const base: RunRecord = {
  id: 'TEST-001', source: 'test', sourceRef: null, sourceQuality: 'primary', workload: 'sft',
  framework: 'deepspeed', frameworkAsPublished: 'ms-swift swift sft + DeepSpeed ZeRO-3',
  model: {
    name: 'MoE fixture', layers: 4, hidden: 1024, ffnHidden: null, heads: 8, kvHeads: 8, headDim: 128, vocab: 32000,
    attention: 'gqa', mla: null, mlp: 'swiglu',
    moe: { experts: 8, topK: 2, expertFfnHidden: 512, sharedExperts: 0, denseLayers: 0, denseFfnHidden: null },
    mtpDepth: 0, paramsTotalB: null, paramsActiveB: null,
  },
  seqLen: 4096, cluster: { gpu: 'a100-80gb', numGpus: 8 }, precision: 'bf16', precisionScaling: null,
  layout: {
    tp: 1, pp: 1, vp: null, cp: 1, ep: null, etp: null, dp: 8, sequenceParallel: null, zero: 3, fsdpShardSize: 8,
    recompute: 'full', microBatch: null, globalBatch: null, gradAccum: null,
  },
  measured: {
    tokensPerSecPerGpu: null, stepTimeS: null, mfu: null, hfu: null, tflopsPerGpu: null, tflopsKind: null, peakMemGiB: 40,
    gpuHours: null, gpuHoursPerTrillionTokens: null, other: null,
  },
  flags: { forcedBalancedRouting: false, proxyLayers: false, analyticalNotMeasured: false, selfInconsistent: false },
  notes: '',
};

describe('memoryCaseOf(record): stack conventions for fields a memory-only record leaves null', () => {
  it('swift sft without batch settings: micro-batch 1 (ms-swift default, assumed) and ep 1 (transformers MoE)', () => {
    const c = memoryCaseOf(base);
    if (!isMemoryCase(c)) throw new Error(c.reason);
    expect(c.runCase.layout.microBatch).toBe(1);
    expect(c.runCase.layout.ep).toBe(1);
    expect(c.assumed).toEqual(['microBatch', 'ep']);
  });

  it('another stack without batch settings stays skipped with its reason', () => {
    const c = memoryCaseOf({ ...base, frameworkAsPublished: 'DeepSpeed 0.14', model: { ...base.model, moe: null } });
    expect(isMemoryCase(c)).toBe(false);
    if (!isMemoryCase(c)) expect(c.reason).toMatch(/microBatch/);
  });
});

describe('validateRecordMemory(record): a printed peak at or above the device HBM', () => {
  const full = { ...base, layout: { ...base.layout, microBatch: 1 }, measured: { ...base.measured, peakMemGiB: 80 } };

  it('is a bound, not a byte count: the predicted allocated peak against capacity (80 GiB) less the runtime reserve (1 GiB)', () => {
    const row = validateRecordMemory(full);
    if (row === null || !('errorPct' in row)) throw new Error('not modelled');
    expect(row.measuredGiB).toBeCloseTo(80 - 1, 6);
    expect(row.statistic).toMatch(/device full \(80 printed/);
    expect(row.bound).toEqual({ kind: 'device-full', met: true });
    expect(row.errorPct).toBeCloseTo((100 * (row.predictedGiB - row.measuredGiB)) / row.measuredGiB, 9);
    expect(row.assumed).toEqual(['ep']);
  });

  it('a model whose predicted allocated peak exceeds the device does not meet the bound', () => {
    const dense = { ...base.model, layers: 64, hidden: 8192, ffnHidden: 28672, heads: 64, kvHeads: 8, moe: null };
    const row = validateRecordMemory({ ...full, model: dense });
    if (row === null || !('errorPct' in row)) throw new Error('not modelled');
    expect(row.predictedGiB).toBeGreaterThan(row.measuredGiB);
    expect(row.bound).toEqual({ kind: 'device-full', met: false });
  });

  it('a printed peak below the device is compared as printed', () => {
    const row = validateRecordMemory({ ...full, measured: { ...full.measured, peakMemGiB: 40 } });
    if (row === null || !('errorPct' in row)) throw new Error('not modelled');
    expect(row.measuredGiB).toBe(40);
    expect(row.bound).toBeNull();
  });
});
