import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { createLayout } from '../layout/create-layout.js';
import { countParams } from '../model/params.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { estimateRun } from './estimate-run.js';
import type { RunInput } from './estimate-run.js';
import { createProportionalStepTime } from './run-time.js';
import { estimateScenarioRun } from './scenario-run.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const scenario = (file: string): Scenario => parseScenarioText(readFileSync(new URL(file, EXAMPLES), 'utf8'), 'yaml');

/**
 * DeepSeek-V3 pre-training step time measured on the production cluster: 19.926 s per step of
 * 15,360 × 4,096 tokens (ISCA '25 Table 4, via a third-party summary; notes §2.8). Ramp steps at
 * constant tokens/s. This is a measured input, standing in for the step model's output.
 */
function deepseekPretraining(overrides: Partial<RunInput> = {}): RunInput {
  const s = scenario('deepseek-v3-h800.yaml');
  const layout = createLayout(s);
  return {
    training: s.training,
    cluster: s.cluster,
    params: countParams(s.model).totalWithMtp,
    stepSeconds: createProportionalStepTime(19.926, 15360),
    batchQuantum: layout.dp * layout.microBatch,
    ...overrides,
  };
}

describe('estimateRun', () => {
  it('DeepSeek-V3 pre-training at its measured step time: within 10 % of the published 2,664K H800 GPU-hours', () => {
    const run = estimateRun(deepseekPretraining());
    const published = 2_664_000; // TR §1, Table 1
    expect(Math.abs(run.gpuHours / published - 1)).toBeLessThan(0.1);
    expect(Math.abs(run.goodput.effectiveGpuHours / published - 1)).toBeLessThan(0.1);
    // "3.7 days on our cluster with 2048 H800 GPUs" per trillion tokens (TR §1)
    expect(run.days / 14.8).toBeCloseTo(3.7, 1);
    expect(run.tokens).toBe(14.8e12);
  });

  it('the record is consistent: GPU-hours, energy over the effective time, rental cost, carbon', () => {
    const run = estimateRun(deepseekPretraining());
    expect(run.gpuHours).toBeCloseTo((run.wallSeconds * 2048) / 3600, 6);
    expect(run.steps).toBe(run.phases.reduce((sum, p) => sum + p.steps, 0));
    expect(run.energy.seconds).toBe(run.goodput.effectiveSeconds);
    expect(run.energy.itJoules).toBeCloseTo(run.energy.avgWattsPerGpu * 2048 * run.goodput.effectiveSeconds, 0);
    expect(run.energy.itMwh).toBeCloseTo(run.energy.itJoules / 3.6e9, 9);
    expect(run.cost.basis).toBe('rental');
    expect(run.cost.usdPerGpuHour).toBe(2);
    expect(run.cost.usd).toBeCloseTo(run.goodput.effectiveGpuHours * 2, 3);
    expect(run.carbon.tonnesCo2e).toBeCloseTo((run.energy.facilityMwh * 1000 * 458) / 1e6, 6);
    expect(run.goodput.mtbfHours).toBeCloseTo(3.093 * 8, 2);
  });

  it('PUE scales facility energy and carbon, not IT energy', () => {
    const it1 = estimateRun(deepseekPretraining());
    const it12 = estimateRun(deepseekPretraining({ pue: 1.2 }));
    expect(it12.energy.itJoules).toBeCloseTo(it1.energy.itJoules, 0);
    expect(it12.energy.facilityMwh).toBeCloseTo(it1.energy.facilityMwh * 1.2, 6);
    expect(it12.carbon.tonnesCo2e).toBeCloseTo(it1.carbon.tonnesCo2e * 1.2, 6);
  });

  it('a lower GPU activity lowers energy; owned pricing adds electricity to amortised capex', () => {
    const full = estimateRun(deepseekPretraining());
    const half = estimateRun(deepseekPretraining({ power: { gpuActivity: 0.5 }, pricing: { basis: 'owned', electricityUsdPerKwh: 0.1 } }));
    expect(half.energy.itJoules).toBeLessThan(full.energy.itJoules);
    expect(half.cost.basis).toBe('owned');
    expect(half.cost.energyUsd).toBeCloseTo((half.energy.facilityJoules / 3.6e6) * 0.1, 3);
    expect(half.cost.usd).toBeCloseTo(half.cost.hardwareUsd + half.cost.energyUsd, 3);
  });

  it('rejects a negative price, zero storage bandwidth and a bad step time', () => {
    expect(() => estimateRun(deepseekPretraining({ pricing: { basis: 'rental', usdPerGpuHour: -1 } }))).toThrow(InputError);
    expect(() => estimateRun(deepseekPretraining({ goodput: { storageBandwidthBytesPerSec: 0 } }))).toThrow(/goodput.storageBandwidthBytesPerSec/);
    expect(() => estimateRun(deepseekPretraining({ stepSeconds: -3 }))).toThrow(/stepSeconds/);
  });
});

describe('estimateScenarioRun', () => {
  it('takes the parameters (with MTP) from the model and the ramp quantum dp · microBatch from the layout', () => {
    const s = scenario('deepseek-v3-h800.yaml');
    const viaScenario = estimateScenarioRun({ scenario: s, layout: createLayout(s), stepSeconds: createProportionalStepTime(19.926, 15360) });
    expect(viaScenario).toEqual(estimateRun(deepseekPretraining()));
    expect(viaScenario.goodput.checkpointBytes).toBe(countParams(s.model).totalWithMtp * 14);
    expect(viaScenario.phases).toHaveLength(97);
  });
});

describe('DeepSeek-V3 context-extension and post-training scenarios (examples/)', () => {
  it('32K stage: 1000 steps of 1920 sequences (TR §4.3)', () => {
    const s = scenario('deepseek-v3-context-extension-32k.yaml');
    const run = estimateRun({ training: s.training, cluster: s.cluster, params: countParams(s.model).totalWithMtp, stepSeconds: 60 });
    expect(run.phases).toEqual([expect.objectContaining({ globalBatch: 1920, steps: 1000 })]);
    expect(s.training.seqLen).toBe(32_768);
  });

  it('128K stage: 1000 steps of 480 sequences (TR §4.3)', () => {
    const s = scenario('deepseek-v3-context-extension-128k.yaml');
    const run = estimateRun({ training: s.training, cluster: s.cluster, params: countParams(s.model).totalWithMtp, stepSeconds: 60 });
    expect(run.phases).toEqual([expect.objectContaining({ globalBatch: 480, steps: 1000 })]);
    expect(s.training.seqLen).toBe(131_072);
  });

  it('SFT: 1.5M instances · 2 epochs · 4,096 tokens (stated assumption) on the pre-training layout', () => {
    const s = scenario('deepseek-v3-post-training.yaml');
    expect(s.training.totalTokens).toBe(1.5e6 * 2 * 4096);
    expect(createLayout(s)).toMatchObject({ pp: 16, ep: 64, dp: 128, schedule: 'dualpipe', microBatches: 32 });
  });
});
