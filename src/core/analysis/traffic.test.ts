import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateMemoryWall } from './memory-wall.js';
import { scenarioFromText } from './test-fixtures.js';
import { estimateTraffic, hideBandwidth, type Traffic, type TrafficFlow } from './traffic.js';
import { applyWhatIf } from './what-if.js';

const example = (name: string): string => readFileSync(`examples/${name}.yaml`, 'utf8');

function flow(t: Traffic, kind: TrafficFlow['kind']): TrafficFlow {
  const f = t.flows.find((x) => x.kind === kind);
  if (f === undefined) throw new Error(`no ${kind} flow`);
  return f;
}

describe('estimateTraffic(scenario, layout)', () => {
  const gpt3 = scenarioFromText(example('gpt3-175b-a100'));
  const dsv3 = scenarioFromText(example('deepseek-v3-h800'));

  it('GPT-3 TP8 with full recompute: 6 collectives of 2·7/8·b·s·h·2 bytes per layer per micro-batch, and 2 re-gathers of the sequence-parallel inputs (one more of those bytes)', () => {
    const t = estimateTraffic(gpt3.scenario, gpt3.layout);
    const tp = flow(t, 'tp');
    // 6 layers per stage × 192 micro-batches = 1152 layer-passes
    expect(t.layerPasses).toEqual({ dense: 1152, moe: 0 });
    expect(tp.callsPerStep).toBe(7 * 1152);
    expect(tp.bytesPerCall).toBeCloseTo(2 * (7 / 8) * 2048 * 12288 * 2, 0);
    expect(tp).toMatchObject({ tier: 'scale-up', scaleOutBytesPerStep: 0, collective: 'reduce-scatter + all-gather' });
  });

  it('GPT-3 PP16: one send per micro-batch each way, b·s·h·2 / tp with sequence parallelism', () => {
    const pp = flow(estimateTraffic(gpt3.scenario, gpt3.layout), 'pp');
    expect(pp.callsPerStep).toBe(2 * 192);
    expect(pp.bytesPerCall).toBe((2048 * 12288 * 2) / 8);
    expect(pp.tier).toBe('scale-out');
  });

  it('GPT-3 DDP over 8 nodes: one gradient all-reduce of 2·7/8·ψ·4 bytes', () => {
    const t = estimateTraffic(gpt3.scenario, gpt3.layout);
    const dp = flow(t, 'dp');
    expect(dp.callsPerStep).toBe(1);
    expect(dp.bytesPerStep).toBeCloseTo(2 * (7 / 8) * t.rankParams.dense * 4, 0);
    expect(dp.scaleOutBytesPerStep).toBe(dp.bytesPerStep);
  });

  it('DeepSeek-V3: EP 64 over 8 nodes sends on both tiers, 4 all-to-alls per MoE layer-pass; DualPipe ranks see m/2 per copy', () => {
    const t = estimateTraffic(dsv3.scenario, dsv3.layout);
    const ep = flow(t, 'ep');
    expect(ep.callsPerStep).toBe(4 * t.layerPasses.moe);
    expect(ep.scaleUpBytesPerStep).toBeGreaterThan(0);
    expect(ep.scaleOutBytesPerStep).toBeGreaterThan(0);
    expect(ep.wireSeconds).toBe(Math.max(ep.scaleUpWireSeconds, ep.scaleOutWireSeconds));
    expect(t.flows.some((f) => f.kind === 'tp')).toBe(false);
    const pp = flow(t, 'pp');
    // two chunks (model copies) × 60 micro-batches each × 2 directions
    expect(pp.callsPerStep).toBe(2 * 2 * 60);
  });

  it('HSDP (ZeRO-3 with shards of 8 in dp 128, PP16): a reduce-scatter and a gather over the shard, and an all-reduce of 1/8 of the gradients across the 16 replicas', () => {
    const llama = scenarioFromText(example('llama3-405b-h100'));
    const layout = { ...llama.layout, fsdpShardSize: 8 };
    const t = estimateTraffic(llama.scenario, layout);
    const dp = flow(t, 'dp');
    const psi = t.rankParams.dense;
    expect(dp.callsPerStep).toBe(3);
    expect(dp.bytesPerStep).toBeCloseTo((7 / 8) * psi * 4 + (2 * 15 / 16) * (psi * 4) / 8 + (7 / 8) * psi * 2, 0);
  });

  it('wire seconds and hide bandwidth: bytes over bandwidth, bytes over compute time', () => {
    for (const f of estimateTraffic(gpt3.scenario, gpt3.layout).flows) {
      expect(f.scaleUpWireSeconds + f.scaleOutWireSeconds).toBeCloseTo(f.wireSeconds, 9);
      expect(hideBandwidth(f, 10)).toBe(f.bytesPerStep / 10);
    }
    expect(hideBandwidth({ bytesPerStep: 1 }, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('estimateMemoryWall(scenario, layout)', () => {
  const gpt3 = scenarioFromText(example('gpt3-175b-a100'));

  it('shares within [0, 1], stall ≤ memory-bound, and more HBM bandwidth shrinks both', () => {
    const base = estimateMemoryWall(gpt3.scenario, gpt3.layout);
    expect(base.memoryBoundShare).toBeGreaterThan(0);
    expect(base.memoryBoundShare).toBeLessThan(1);
    expect(base.hbmStallShare).toBeLessThanOrEqual(base.memoryBoundShare);
    const faster = estimateMemoryWall(applyWhatIf(gpt3.scenario, [{ key: 'hbmBandwidth', factor: 2 }]), gpt3.layout);
    expect(faster.memoryBoundSeconds).toBeLessThan(base.memoryBoundSeconds);
    expect(faster.computeSeconds).toBeLessThan(base.computeSeconds);
  });
});
