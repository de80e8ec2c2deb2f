import { describe, expect, it } from 'vitest';
import { isInputError } from '../errors.js';
import { CLIMATES } from './climate.js';
import { COOLING_IDS } from './cooling/registry.js';
import { estimateItWattsPerGpu, sizeDatacenter } from './size.js';
import { B200_DGX, GB200_NVL72, H100_DGX } from './test-fixtures.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return isInputError(e) ? e.field : 'not an InputError';
  }
  return undefined;
}

describe('sizeDatacenter', () => {
  it('1,016 H100 in DGX H100 on air: 127 systems, 32 compute racks of 40.8 kW, 38 racks as in the SuperPOD RA', () => {
    const s = sizeDatacenter({ accelerator: H100_DGX, gpus: 1016, cooling: 'air' });
    expect(s.systems.units).toBe(127);
    expect(s.racks).toMatchObject({ unitsPerRack: 4, rackWatts: 40_800, computeRacks: 32, totalRacks: 38 });
    expect(s.power.computeWatts).toBe(127 * 10_200);
    expect(s.fabric).toMatchObject({ scalableUnits: 4, leafSwitches: 32, spineSwitches: 16 });
  });

  it('floor area = total racks · 2 m² of white space: 38 racks → 76 m²', () => {
    expect(sizeDatacenter({ accelerator: H100_DGX, gpus: 1016, cooling: 'air' }).racks.floorAreaM2).toBe(76);
  });

  it('rounds GPUs up to whole systems', () => {
    const s = sizeDatacenter({ accelerator: H100_DGX, gpus: 1001, cooling: 'air' });
    expect(s.systems.units).toBe(126);
    expect(s.gpusInstalled).toBe(1008);
  });

  it('GB200 NVL72 needs liquid: air is an InputError naming the options that fit', () => {
    expect(() => sizeDatacenter({ accelerator: GB200_NVL72, gpus: 576, cooling: 'air' })).toThrow(/options that fit: direct-to-chip/);
    expect(fieldOf(() => sizeDatacenter({ accelerator: GB200_NVL72, gpus: 576, cooling: 'air' }))).toBe('cooling');
  });

  it('GB200 SU (8 NVL72 racks, 576 GPUs) fits one 1.2 MW block, as the GB200 RA\'s 1.2 MW SU TDP', () => {
    const s = sizeDatacenter({ accelerator: GB200_NVL72, gpus: 576, cooling: 'direct-to-chip', blockItWatts: 1.2e6 });
    expect(s.racks.computeRacks).toBe(8);
    expect(s.blocks).toMatchObject({ racksPerBlock: 8, count: 1 });
    expect(s.power.itNameplateWatts).toBeCloseTo(1.2e6, 0);
  });

  it('DGX B200 on air packs 2 per rack, so it needs twice the racks it needs with a rear door', () => {
    const air = sizeDatacenter({ accelerator: B200_DGX, gpus: 2048, cooling: 'air' });
    const door = sizeDatacenter({ accelerator: B200_DGX, gpus: 2048, cooling: 'rear-door' });
    expect(air.racks.limitedByCooling).toBe(true);
    expect(air.racks.computeRacks).toBe(2 * door.racks.computeRacks);
    expect(air.power.itNameplateWatts).toBe(door.power.itNameplateWatts);
  });

  it('scales out with more blocks: blocks = ⌈racks / racks per block⌉ and built capacity covers IT', () => {
    const s = sizeDatacenter({ accelerator: GB200_NVL72, gpus: 9216, cooling: 'direct-to-chip' });
    expect(s.blocks.count).toBe(Math.ceil(s.racks.computeRacks / s.blocks.racksPerBlock));
    expect(s.blocks.builtItWatts).toBeGreaterThanOrEqual(s.power.itNameplateWatts);
    expect(s.blocks.fillFraction).toBeLessThanOrEqual(1);
  });

  it('facility power = IT × PUE; design-day facility power ≥ the annual average', () => {
    const s = sizeDatacenter({ accelerator: H100_DGX, gpus: 4096, cooling: 'direct-to-chip', averagePowerFraction: 0.7, climate: CLIMATES.hot });
    expect(s.power.itAverageWatts).toBeCloseTo(0.7 * s.power.itNameplateWatts, 6);
    expect(s.facility.averageWatts).toBeCloseTo(s.power.itAverageWatts * s.pue.pue, 6);
    expect(s.facility.designWatts).toBeGreaterThanOrEqual(s.power.itNameplateWatts * s.pue.pue);
  });

  it('liquid cooling lowers facility power for the same cluster', () => {
    const facility = COOLING_IDS.map((cooling) => sizeDatacenter({ accelerator: H100_DGX, gpus: 1024, cooling }).facility.averageWatts);
    for (let i = 1; i < facility.length; i += 1) expect(facility[i]).toBeLessThan(facility[i - 1] ?? Infinity);
  });

  it('IT watts per GPU include the support share', () => {
    expect(estimateItWattsPerGpu(H100_DGX, 0)).toBe(1275);
    expect(estimateItWattsPerGpu(H100_DGX, 0.25)).toBeCloseTo(1593.75, 9);
  });

  it('rejects zero, fractional and absurd GPU counts, and a block smaller than a rack', () => {
    expect(fieldOf(() => sizeDatacenter({ accelerator: H100_DGX, gpus: 0, cooling: 'air' }))).toBe('gpus');
    expect(fieldOf(() => sizeDatacenter({ accelerator: H100_DGX, gpus: 10.5, cooling: 'air' }))).toBe('gpus');
    expect(fieldOf(() => sizeDatacenter({ accelerator: H100_DGX, gpus: 1e9, cooling: 'air' }))).toBe('gpus');
    expect(fieldOf(() => sizeDatacenter({ accelerator: H100_DGX, gpus: 8, cooling: 'air', blockItWatts: 20_000 }))).toBe('blockItWatts');
    expect(fieldOf(() => sizeDatacenter({ accelerator: H100_DGX, gpus: 8, cooling: 'air', blockItWatts: -1 }))).toBe('blockItWatts');
    expect(fieldOf(() => sizeDatacenter({ accelerator: H100_DGX, gpus: 8, cooling: 'air', averagePowerFraction: 1.5 }))).toBe('averagePowerFraction');
  });
});
