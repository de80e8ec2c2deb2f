import { describe, expect, it } from 'vitest';
import { COOLING_IDS } from './cooling/registry.js';
import { COSTS } from './defaults.js';
import { estimateFacilityPrice } from './facility-price.js';

const MW = 1e6;

describe('estimateFacilityPrice', () => {
  it('traditional air hall at N+1 = $11.7/W (C&W 2025 US average); modular air blocks = $10/W (modular $8–12M/MW)', () => {
    expect(estimateFacilityPrice({ style: 'traditional', cooling: 'air', blockItWatts: 2 * MW }).usdPerItWatt).toBe(COSTS.traditionalFacilityUsdPerItWatt.value);
    expect(estimateFacilityPrice({ style: 'modular', cooling: 'air', blockItWatts: 2 * MW }).usdPerItWatt).toBe(10);
  });

  it('the cooling choice reaches capex: air < rear-door < direct-to-chip < immersion', () => {
    const prices = COOLING_IDS.map((cooling) => estimateFacilityPrice({ style: 'modular', cooling, blockItWatts: 2 * MW }).usdPerItWatt);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    expect(new Set(prices).size).toBe(COOLING_IDS.length);
  });

  it('edge blocks (100 kW to 1 MW) have their own price per watt, above a 2 MW block', () => {
    const edge = estimateFacilityPrice({ style: 'modular', cooling: 'air', blockItWatts: 0.25 * MW });
    expect(edge).toMatchObject({ edge: true, baseUsdPerItWatt: 15 });
    expect(estimateFacilityPrice({ style: 'modular', cooling: 'air', blockItWatts: 1 * MW }).edge).toBe(true);
    expect(estimateFacilityPrice({ style: 'modular', cooling: 'air', blockItWatts: 1.2 * MW }).edge).toBe(false);
  });

  it('shared site part = 10 % (C&W "site" share); block part the other 90 %', () => {
    const p = estimateFacilityPrice({ style: 'modular', cooling: 'direct-to-chip', blockItWatts: 2 * MW });
    expect(p.sharedUsdPerItWatt).toBeCloseTo(0.1 * p.usdPerItWatt, 12);
    expect(p.sharedUsdPerItWatt + p.blockUsdPerItWatt).toBeCloseTo(p.usdPerItWatt, 12);
  });
});
