/** The data-center model over the shared accelerator catalog (src/core/hardware/catalog.ts). */
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { COOLING_IDS } from './cooling/registry.js';
import { compatibleCooling } from './racks.js';
import { sizeDatacenter } from './size.js';

const entries = Object.values(ACCELERATORS);

describe('catalog accelerators', () => {
  it.each(entries.map((a) => [a.id, a] as const))('%s sizes at 8,192 GPUs on direct-to-chip liquid', (_id, accelerator) => {
    const s = sizeDatacenter({ accelerator, gpus: 8192, cooling: 'direct-to-chip' });
    expect(s.gpusInstalled).toBeGreaterThanOrEqual(8192);
    expect(s.racks.rackWatts).toBeLessThanOrEqual(s.racks.maxRackWatts);
    expect(s.facility.averageWatts).toBeGreaterThan(s.power.itAverageWatts);
    expect(s.blocks.builtItWatts).toBeGreaterThanOrEqual(s.power.itNameplateWatts);
  });

  it('NVL72 racks (GB200, GB300) fit only direct-to-chip liquid; 8-GPU servers fit air', () => {
    for (const a of entries) {
      const fits = compatibleCooling(a, COOLING_IDS);
      if (a.system.gpus === 72) expect(fits).toEqual(['direct-to-chip']);
      else expect(fits).toContain('air');
    }
  });

  it('DGX H100 in the catalog keeps 4 systems (40.8 kW) per air-cooled rack', () => {
    const s = sizeDatacenter({ accelerator: ACCELERATORS['h100-sxm'], gpus: 1016, cooling: 'air' });
    expect(s.racks).toMatchObject({ unitsPerRack: 4, rackWatts: 40_800, limitedByCooling: false, totalRacks: 38 });
  });
});
