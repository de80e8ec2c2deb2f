import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { REDUNDANCY } from './defaults-site.js';
import { estimateFacilityPrice } from './facility-price.js';
import { planRedundancy, redundancyFactor } from './redundancy.js';
import { sizeDatacenter } from './size.js';

describe('redundancy (Uptime Tier Standard: N Tier I, N+1 Tier II/III, 2N Tier IV)', () => {
  it('redundancyFactor: N = 1, N+1 = (4 + 1)/4 = 1.25, 2N = 2', () => {
    expect(REDUNDANCY.nPlusOneModules.value).toBe(4);
    expect([redundancyFactor('N'), redundancyFactor('N+1'), redundancyFactor('2N')]).toEqual([1, 1.25, 2]);
  });

  it('installed power = design-day facility W · factor; installed cooling = IT heat · factor', () => {
    const p = planRedundancy({ power: '2N', cooling: 'N' }, 4e6, 3e6);
    expect(p.installedPowerWatts).toBe(8e6);
    expect(p.installedCoolingWatts).toBe(3e6);
  });

  it('facility multiplier = 1 + 0.53 · (0.6 · (f_pow/1.25 − 1) + 0.4 · (f_cool/1.25 − 1)): N+1 1, 2N/2N 1.318, N/N 0.894', () => {
    const m = (power: 'N' | 'N+1' | '2N', cooling: 'N' | 'N+1' | '2N'): number => planRedundancy({ power, cooling }, 1, 1).facilityCostMultiplier;
    expect(m('N+1', 'N+1')).toBe(1);
    expect(m('2N', '2N')).toBeCloseTo(1 + 0.53 * 0.6, 12);
    expect(m('N', 'N')).toBeCloseTo(1 - 0.53 * 0.2, 12);
    expect(m('2N', 'N+1')).toBeGreaterThan(m('N+1', '2N'));
  });

  it('2,048 H800 (the DeepSeek-V3 cluster): 2N power installs twice the 4.1 MW design draw and raises the facility $/W 19 %', () => {
    const base = { accelerator: ACCELERATORS.h800, gpus: 2048, cooling: 'direct-to-chip' } as const;
    const tier3 = sizeDatacenter(base);
    const tier4 = sizeDatacenter({ ...base, redundancy: { power: '2N', cooling: 'N+1' } });
    expect(tier4.redundancy.installedPowerWatts).toBeCloseTo(2 * tier4.facility.designWatts, 6);
    expect(tier3.redundancy.installedPowerWatts).toBeCloseTo(1.25 * tier3.facility.designWatts, 6);
    expect(tier4.facility.designWatts).toBe(tier3.facility.designWatts);
    const price = (r: typeof tier4.redundancy) => estimateFacilityPrice({ style: 'modular', cooling: 'direct-to-chip', blockItWatts: 2e6, redundancy: r }).usdPerItWatt;
    expect(price(tier4.redundancy) / price(tier3.redundancy)).toBeCloseTo(1 + 0.53 * 0.6 * 0.6, 12);
  });
});
