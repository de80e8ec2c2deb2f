/** One named test per cooling option, against the figures of hardware-facts.md §4.1. */
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../hardware/catalog.js';
import { CLIMATES } from '../climate.js';
import { AIR } from './air.js';
import { DIRECT_TO_CHIP } from './direct-to-chip.js';
import { IMMERSION } from './immersion.js';
import { REAR_DOOR } from './rear-door.js';

describe('air', () => {
  it('holds 4 × DGX H100 (40.8 kW) but not a 120 kW NVL72 rack', () => {
    expect(AIR.maxRackWatts).toBeGreaterThanOrEqual(4 * 10_200);
    expect(AIR.maxRackWatts).toBeLessThan(120_000);
  });
  it('sends all heat to air, so warm coolant buys nothing', () => {
    const o = AIR.coolingOverhead(CLIMATES.temperate);
    expect(AIR.liquidHeatFraction).toBe(0);
    expect(o.liquidFreeCoolingFraction).toBe(0);
    expect(o.airFreeCoolingFraction).toBe(CLIMATES.temperate.freeCoolingHoursFraction);
  });
});

describe('rear-door heat exchanger', () => {
  it('reaches the 55–75 kW door family of §4.1, short of NVL72', () => {
    expect(REAR_DOOR.maxRackWatts).toBeGreaterThanOrEqual(55_000);
    expect(REAR_DOOR.maxRackWatts).toBeLessThan(120_000);
  });
  it('free-cools more of the year on its water loop than plain air does', () => {
    const o = REAR_DOOR.coolingOverhead(CLIMATES.hot);
    expect(o.liquidFreeCoolingFraction).toBeGreaterThan(o.airFreeCoolingFraction);
  });
});

describe('direct-to-chip liquid', () => {
  it('holds a GB200 NVL72 (~120 kW) and a GB300 NVL72 (up to 140 kW)', () => {
    expect(DIRECT_TO_CHIP.maxRackWatts).toBeGreaterThanOrEqual(140_000);
  });
  it('leaves 20–30 % of the heat to air (§4.1)', () => {
    expect(1 - DIRECT_TO_CHIP.liquidHeatFraction).toBeGreaterThanOrEqual(0.2);
    expect(1 - DIRECT_TO_CHIP.liquidHeatFraction).toBeLessThanOrEqual(0.3);
  });
  it('liquid share per system: an 8-GPU server (DGX H100) 75 % in [70 %, 80 %]; an NVL72 rack 85 % in [85 %, 100 %]', () => {
    const server = DIRECT_TO_CHIP.liquidHeatFractionFor(ACCELERATORS['h100-sxm'].system);
    const rack = DIRECT_TO_CHIP.liquidHeatFractionFor(ACCELERATORS.gb200.system);
    expect(server).toBe(0.75);
    expect(rack).toBe(0.85);
    expect(rack).toBeLessThanOrEqual(1);
    // The NVL72's larger liquid share lowers its cooling power on the same loop.
    expect(DIRECT_TO_CHIP.coolingOverhead(CLIMATES.temperate, rack).coolingWattsPerItWatt).toBeLessThan(DIRECT_TO_CHIP.coolingOverhead(CLIMATES.temperate, server).coolingWattsPerItWatt);
    expect(AIR.liquidHeatFractionFor(ACCELERATORS.gb200.system)).toBe(0);
  });
  it('spends less than half of air cooling in a temperate climate', () => {
    const dlc = DIRECT_TO_CHIP.coolingOverhead(CLIMATES.temperate).coolingWattsPerItWatt;
    const air = AIR.coolingOverhead(CLIMATES.temperate).coolingWattsPerItWatt;
    expect(dlc).toBeLessThan(air / 2);
  });
});

describe('immersion', () => {
  it('uses the unverified 100 kW-per-tank floor of §4.1 as its limit', () => {
    expect(IMMERSION.maxRackWatts).toBe(100_000);
    expect(IMMERSION.source).toMatch(/UNVERIFIED/);
  });
  it('puts nearly all heat into the fluid and spends the least cooling power', () => {
    expect(IMMERSION.liquidHeatFraction).toBeGreaterThan(DIRECT_TO_CHIP.liquidHeatFraction);
    const imm = IMMERSION.coolingOverhead(CLIMATES.cold).coolingWattsPerItWatt;
    expect(imm).toBeLessThan(DIRECT_TO_CHIP.coolingOverhead(CLIMATES.cold).coolingWattsPerItWatt);
  });
});
