import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { compareBlockSizes } from './block-sizes.js';
import { DEFAULT_REDUNDANCY } from './redundancy.js';
import { sizeDatacenter } from './size.js';

const ready = { powerAvailable: true, permitted: true };

describe('compareBlockSizes: block size weighed against the shared site cost and the edge price', () => {
  it('2,048 H100 growing 256 → 2,048 GPUs over 3 years: 250 kW edge blocks strand less than 2 MW blocks but cost more', () => {
    const sizing = sizeDatacenter({ accelerator: ACCELERATORS['h100-sxm'], gpus: 2048, cooling: 'direct-to-chip' });
    const schedule = [{ month: 12, gpus: 256 }, { month: 24, gpus: 768 }, { month: 36, gpus: 2048 }];
    const options = compareBlockSizes({ sizing, cooling: 'direct-to-chip', redundancy: DEFAULT_REDUNDANCY, growth: { schedule, site: ready, horizonMonth: 48 } });
    const small = options.find((o) => o.blockItWatts === 250e3);
    const large = options.find((o) => o.blockItWatts === 2e6);
    expect(small?.edge).toBe(true);
    expect(large?.edge).toBe(false);
    expect(small?.strandedItWattMonths ?? Infinity).toBeLessThan(large?.strandedItWattMonths ?? 0);
    expect(small?.facilityUsdPerItWatt ?? 0).toBeGreaterThan(large?.facilityUsdPerItWatt ?? Infinity);
    // The shared site part is 10 % of each option's capex, paid with its first block.
    for (const o of options) expect(o.sharedSiteUsd).toBeCloseTo(0.1 * o.totalCapexUsd, 3);
  });

  it('a block too small for one rack is left out: a GB200 NVL72 rack with its 25 % support (150 kW) fits 250 kW; a 136 kW GB300 rack with 100 % support (272 kW) does not', () => {
    const sizing = sizeDatacenter({ accelerator: ACCELERATORS.gb200, gpus: 720, cooling: 'direct-to-chip' });
    const options = compareBlockSizes({ sizing, cooling: 'direct-to-chip', redundancy: DEFAULT_REDUNDANCY, growth: { schedule: [{ month: 12, gpus: 720 }], site: ready } });
    expect(options.map((o) => o.blockItWatts)).toEqual([250e3, 500e3, 1e6, 2e6]);
    const heavy = sizeDatacenter({ accelerator: ACCELERATORS.gb300, gpus: 720, cooling: 'direct-to-chip', supportItFraction: 1 });
    expect(compareBlockSizes({ sizing: heavy, cooling: 'direct-to-chip', redundancy: DEFAULT_REDUNDANCY, growth: { schedule: [{ month: 12, gpus: 720 }], site: ready } }).map((o) => o.blockItWatts)).toEqual([500e3, 1e6, 2e6]);
  });
});

describe('compareBlockSizes keeps to sizes a site weighs', () => {
  it('10 M H100 (~16 GW): sizes above 10,000 blocks are left out, so no 250 kW … 1 MW blocks', () => {
    const sizing = sizeDatacenter({ accelerator: ACCELERATORS['h100-sxm'], gpus: 10_000_000, cooling: 'direct-to-chip' });
    const options = compareBlockSizes({ sizing, cooling: 'direct-to-chip', redundancy: DEFAULT_REDUNDANCY, growth: { schedule: [{ month: 0, gpus: 10_000_000 }], site: ready } });
    expect(options.map((o) => o.blockItWatts)).toEqual([2e6]);
  });
});
