import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../input-error.testing.js';
import { parseScenario } from '../scenario/parse.js';
import { estimateScenario } from './estimate-scenario.js';
import { estimateSite } from './estimate-site.js';

function scenario(gpus: number, datacenter: Record<string, unknown> = {}) {
  return parseScenario({
    model: 'llama3-8b',
    cluster: { accelerator: 'h100-sxm', gpus },
    training: { seqLen: 4096, globalBatch: gpus, totalTokens: '1T' },
    layout: { tp: 8, pp: 1 },
    datacenter,
  });
}

describe('estimateSite: errors in the scenario\'s terms', () => {
  it('a block too small for one rack names datacenter.blockMw in MW, not the internal watts', () => {
    const s = scenario(64, { blockMw: 0.001 });
    const error = inputErrorOf(() => estimateSite(s, estimateScenario(s)));
    expect(error.field).toBe('datacenter.blockMw');
    expect(error.value).toBeCloseTo(0.001, 9);
  });
  it('131,072 H100 get a site with a fabric', () => {
    const s = scenario(131_072);
    expect(estimateSite(s, estimateScenario(s)).sizing.fabric.tiers).toBeGreaterThanOrEqual(3);
  });
});

describe('estimateSite: fair baselines and one owner of build times', () => {
  it('the traditional baseline stands in the design\'s climate: a hot site compares against a hot traditional hall (PUE and WUE)', () => {
    const hot = scenario(256, { climate: 'hot' });
    const temperate = scenario(256);
    const h = estimateSite(hot, estimateScenario(hot));
    const t = estimateSite(temperate, estimateScenario(temperate));
    expect(h.pue.traditional.pue).toBeGreaterThan(t.pue.traditional.pue);
    expect(h.water.traditional.wueLitresPerKwh).toBeGreaterThan(t.water.traditional.wueLitresPerKwh);
    expect(h.pue.traditional.airFreeCoolingFraction).toBe(h.pue.design.airFreeCoolingFraction);
  });

  it('growth lead times are the deployment critical path: the first block waits for the grid like deployment.modular', () => {
    const s = scenario(2048, { growth: [{ month: 0, gpus: 1024 }, { month: 60, gpus: 2048 }], growthHorizonMonth: 72 });
    const site = estimateSite(s, estimateScenario(s));
    expect(site.growth?.modular.firstLeadMonths).toBeGreaterThanOrEqual(Math.floor(site.deployment.modular.months));
    expect(site.growth?.modular.leadMonths).toBeLessThan(12);
    expect(site.growth?.horizonMonth).toBe(72);
  });
});
