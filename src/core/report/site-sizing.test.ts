import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSearchSpace } from '../planner/space.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { gpuCountsWithinSitePower, sizeScenarioSite } from './site-sizing.js';

const base = parseScenarioText(readFileSync('examples/deepseek-v3-h800.yaml', 'utf8'), 'yaml');
const capped = (mw: number): Scenario => ({ ...base, datacenter: { ...base.datacenter, sitePowerMw: mw } });
const designMw = (gpus: number): number => sizeScenarioSite({ ...base, cluster: { ...base.cluster, gpus } }).facility.designWatts / 1e6;

describe('datacenter.sitePowerMw as a plan constraint', () => {
  it('keeps the GPU counts whose design-day facility power fits the feed', () => {
    const cap = (designMw(2048) + designMw(4096)) / 2;
    expect(gpuCountsWithinSitePower(capped(cap), [1024, 2048, 4096])).toEqual([1024, 2048]);
    expect(createSearchSpace(capped(cap), [1024, 2048, 4096]).gpuCounts).toEqual([1024, 2048]);
  });

  it('without a cap every count stays', () => {
    expect(gpuCountsWithinSitePower(base, [1024, 4096])).toEqual([1024, 4096]);
  });

  it('no count fitting is an InputError naming the field, the cap and the smallest design in MW', () => {
    expect(() => gpuCountsWithinSitePower(capped(0.5), [1024, 2048])).toThrow(/datacenter\.sitePowerMw = 0\.5: no GPU count searched fits: the smallest, 1024 GPUs, needs [\d.]+ MW .* above the 0\.5 MW site feed/);
  });
});
