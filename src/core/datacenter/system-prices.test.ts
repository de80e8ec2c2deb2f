import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { COSTS } from './defaults.js';
import { SYSTEM_PRICES, defaultServerUsdPerGpu } from './system-prices.js';

describe('system purchase prices (datacenter-references.md, Prices)', () => {
  it('DGX H100: $270K / 8 = $33,750 per GPU, inside the published $270–317K for an 8-GPU H100 server', () => {
    const perGpu = defaultServerUsdPerGpu(ACCELERATORS['h100-sxm']);
    expect(perGpu.value).toBe(33_750);
    expect(8 * perGpu.value).toBeGreaterThanOrEqual(270_000);
    expect(8 * perGpu.value).toBeLessThanOrEqual(317_000);
  });

  it('DGX A100 launch price $199,000 / 8 = $24,875 per GPU', () => {
    expect(defaultServerUsdPerGpu(ACCELERATORS['a100-80gb']).value).toBe(24_875);
  });

  it('GB200 NVL72 rack ≈ $3.0M / 72 GPUs ≈ $41.7K per GPU; DGX B200 $515,410 / 8 ≈ $64.4K', () => {
    expect(defaultServerUsdPerGpu(ACCELERATORS.gb200).value).toBeCloseTo(3e6 / 72, 6);
    expect(defaultServerUsdPerGpu(ACCELERATORS.b200).value).toBeCloseTo(515_410 / 8, 6);
  });

  it('prices differ between A100, H100, B200 and GB200 systems (no single per-GPU figure)', () => {
    const ids = ['a100-80gb', 'h100-sxm', 'b200', 'gb200'] as const;
    const values = new Set(ids.map((id) => defaultServerUsdPerGpu(ACCELERATORS[id]).value));
    expect(values.size).toBe(ids.length);
  });

  it.each(Object.entries(SYSTEM_PRICES))('%s carries a unit, a confidence and a dated source', (_id, p) => {
    expect(p.unit).toMatch(/^USD per/);
    expect(p.source).toMatch(/20\d\d/);
  });

  it('only the H100 figures ($270K DGX, $317K HGX) are in the stored references: every other price says UNVERIFIED or is an assumption', () => {
    for (const [id, p] of Object.entries(SYSTEM_PRICES)) {
      if (p.source.startsWith('datacenter-references.md')) {
        expect([270_000, 317_000], id).toContain(p.value);
        continue;
      }
      if (p.confidence !== 'assumption') expect(p.source, id).toMatch(/UNVERIFIED/);
    }
  });

  it('an accelerator without a system price falls back to COSTS.serverUsdPerGpu', () => {
    expect(defaultServerUsdPerGpu({ id: 'custom', system: ACCELERATORS.b200.system })).toBe(COSTS.serverUsdPerGpu);
  });
});
