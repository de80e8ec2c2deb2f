import { describe, expect, it } from 'vitest';
import { COSTS } from './defaults.js';
import { JOULES_PER_KWH, estimateCapex, estimateOpex, estimateRunEnergy } from './cost.js';
import { sizeDatacenter } from './size.js';
import { GB200_NVL72 } from './test-fixtures.js';

const sizing = sizeDatacenter({ accelerator: GB200_NVL72, gpus: 9216, cooling: 'direct-to-chip' });

describe('estimateCapex', () => {
  it('adds servers, fabric and facility; facility is blocks × block size × price', () => {
    const c = estimateCapex({ sizing, serverUsdPerGpu: 40_000, facilityUsdPerItWatt: 10 });
    expect(c.serversUsd).toBe(9216 * 40_000);
    expect(c.networkUsd).toBe(sizing.fabric.cost.totalUsd);
    expect(c.facilityUsdPerBlock).toBe(sizing.blocks.blockItWatts * 10);
    expect(c.facilityUsd).toBe(sizing.blocks.count * c.facilityUsdPerBlock);
    expect(c.totalUsd).toBeCloseTo(c.serversUsd + c.networkUsd + c.facilityUsd, 3);
  });

  it('a traditional facility price ($11.7/W) costs more than the modular default ($10/W)', () => {
    const modular = estimateCapex({ sizing });
    const traditional = estimateCapex({ sizing, facilityUsdPerItWatt: COSTS.traditionalFacilityUsdPerItWatt.value });
    expect(traditional.facilityUsd / modular.facilityUsd).toBeCloseTo(1.17, 9);
  });

  it('rejects a negative price', () => {
    expect(() => estimateCapex({ sizing, serverUsdPerGpu: -1 })).toThrow(/serverUsdPerGpu/);
  });
});

describe('estimateOpex', () => {
  it('energy = average facility W × 8,760 h × price; maintenance = fraction × facility capex', () => {
    const capex = estimateCapex({ sizing });
    const o = estimateOpex({ sizing, capex, electricityUsdPerKwh: 0.1, facilityMaintenanceFractionPerYear: 0.02 });
    expect(o.energyUsdPerYear).toBeCloseTo((sizing.facility.averageWatts / 1000) * 8760 * 0.1, 3);
    expect(o.maintenanceUsdPerYear).toBeCloseTo(0.02 * capex.facilityUsd, 6);
  });
});

describe('estimateRunEnergy', () => {
  it('1 MW of IT for one hour at PUE 1.2: 1.2 MWh, $96.72 at 8.06 ¢/kWh, 549.6 kg CO2e at 458 g/kWh', () => {
    const r = estimateRunEnergy({ averageItWatts: 1e6, seconds: 3600, pue: 1.2 });
    expect(r.facilityEnergyKwh).toBeCloseTo(1200, 9);
    expect(r.overheadEnergyJoules).toBeCloseTo(0.2 * 3.6e9, 3);
    expect(r.energyUsd).toBeCloseTo(1200 * 0.0806, 9);
    expect(r.carbonKgCo2e).toBeCloseTo(1200 * 0.458, 9);
  });

  it('takes IT energy directly and an overridden grid intensity', () => {
    const r = estimateRunEnergy({ itEnergyJoules: JOULES_PER_KWH * 1000, pue: 1.5, gridGramsCo2ePerKwh: 56 });
    expect(r.carbonKgCo2e).toBeCloseTo(1500 * 0.056, 9);
  });

  it('rejects a PUE below 1', () => {
    expect(() => estimateRunEnergy({ itEnergyJoules: 1, pue: 0.9 })).toThrow(/pue/);
  });
});
