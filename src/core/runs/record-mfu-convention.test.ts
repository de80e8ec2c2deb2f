import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flopsPerToken } from '../model/flops.js';
import { isRunCase, parseRunRecord } from './parse-run.js';
import { recordMfuConvention } from './record-mfu-convention.js';
import { parseRunsFile, type RunRecord } from './record-schema.js';

const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));

/** Published TFLOP/s ÷ tokens/s over the model's count (full or causal attention), for records that print both. */
function ratios(pick: (r: RunRecord) => boolean, fullAttention: boolean): number[] {
  const out: number[] = [];
  for (const record of RECORDS.filter(pick)) {
    const { tflopsPerGpu, tokensPerSecPerGpu } = record.measured;
    if (tflopsPerGpu == null || tokensPerSecPerGpu == null || record.workload !== 'pretrain') continue;
    const c = parseRunRecord(record);
    if (!isRunCase(c)) continue;
    const perToken = flopsPerToken(c.scenario.model, c.scenario.training.seqLen, { causal: !fullAttention }).total;
    out.push((tflopsPerGpu * 1e12) / tokensPerSecPerGpu / perToken);
  }
  return out;
}

describe('recordMfuConvention: the FLOP count behind a published MFU', () => {
  it('Megatron-Core r0.8 and NeMo 24.x count the full attention core; Megatron-LM 2021–22 too', () => {
    expect(recordMfuConvention({ framework: 'megatron-core', frameworkAsPublished: 'Megatron-Core r0.8.0' })).toMatchObject({ fullAttention: true, basis: 'convention' });
    expect(recordMfuConvention({ framework: 'megatron-core', frameworkAsPublished: 'NeMo 24.07 (Megatron-Core)' }).fullAttention).toBe(true);
    expect(recordMfuConvention({ framework: 'megatron-lm', frameworkAsPublished: 'Megatron-LM (2022)' }).fullAttention).toBe(true);
  });
  it('Megatron-Bridge and stacks that do not state their count take the model\'s own (causal)', () => {
    expect(recordMfuConvention({ framework: 'megatron-core', frameworkAsPublished: 'Megatron-Bridge / Megatron-Core' })).toMatchObject({ fullAttention: false });
    expect(recordMfuConvention({ framework: 'meta-internal', frameworkAsPublished: 'Meta internal (4D parallelism)' })).toMatchObject({ fullAttention: false, basis: 'model' });
  });
  it('the evidence: NeMo 24.07 pre-training rows divide to the full count, Megatron-Bridge rows to the causal count (within 1%)', () => {
    const nemo = ratios((r) => /NeMo 24\.07/.test(r.frameworkAsPublished ?? ''), true);
    const bridge = ratios((r) => /Megatron-Bridge/.test(r.frameworkAsPublished ?? ''), false);
    expect(nemo.length).toBeGreaterThanOrEqual(4);
    expect(bridge.length).toBeGreaterThanOrEqual(50);
    for (const x of nemo) expect(Math.abs(x - 1)).toBeLessThan(0.01);
    const median = [...bridge].sort((a, b) => a - b)[Math.floor(bridge.length / 2)] ?? 0;
    expect(Math.abs(median - 1)).toBeLessThan(0.01);
  });
  it('a Megatron-Core r0.8 MFU-only run is compared in its source\'s count', () => {
    const c = parseRunRecord(RECORDS.find((r) => r.id === 'MLM24-001'));
    expect(isRunCase(c) && c.mfuConvention?.fullAttention).toBe(true);
  });
});
