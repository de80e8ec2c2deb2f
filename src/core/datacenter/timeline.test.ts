import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../errors.js';
import { ACCELERATORS } from '../hardware/catalog.js';
import { sizeDatacenter } from './size.js';
import { planModularDeployment, planTraditionalDeployment } from './deployment.js';
import { planGrowth } from './timeline.js';

const MW = 1e6;

describe('planGrowth', () => {
  // 1 kW per GPU: 1,000 GPUs = 1 MW; blocks of 2 MW.
  const base = { itWattsPerGpu: 1000, blockItWatts: 2 * MW };

  it('orders each block lead time before it is needed; the shared site cost (10 %) is paid with the first order', () => {
    const p = planGrowth({ ...base, schedule: [{ month: 30, gpus: 1000 }, { month: 36, gpus: 5000 }] });
    const lead = p.modular.leadMonths;
    expect(p.blockOrders.map((b) => [b.neededMonth, b.orderMonth, b.onlineMonth])).toEqual([
      [30, 30 - lead, 30],
      [36, 36 - lead, 36],
      [36, 36 - lead, 36],
    ]);
    // 3 blocks · 2 MW · $10/W = $60M: $6M shared + $18M per block.
    expect(p.modular.sharedSiteUsd).toBeCloseTo(6e6, 3);
    expect(p.modular.capexByMonth).toEqual([
      { month: 30 - lead, capexUsd: 24e6, cumulativeUsd: 24e6 },
      { month: 36 - lead, capexUsd: 36e6, cumulativeUsd: 60e6 },
    ]);
    const upFront = 3 * 2 * MW * 11.7;
    expect(p.upFront.capexByMonth).toHaveLength(1);
    expect(p.upFront.capexByMonth[0]?.month).toBe(30 - p.upFront.leadMonths);
    expect(p.upFront.totalCapexUsd).toBeCloseTo(upFront, 3);
  });

  it('lead times = ⌈deployment critical path⌉: a 2 MW block on a ready site 6 months, the 6 MW hall up front 22', () => {
    const p = planGrowth({ ...base, schedule: [{ month: 30, gpus: 1000 }, { month: 36, gpus: 5000 }] });
    const ready = { powerAvailable: true, permitted: true };
    expect(p.modular.leadMonths).toBe(Math.ceil(planModularDeployment({ facilityWatts: 2 * MW, blocks: 1, site: ready }).months));
    expect(p.modular.leadMonths).toBe(6);
    expect(p.upFront.leadMonths).toBe(Math.ceil(planTraditionalDeployment({ facilityWatts: 6 * MW, blocks: 3, site: ready }).months));
    expect(p.upFront.leadMonths).toBe(22);
  });

  it('a site in the grid queue: the first block waits for the grid (≥ 37 months), later blocks do not', () => {
    const p = planGrowth({ ...base, schedule: [{ month: 0, gpus: 1000 }, { month: 60, gpus: 3000 }], site: {} });
    expect(p.modular.firstLeadMonths).toBeGreaterThanOrEqual(37);
    expect(p.modular.leadMonths).toBe(6);
    expect(p.blockOrders.map((b) => b.onlineMonth)).toEqual([p.modular.firstLeadMonths, 60]);
    expect(p.upFront.firstOnlineMonth).toBeGreaterThanOrEqual(38);
  });

  it('counts stranded MW·months: 1 MW idle for 6 months modular; up front 5 MW for 6 + 1 MW for 1', () => {
    const p = planGrowth({ ...base, schedule: [{ month: 30, gpus: 1000 }, { month: 36, gpus: 5000 }] });
    expect(p.modular.strandedItWattMonths / MW).toBeCloseTo(6 * 1 + 1 * 1, 9);
    expect(p.upFront.strandedItWattMonths / MW).toBeCloseTo(6 * 5 + 1 * 1, 9);
    expect(p.modular.unmetItWattMonths).toBe(0);
  });

  it('reports a late block when the lead time does not fit before the need', () => {
    const p = planGrowth({ ...base, schedule: [{ month: 2, gpus: 1000 }], horizonMonth: 30 });
    const lead = p.modular.leadMonths;
    expect(p.blockOrders[0]).toMatchObject({ orderMonth: 0, onlineMonth: lead, delayMonths: lead - 2 });
    expect(p.upFront.firstOnlineMonth).toBe(p.upFront.leadMonths);
    expect(p.modular.unmetItWattMonths / MW).toBeCloseTo(lead - 2, 9);
    expect(p.upFront.unmetItWattMonths / MW).toBeCloseTo(p.upFront.leadMonths - 2, 9);
  });

  it('pay-as-you-grow never strands more than building every block up front (when neither is late)', () => {
    const schedule = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4000 })), { minLength: 1, maxLength: 8 })
      .map((steps) => {
        let month = 24;
        let gpus = 0;
        return steps.map(([dm, dg]) => ({ month: (month += dm), gpus: (gpus += dg) + 1 }));
      });
    fc.assert(
      fc.property(schedule, fc.double({ min: 0.3, max: 5, noNaN: true }), (s, blockMw) => {
        const p = planGrowth({ ...base, blockItWatts: blockMw * MW, schedule: s });
        return (
          p.modular.strandedItWattMonths <= p.upFront.strandedItWattMonths + 1e-6 &&
          p.modular.blocks === p.upFront.blocks &&
          p.modular.unmetItWattMonths === 0
        );
      }),
    );
  });

  it('rejects an empty, unordered or shrinking schedule and a zero block size', () => {
    const field = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (e) {
        return isInputError(e) ? e.field : 'other';
      }
      return undefined;
    };
    expect(field(() => planGrowth({ ...base, schedule: [] }))).toBe('schedule');
    expect(field(() => planGrowth({ ...base, schedule: [{ month: 5, gpus: 10 }, { month: 5, gpus: 20 }] }))).toBe('schedule[1].month');
    expect(field(() => planGrowth({ ...base, schedule: [{ month: 1, gpus: 20 }, { month: 5, gpus: 10 }] }))).toBe('schedule[1].gpus');
    expect(field(() => planGrowth({ ...base, blockItWatts: 0, schedule: [{ month: 1, gpus: 10 }] }))).toBe('blockItWatts');
    expect(field(() => planGrowth({ ...base, schedule: [{ month: 1, gpus: 10 }], horizonMonth: 1 }))).toBe('horizonMonth');
  });
});

describe('planGrowth packs racks like sizing', () => {
  it('40 GB200 NVL72 racks (2,880 GPUs): 13 racks per 2 MW block → 4 blocks in both sizing and growth (by power alone: 3)', () => {
    const sizing = sizeDatacenter({ accelerator: ACCELERATORS.gb200, gpus: 2880, cooling: 'direct-to-chip' });
    expect(sizing.blocks).toMatchObject({ racksPerBlock: 13, count: 4 });
    const schedule = [{ month: 0, gpus: 2880 }];
    const packed = planGrowth({ schedule, itWattsPerGpu: sizing.power.itWattsPerGpu, gpusPerBlock: 13 * 72 });
    expect(packed.modular.blocks).toBe(sizing.blocks.count);
    expect(planGrowth({ schedule, itWattsPerGpu: sizing.power.itWattsPerGpu }).modular.blocks).toBe(3);
  });

  it('runs to a stated horizon: stranded and unmet are summed over every month before it', () => {
    const p = planGrowth({ itWattsPerGpu: 1000, blockItWatts: 2 * MW, schedule: [{ month: 12, gpus: 1000 }], horizonMonth: 48 });
    expect(p.months).toHaveLength(48);
    expect(p.horizonMonth).toBe(48);
  });
});
