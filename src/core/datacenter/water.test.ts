import { describe, expect, it } from 'vitest';
import { CLIMATES } from './climate.js';
import { COOLING } from './cooling/registry.js';
import { PUE_PRESETS, estimatePue } from './pue.js';
import { estimateWaterUse, estimateWue } from './water.js';

const climates = [CLIMATES.cold, CLIMATES.temperate, CLIMATES.hot] as const;

describe('water (WUE, The Green Grid: site litres per IT kWh)', () => {
  it('WUE(air hall with towers, temperate) = 1.8 L/kWh, the industry average (datacenter-references.md Efficiency)', () => {
    const wue = estimateWue(estimatePue(PUE_PRESETS.traditional));
    console.log(`traditional air temperate WUE ${wue.toFixed(3)} L/kWh vs industry 1.8`);
    expect(wue).toBeCloseTo(1.8, 1);
  });

  it('make-up water = 3.6 MJ / 2.43 MJ/kg · 4/3 = 1.98 L per kWh of heat fully evaporated (an all-mechanical air hall)', () => {
    expect(estimateWue({ liquidHeatFraction: 0, airFreeCoolingFraction: 0, liquidFreeCoolingFraction: 0 })).toBeCloseTo((3.6 / 2.43) * (4 / 3), 12);
  });

  it('direct-to-chip uses less water than air in every climate, inside [Meta 0.26, industry 1.8] L/kWh, more in a hot climate', () => {
    const dlc = climates.map((climate) => estimateWue(estimatePue({ ...PUE_PRESETS.modularLiquid, climate })));
    const air = climates.map((climate) => estimateWue(estimatePue({ ...PUE_PRESETS.traditional, climate })));
    console.log(`WUE cold/temperate/hot: DLC ${dlc.map((w) => w.toFixed(2)).join('/')}, air ${air.map((w) => w.toFixed(2)).join('/')} L/kWh`);
    dlc.forEach((w, i) => {
      expect(w).toBeLessThan(air[i] ?? 0);
      expect(w).toBeGreaterThan(0.26);
      expect(w).toBeLessThan(1.8);
    });
    expect(dlc[0]).toBeLessThan(dlc[1] ?? 0);
    expect(dlc[1]).toBeLessThan(dlc[2] ?? 0);
  });

  it('an NVL72 rack (85 % to liquid) uses less water than an 8-GPU server (75 %) on the same loop', () => {
    const wue = (h: number): number => estimateWue(estimatePue({ ...PUE_PRESETS.modularLiquid, liquidHeatFraction: h }));
    expect(wue(COOLING['direct-to-chip'].liquidHeatFractionFor({ unitsPerRack: 1 }))).toBeLessThan(wue(COOLING['direct-to-chip'].liquidHeatFractionFor({ unitsPerRack: 4 })));
  });

  it('annual litres = WUE · average IT kW · 8,760 h; run litres = WUE · run IT kWh', () => {
    const pue = estimatePue(PUE_PRESETS.modularLiquid);
    const w = estimateWaterUse(pue, 1e6, 3.6e9);
    expect(w.litresPerYear).toBeCloseTo(w.wueLitresPerKwh * 1000 * 8760, 6);
    expect(w.runLitres).toBeCloseTo(w.wueLitresPerKwh * 1000, 9);
  });
});
