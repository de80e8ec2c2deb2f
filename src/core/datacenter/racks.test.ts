import { describe, expect, it } from 'vitest';
import { COOLING_IDS } from './cooling/registry.js';
import { compatibleCooling, planRacks } from './racks.js';
import { B200_DGX, GB200_NVL72, H100_DGX } from './test-fixtures.js';

describe('planRacks', () => {
  it('DGX H100 (10.2 kW) keeps 4 per rack = 40.8 kW on air', () => {
    const plan = planRacks(H100_DGX, 'air');
    expect(plan).toMatchObject({ feasible: true, unitsPerRack: 4, limitedByCooling: false });
    if (plan.feasible) expect(plan.rackWatts).toBe(40_800);
  });

  it('DGX B200 (14.3 kW) drops from 4 to 2 per rack on air, keeps 4 with a rear door', () => {
    expect(planRacks(B200_DGX, 'air')).toMatchObject({ feasible: true, unitsPerRack: 2, limitedByCooling: true, rackWatts: 28_600 });
    expect(planRacks(B200_DGX, 'rear-door')).toMatchObject({ feasible: true, unitsPerRack: 4, limitedByCooling: false });
  });

  it('GB200 NVL72 (~120 kW) cannot be air- or rear-door-cooled and needs direct-to-chip liquid', () => {
    const air = planRacks(GB200_NVL72, 'air');
    expect(air.feasible).toBe(false);
    if (!air.feasible) expect(air.reason).toMatch(/120\.0 kW.*40\.8 kW/);
    expect(planRacks(GB200_NVL72, 'rear-door').feasible).toBe(false);
    expect(planRacks(GB200_NVL72, 'direct-to-chip')).toMatchObject({ feasible: true, unitsPerRack: 1, rackWatts: 120_000 });
    expect(compatibleCooling(GB200_NVL72, COOLING_IDS)).toEqual(['direct-to-chip']);
  });

  it('every option holds a DGX H100', () => {
    expect(compatibleCooling(H100_DGX, COOLING_IDS)).toEqual(COOLING_IDS);
  });

  it('rejects a system with zero power', () => {
    expect(() => planRacks({ ...H100_DGX, system: { ...H100_DGX.system, powerWatts: 0 } }, 'air')).toThrow(/powerWatts/);
  });
});
