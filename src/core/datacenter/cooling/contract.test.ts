/** Contract suite every cooling option passes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIMATES, createClimate } from '../climate.js';
import { POWER_CHAINS } from '../power-chain.js';
import { estimatePue } from '../pue.js';
import { COOLING, COOLING_IDS } from './registry.js';

describe.each(COOLING_IDS.map((id) => [id, COOLING[id]] as const))('cooling option %s', (id, tech) => {
  it('is registered under its own id, with a name and a source', () => {
    expect(tech.id).toBe(id);
    expect(tech.name.length).toBeGreaterThan(0);
    expect(tech.source.length).toBeGreaterThan(10);
  });

  it('has a positive rack-density limit between 10 kW and 1 MW', () => {
    expect(tech.maxRackWatts).toBeGreaterThanOrEqual(10_000);
    expect(tech.maxRackWatts).toBeLessThanOrEqual(1_000_000);
  });

  it('splits heat and reach as fractions in [0, 1]', () => {
    for (const v of [tech.liquidHeatFraction, tech.freeCoolingReach]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('spends a positive cooling overhead below 1 W per IT watt in every climate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        const w = tech.coolingOverhead(createClimate(f)).coolingWattsPerItWatt;
        return w > 0 && w < 1;
      }),
    );
  });

  it('never spends more when the climate has more free-cooling hours', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const atLo = tech.coolingOverhead(createClimate(lo)).coolingWattsPerItWatt;
        const atHi = tech.coolingOverhead(createClimate(hi)).coolingWattsPerItWatt;
        return atHi <= atLo + 1e-12;
      }),
    );
  });

  it('gives a PUE within physical bounds (≥ 1, < 2.5) with any preset power chain', () => {
    for (const chain of Object.values(POWER_CHAINS)) {
      for (const climate of Object.values(CLIMATES)) {
        const { pue } = estimatePue({ cooling: id, climate, powerChain: chain, miscWattsPerItWatt: 0.02 });
        expect(pue).toBeGreaterThan(1);
        expect(pue).toBeLessThan(2.5);
      }
    }
  });

  it('rejects a free-cooling fraction outside [0, 1]', () => {
    expect(() => tech.coolingOverhead({ ...CLIMATES.hot, freeCoolingHoursFraction: 1.5 })).toThrow(/freeCoolingHoursFraction/);
  });
});

describe('cooling options compared', () => {
  it('rack limits are ordered air < rear-door < direct-to-chip, immersion above rear-door', () => {
    expect(COOLING.air.maxRackWatts).toBeLessThan(COOLING['rear-door'].maxRackWatts);
    expect(COOLING['rear-door'].maxRackWatts).toBeLessThan(COOLING['direct-to-chip'].maxRackWatts);
    expect(COOLING.immersion.maxRackWatts).toBeGreaterThan(COOLING['rear-door'].maxRackWatts);
  });

  it('more heat to liquid means less cooling power, in every climate preset', () => {
    for (const climate of Object.values(CLIMATES)) {
      const w = COOLING_IDS.map((id) => COOLING[id].coolingOverhead(climate).coolingWattsPerItWatt);
      for (let i = 1; i < w.length; i += 1) expect(w[i]).toBeLessThan(w[i - 1] ?? Infinity);
    }
  });
});
