import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIMATES, createClimate } from './climate.js';
import { COOLING_IDS } from './cooling/registry.js';
import { POWER_CHAINS, estimatePowerChainLoss } from './power-chain.js';
import { PUE_BANDS, PUE_PRESETS, estimateDesignPue, estimatePue } from './pue.js';

describe('estimatePue', () => {
  it('equals 1 + cooling + power-chain loss + misc', () => {
    const b = estimatePue(PUE_PRESETS.traditional);
    expect(b.pue).toBeCloseTo(1 + b.coolingWattsPerItWatt + b.powerChainLossWattsPerItWatt + b.miscWattsPerItWatt, 12);
  });

  it('traditional preset (air, legacy AC, temperate) lands in 1.5–2.0, near the Uptime average 1.54–1.58', () => {
    const { pue } = estimatePue(PUE_PRESETS.traditional);
    expect(pue).toBeGreaterThanOrEqual(PUE_BANDS.traditional.low);
    expect(pue).toBeLessThanOrEqual(PUE_BANDS.traditional.high);
    expect(pue).toBeGreaterThan(1.5);
    expect(pue).toBeLessThan(1.62);
  });

  it('traditional build stays within 1.5–2.0 from a cold to a hot climate', () => {
    for (const climate of Object.values(CLIMATES)) {
      const { pue } = estimatePue({ ...PUE_PRESETS.traditional, climate });
      expect(pue).toBeGreaterThanOrEqual(1.4);
      expect(pue).toBeLessThanOrEqual(PUE_BANDS.traditional.high);
    }
  });

  it('modular liquid-cooled presets land in 1.1–1.3', () => {
    for (const preset of [PUE_PRESETS.modularLiquid, PUE_PRESETS.modularLiquidHvdc]) {
      const { pue } = estimatePue(preset);
      expect(pue).toBeGreaterThanOrEqual(PUE_BANDS.modularLiquid.low);
      expect(pue).toBeLessThanOrEqual(PUE_BANDS.modularLiquid.high);
    }
  });

  it('immersion + HVDC in a cold climate reaches the Google fleet figure 1.09 within 0.05', () => {
    const { pue } = estimatePue({ ...PUE_PRESETS.modularLiquidHvdc, cooling: 'immersion', climate: CLIMATES.cold });
    expect(Math.abs(pue - 1.09)).toBeLessThan(0.05);
  });

  it('never rises with more free-cooling hours, for every cooling option and chain', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COOLING_IDS),
        fc.constantFrom(...Object.values(POWER_CHAINS)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cooling, powerChain, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const at = (f: number): number => estimatePue({ cooling, powerChain, climate: createClimate(f), miscWattsPerItWatt: 0.01 }).pue;
          return at(hi) <= at(lo) + 1e-12 && at(hi) >= 1;
        },
      ),
    );
  });

  it('HVDC beats the same AC chain by the 5 % end-to-end gain of §4.8', () => {
    const ac = estimatePowerChainLoss(POWER_CHAINS.modernAc);
    const dc = estimatePowerChainLoss(POWER_CHAINS.hvdc800v);
    expect(dc.efficiency / ac.efficiency).toBeCloseTo(1.05, 12);
    expect(estimatePue(PUE_PRESETS.modularLiquidHvdc).pue).toBeLessThan(estimatePue(PUE_PRESETS.modularLiquid).pue);
  });

  it('legacy chain loses more than the modern one', () => {
    expect(estimatePowerChainLoss(POWER_CHAINS.legacyAc).lossWattsPerItWatt).toBeGreaterThan(estimatePowerChainLoss(POWER_CHAINS.modernAc).lossWattsPerItWatt);
  });

  it('design-day PUE (no free cooling) is at least the annual PUE', () => {
    for (const preset of Object.values(PUE_PRESETS)) {
      expect(estimateDesignPue(preset).pue).toBeGreaterThanOrEqual(estimatePue(preset).pue);
    }
  });

  it('rejects an efficiency above 1 and a negative misc load', () => {
    expect(() => estimatePue({ ...PUE_PRESETS.modularLiquid, powerChain: { ...POWER_CHAINS.modernAc, upsEfficiency: 1.2 } })).toThrow(/upsEfficiency/);
    expect(() => estimatePue({ ...PUE_PRESETS.modularLiquid, miscWattsPerItWatt: -0.1 })).toThrow(/miscWattsPerItWatt/);
  });
});
