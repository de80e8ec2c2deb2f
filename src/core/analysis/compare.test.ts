import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDpEp, type DpEpComparison } from './compare-dp-ep.js';
import { compareTpPp, type InvalidStrategy, type TpPpStrategy } from './compare-tp-pp.js';
import { scenarioFromText } from './test-fixtures.js';

const example = (name: string): string => readFileSync(`examples/${name}.yaml`, 'utf8');

function valid(s: TpPpStrategy | InvalidStrategy | undefined): TpPpStrategy {
  if (s === undefined || !s.valid) throw new Error(`strategy not valid: ${s === undefined ? 'missing' : s.reason}`);
  return s;
}

describe('compareTpPp(scenario, layout)', () => {
  const gpt3 = scenarioFromText(example('gpt3-175b-a100'));
  const dsv3 = scenarioFromText(example('deepseek-v3-h800'));

  it('GPT-3: F = 8 on TP (tp 8, pp 1) vs on PP (tp 1, pp 8) with the same dp, plus the scenario', () => {
    const c = compareTpPp(gpt3.scenario, gpt3.layout);
    expect(c.factor).toBe(8);
    expect(c.strategies.map((s) => s.id)).toEqual(['tensor', 'pipeline', 'scenario']);
    const tensor = valid(c.strategies[0]);
    const pipeline = valid(c.strategies[1]);
    expect(tensor.layout).toMatchObject({ tp: 8, pp: 1, dp: 128 });
    expect(pipeline.layout).toMatchObject({ tp: 1, pp: 8, dp: 128 });
    expect(valid(c.strategies[2]).layout).toMatchObject({ tp: 8, pp: 16, dp: 8 });
  });

  it('GPT-3: TP all-reduces every layer on NVLink move far more bytes than PP boundary transfers across nodes', () => {
    const c = compareTpPp(gpt3.scenario, gpt3.layout);
    const tp = valid(c.strategies[0]).traffic.find((t) => t.kind === 'tp');
    const pp = valid(c.strategies[1]).traffic.find((t) => t.kind === 'pp');
    if (tp === undefined || pp === undefined) throw new Error('missing traffic');
    expect(tp).toMatchObject({ tier: 'scale-up', groupSize: 8, groupDomains: 1 });
    expect(tp.frequency).toMatch(/every layer/);
    expect(pp).toMatchObject({ tier: 'scale-out', collective: expect.stringMatching(/send\/recv/) });
    expect(pp.frequency).toMatch(/stage boundaries/);
    expect(tp.bytesPerGpuPerStep).toBeGreaterThan(100 * pp.bytesPerGpuPerStep);
    // b·s·h·2 bytes per boundary message: 1 · 2048 · 12288 · 2
    expect(pp.bytesPerCall).toBe(2048 * 12288 * 2);
  });

  it('break-even bandwidth = bytes per step / compute seconds; hideable when the tier is faster', () => {
    const c = compareTpPp(gpt3.scenario, gpt3.layout);
    for (const s of c.strategies) {
      const v = valid(s);
      for (const t of v.traffic) {
        expect(t.hideBandwidthBytesPerSec).toBeCloseTo(t.bytesPerGpuPerStep / v.computeSeconds, 0);
        expect(t.hideable).toBe(t.bandwidthBytesPerSec >= t.hideBandwidthBytesPerSec);
      }
    }
  });

  it('GPT-3: no bubble without PP; PP has one; memory and step from the models', () => {
    const c = compareTpPp(gpt3.scenario, gpt3.layout);
    const tensor = valid(c.strategies[0]);
    const pipeline = valid(c.strategies[1]);
    expect(tensor.bubbleSeconds).toBe(0);
    expect(pipeline.bubbleSeconds).toBeGreaterThan(0);
    for (const v of [tensor, pipeline]) {
      expect(v.memory.peakBytesPerGpu).toBeGreaterThan(0);
      expect(v.memory.fits).toBe(v.memory.peakBytesPerGpu <= v.memory.capacityBytes);
      expect(v.stepSeconds).toBeGreaterThan(v.computeSeconds * 0.99);
      expect(v.split.length).toBeGreaterThan(0);
      expect(v.gpuRole).toMatch(/^each GPU/);
    }
  });

  it('DeepSeek-V3: F = 16; TP 16 spans two 8-GPU domains (scale-out) and is slower than PP 16', () => {
    const c = compareTpPp(dsv3.scenario, dsv3.layout);
    expect(c.factor).toBe(16);
    const tensor = valid(c.strategies[0]);
    const pipeline = valid(c.strategies[1]);
    expect(tensor.traffic.find((t) => t.kind === 'tp')).toMatchObject({ tier: 'scale-out', groupSize: 16, groupDomains: 2 });
    expect(pipeline.layout).toMatchObject({ tp: 1, pp: 16, schedule: 'dualpipe' });
    expect(tensor.stepSeconds).toBeGreaterThan(pipeline.stepSeconds);
  });

  it('an invalid factor is reported with the broken rule instead of numbers', () => {
    const c = compareTpPp(gpt3.scenario, gpt3.layout, { factor: 64 }); // 96 heads are not divisible by 64
    const tensor = c.strategies[0];
    expect(tensor?.valid).toBe(false);
    if (tensor !== undefined && !tensor.valid) expect(tensor.reason).toMatch(/^layout\.tp = 64: .*heads/);
  });
});

