import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateCampaign } from '../run/campaign.js';
import { parseScenarioText } from '../scenario/parse.js';
import { estimateScenario } from './estimate-scenario.js';
import { estimateSite } from './estimate-site.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

describe('estimateScenario on the DeepSeek-V3 example (its technical report setup)', () => {
  const scenario = example('deepseek-v3-h800');
  const e = estimateScenario(scenario);

  it('fits on 80 GB H800s', () => {
    expect(e.memory.fits).toBe(true);
  });

  // 13%: MoE machinery (token permutation, grouped-GEMM efficiency at few tokens per expert, real
  // routing imbalance) is not yet priced beyond the op inventory, and the dense-run calibration of
  // Hopper FP8 sets the rate; the bound is the measured state, to be tightened with those costs.
  it('is within 13% of 180K H800 GPU-hours per trillion tokens (TR §1)', () => {
    const gpuHoursPerTrillion = 1e12 / (e.step.throughput.tokensPerSecondPerGpu * 3600);
    console.log(`DeepSeek-V3 example: ${(gpuHoursPerTrillion / 1e3).toFixed(1)}K GPU-hours per trillion tokens`);
    expect(Math.abs(gpuHoursPerTrillion / 180_000 - 1)).toBeLessThanOrEqual(0.13);
  });

  it('pre-training GPU-hours within 13% of the published 2,664K; cost at $2/GPU-hour', () => {
    const campaign = estimateCampaign([{ name: 'pre-training', run: e.run }], 2, 'ideal');
    const row = campaign.rows[0];
    expect(row).toBeDefined();
    expect(Math.abs((row?.gpuHours ?? 0) / 2_664_000 - 1)).toBeLessThanOrEqual(0.13);
    expect(row?.usd).toBeCloseTo((row?.gpuHours ?? 0) * 2, 6);
    expect(e.run.cost.usdPerGpuHour).toBe(2);
  });

  it('sizes a data center: liquid-cooled modular blocks with a PUE below a traditional build', () => {
    const site = estimateSite(scenario, e);
    expect(site.sizing.blocks.count).toBeGreaterThan(0);
    expect(site.pue.design.pue).toBeLessThan(site.pue.traditional.pue);
    expect(site.runEnergy.facilityEnergyJoules).toBeGreaterThan(e.run.energy.itJoules);
  });
});
