import { describe, expect, it } from 'vitest';
import { COSTS } from '../datacenter/defaults.js';
import { InputError } from '../errors.js';
import { ACCELERATOR_IDS } from '../hardware/catalog.js';
import { defaultRentalPrice, estimateCarbon, estimateOwnedCost, estimateRentalCost } from './cost.js';
import { RENTAL_PRICE_FALLBACK } from './defaults.js';

describe('rental cost', () => {
  it('DeepSeek-V3 Table 1: 2,788K H800 GPU-hours at the default $2 = $5.576M', () => {
    const cost = estimateRentalCost({ acceleratorId: 'h800', gpuHours: 2_788_000 });
    expect(cost.usd).toBe(5_576_000);
    expect(cost.usdPerGpuHour).toBe(2);
    expect(cost.source).toMatch(/DeepSeek-V3/);
    expect(cost.energyUsd).toBe(0);
  });

  it('a given price overrides the default and is marked as given', () => {
    const cost = estimateRentalCost({ acceleratorId: 'h100-sxm', gpuHours: 100, usdPerGpuHour: 12.29 });
    expect(cost.usd).toBeCloseTo(1229, 9);
    expect(cost.source).toBe('given');
  });

  it('every catalog accelerator gets a price with a source; unpriced ones get the named fallback', () => {
    for (const id of ACCELERATOR_IDS) expect(defaultRentalPrice(id).source.length).toBeGreaterThan(20);
    expect(defaultRentalPrice('b200')).toBe(RENTAL_PRICE_FALLBACK);
    expect(defaultRentalPrice('h100-sxm').value).toBeCloseTo((2.49 + 2.85) / 2, 9);
  });

  it('rejects a negative price', () => {
    expect(() => estimateRentalCost({ acceleratorId: 'h800', gpuHours: 1, usdPerGpuHour: -2 })).toThrow(InputError);
    expect(() => estimateRentalCost({ acceleratorId: 'h800', gpuHours: 1, usdPerGpuHour: -2 })).toThrow(/pricing.usdPerGpuHour = -2: must be a finite number ≥ 0/);
  });
});

describe('owned cost', () => {
  it('capex / (years · 8,760 h) per GPU-hour plus electricity: 8 GPUs, 1,000 h, $52,560, 3 y, 36 GJ at $0.10/kWh', () => {
    const cost = estimateOwnedCost({ gpus: 8, seconds: 3.6e6, facilityJoules: 3.6e10, capexUsdPerGpu: 52_560, amortisationYears: 3, electricityUsdPerKwh: 0.1 });
    // 52,560 / 26,280 h = $2 per GPU-hour · 8,000 GPU-h = $16,000; 36 GJ = 10,000 kWh · $0.10 = $1,000
    expect(cost.hardwareUsd).toBeCloseTo(16_000, 6);
    expect(cost.energyUsd).toBeCloseTo(1_000, 6);
    expect(cost.usd).toBeCloseTo(17_000, 6);
    expect(cost.usdPerGpuHour).toBeCloseTo(17_000 / 8000, 9);
  });

  it('defaults: the data-center server price over 3 years and its electricity price (§4.5)', () => {
    const cost = estimateOwnedCost({ gpus: 1, seconds: 3600, facilityJoules: 3.6e6 });
    expect(cost.hardwareUsd).toBeCloseTo(COSTS.serverUsdPerGpu.value / (3 * 8760), 9);
    expect(cost.energyUsd).toBeCloseTo(COSTS.electricityUsdPerKwh.value, 12);
  });

  it('rejects zero amortisation years and a negative electricity price', () => {
    expect(() => estimateOwnedCost({ gpus: 1, seconds: 1, facilityJoules: 1, amortisationYears: 0 })).toThrow(/pricing.amortisationYears/);
    expect(() => estimateOwnedCost({ gpus: 1, seconds: 1, facilityJoules: 1, electricityUsdPerKwh: -1 })).toThrow(InputError);
  });
});

describe('estimateCarbon', () => {
  it('1 GWh at the default 458 g/kWh (Ember 2025 global average) = 458 t CO2e', () => {
    const carbon = estimateCarbon({ facilityJoules: 3.6e12 });
    expect(carbon.tonnesCo2e).toBeCloseTo(458, 9);
    expect(carbon.gramsPerKwh).toBe(458);
    expect(carbon.source).toMatch(/Ember/);
  });

  it('an overridden intensity (France 56 g/kWh, §4.7) scales linearly', () => {
    expect(estimateCarbon({ facilityJoules: 3.6e12, gridGramsCo2ePerKwh: 56 }).tonnesCo2e).toBeCloseTo(56, 9);
  });

  it('rejects a negative intensity', () => {
    expect(() => estimateCarbon({ facilityJoules: 1, gridGramsCo2ePerKwh: -5 })).toThrow(InputError);
  });
});