describe('compareDpEp(scenario, layout)', () => {
  const dsv3 = scenarioFromText(example('deepseek-v3-h800'));

  function comparison(): DpEpComparison {
    const c = compareDpEp(dsv3.scenario, dsv3.layout);
    if (!c.applicable) throw new Error(c.reason);
    return c;
  }

  it('DeepSeek-V3: data parallelism replicates the 256 experts, EP 64 divides them 4 per GPU', () => {
    const c = comparison();
    const [data, expert] = c.strategies;
    if (data === undefined || expert === undefined) throw new Error('missing strategy');
    expect(data).toMatchObject({ id: 'data', ep: 1, expertsPerGpu: 256 });
    expect(data.replicated).toContain('routed experts');
    expect(expert).toMatchObject({ id: 'expert', ep: 64, expertsPerGpu: 4 });
    expect(expert.divided[0]).toMatch(/4 of 256/);
    expect(data.expertParamsPerGpu).toBeCloseTo(64 * expert.expertParamsPerGpu, -3);
    expect(data.denseParamsPerGpu).toBeCloseTo(expert.denseParamsPerGpu, -3);
  });

  it('gradient volume falls and all-to-all appears when experts are divided; EP 1 holds too much memory', () => {
    const [data, expert] = comparison().strategies;
    if (data === undefined || expert === undefined) throw new Error('missing strategy');
    expect(data.allToAllBytesPerGpuPerStep).toBe(0);
    expect(expert.allToAllBytesPerGpuPerStep).toBeGreaterThan(0);
    expect(data.gradientBytesPerGpuPerStep).toBeGreaterThan(10 * expert.gradientBytesPerGpuPerStep);
    expect(data.fits).toBe(false);
    expect(data.peakBytesPerGpu).toBeGreaterThan(expert.peakBytesPerGpu);
  });

  it('scaling: all-to-all per GPU halves as GPUs double (fixed global batch); it does not depend on the expert count, gradients do', () => {
    const { sweeps } = comparison();
    expect(sweeps.gpus.map((p) => p.gpus)).toEqual([1024, 2048, 4096]);
    const a2a = sweeps.gpus.map((p) => p.allToAllBytesPerGpuPerStep);
    expect(a2a[0]).toBeCloseTo(2 * (a2a[1] ?? 0), -3);
    expect(a2a[1]).toBeCloseTo(2 * (a2a[2] ?? 0), -3);
    expect(sweeps.experts.map((p) => p.experts)).toEqual([128, 256, 512]);
    const byExperts = sweeps.experts.map((p) => p.allToAllBytesPerGpuPerStep);
    expect(byExperts[0]).toBeCloseTo(byExperts[2] ?? 0, -3);
    const grads = sweeps.experts.map((p) => p.gradientBytesPerGpuPerStep);
    expect(grads[0]).toBeLessThan(grads[1] ?? 0);
    expect(grads[1]).toBeLessThan(grads[2] ?? 0);
    for (const p of [...sweeps.gpus, ...sweeps.ep, ...sweeps.experts]) expect(p.valid, p.reason).toBe(true);
  });

  it('EP sweep: more EP, fewer expert parameters (and gradient bytes) per GPU', () => {
    const { sweeps } = comparison();
    expect(sweeps.ep.map((p) => p.ep)).toEqual([1, 16, 32, 64, 128]);
    for (let i = 1; i < sweeps.ep.length; i += 1) {
      expect(sweeps.ep[i]?.expertParamsPerGpu).toBeLessThan(sweeps.ep[i - 1]?.expertParamsPerGpu ?? 0);
      expect(sweeps.ep[i]?.gradientBytesPerGpuPerStep).toBeLessThan(sweeps.ep[i - 1]?.gradientBytesPerGpuPerStep ?? 0);
    }
  });

  it('a dense model: not applicable, with the reason, and no error', () => {
    const gpt3 = scenarioFromText(example('gpt3-175b-a100'));
    const c = compareDpEp(gpt3.scenario, gpt3.layout);
    expect(c.applicable).toBe(false);
    if (!c.applicable) expect(c.reason).toMatch(/dense model/);
  });
});
