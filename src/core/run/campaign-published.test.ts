import { describe, expect, it } from 'vitest';
import type { Campaign } from './campaign.js';
import { compareCampaign } from './campaign-published.js';

/** A campaign of rows with these GPU-hours (days and USD do not enter the comparison). */
function campaign(gpuHours: readonly number[]): Campaign {
  const rows = gpuHours.map((h, i) => ({ name: `phase ${i}`, gpuHours: h, days: 0, usd: 0 }));
  return { rows, total: { gpuHours: gpuHours.reduce((a, b) => a + b, 0), days: 0, usd: 0 }, usdPerGpuHour: 2, basis: 'ideal' };
}

describe('compareCampaign', () => {
  it('error = 100 · (estimated / published − 1) per phase, and for the total over the distinct figures', () => {
    const c = compareCampaign(campaign([2400, 20, 60, 3]), [
      { gpuHours: 2664, source: 'T1 pre-training' }, { gpuHours: 119, source: 'T1 context' }, { gpuHours: 119, source: 'T1 context' }, { gpuHours: 5, source: 'T1 post' },
    ]);
    expect(c.phases[0]).toEqual({ kind: 'compared', publishedGpuHours: 2664, estimatedGpuHours: 2400, errorPct: 100 * (2400 / 2664 - 1) });
    // The two context-extension phases share one published figure: compared together on the second.
    expect(c.phases[1]).toEqual({ kind: 'with-next' });
    expect(c.phases[2]).toEqual({ kind: 'compared', publishedGpuHours: 119, estimatedGpuHours: 80, errorPct: 100 * (80 / 119 - 1) });
    expect(c.phases[3]).toMatchObject({ kind: 'compared', estimatedGpuHours: 3 });
    expect(c.total).toEqual({ publishedGpuHours: 2664 + 119 + 5, estimatedGpuHours: 2483, errorPct: 100 * (2483 / 2788 - 1) });
  });

  it('the same figure from different sources is compared phase by phase', () => {
    const c = compareCampaign(campaign([10, 30]), [{ gpuHours: 20, source: 'a' }, { gpuHours: 20, source: 'b' }]);
    expect(c.phases.map((p) => p.kind)).toEqual(['compared', 'compared']);
    expect(c.total?.publishedGpuHours).toBe(40);
  });

  it('a phase with nothing published is unpublished, and the total is not compared', () => {
    const c = compareCampaign(campaign([10, 30]), [{ gpuHours: 20 }, {}]);
    expect(c.phases[1]).toEqual({ kind: 'unpublished' });
    expect(c.total).toBeNull();
  });
});
