import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { planRetrofit } from './retrofit.js';
import { sizeDatacenter } from './size.js';

describe('planRetrofit: existing 10 kW (and 20 kW) air halls against 30–140 kW AI racks', () => {
  it('an 8-GPU H100 server (10.2 kW) cannot be cooled in a 10 kW rack; at 20 kW 2,048 GPUs take 256 + 12 racks in 3 halls vs 76 racks here', () => {
    const sizing = sizeDatacenter({ accelerator: ACCELERATORS['h100-sxm'], gpus: 2048, cooling: 'direct-to-chip' });
    const [ten, twenty] = planRetrofit(sizing).rows;
    expect(ten).toMatchObject({ rackWatts: 10_000, coolable: false, racks: 0 });
    expect(ten?.reason).toMatch(/10\.2 kW, above a 10\.0 kW air rack/);
    expect(twenty).toMatchObject({ rackWatts: 20_000, coolable: true, unitsPerRack: 1, racks: 268, floorAreaM2: 536, halls: 3 });
    expect(sizing.racks.totalRacks).toBe(76);
  });

  it('a DGX A100 (6.5 kW) fits one per 10 kW rack; a GB200 NVL72 rack (120 kW) fits no existing hall', () => {
    const a100 = planRetrofit(sizeDatacenter({ accelerator: ACCELERATORS['a100-80gb'], gpus: 1024, cooling: 'air' }));
    expect(a100.rows[0]).toMatchObject({ coolable: true, unitsPerRack: 1, racks: 128 + 6 });
    const nvl = planRetrofit(sizeDatacenter({ accelerator: ACCELERATORS.gb200, gpus: 2880, cooling: 'direct-to-chip' }));
    expect(nvl.rows.every((r) => !r.coolable)).toBe(true);
  });
});
