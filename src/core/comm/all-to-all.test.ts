import { describe, expect, it } from 'vitest';
import { allToAllCost, allToAllSeconds } from './all-to-all.js';
import type { Links } from './links.js';
import { createGroupPlacement } from './place-groups.js';

const links: Links = {
  scaleUp: { bandwidthBytesPerSec: 400e9, latencySeconds: 3e-6 },
  scaleOut: { bandwidthBytesPerSec: 40e9, latencySeconds: 4e-6 },
};

describe('allToAllCost', () => {
  it('allToAllSeconds(bytes, 8 in one domain) equals (n−1)/n · bytes / B_up + α_up', () => {
    expect(allToAllSeconds(1e9, createGroupPlacement(8, 8), links)).toBeCloseTo((7 / 8) * (1e9 / 400e9) + 3e-6, 12);
  });

  it('allToAllCost(bytes, 32 over 4 domains of 8) sends 7/32 of the buffer on scale-up and 24/32 on scale-out, concurrently', () => {
    const cost = allToAllCost(1e9, createGroupPlacement(32, 8), links);
    expect(cost.scaleUpBytes).toBeCloseTo((7 / 32) * 1e9, 0);
    expect(cost.scaleOutBytes).toBeCloseTo((24 / 32) * 1e9, 0);
    expect(cost.seconds).toBeCloseTo(Math.max(cost.scaleUpBytes / 400e9, cost.scaleOutBytes / 40e9) + 3e-6 + 4e-6, 12);
  });

  it('a group of one moves nothing', () => {
    expect(allToAllCost(1e9, createGroupPlacement(1, 1), links)).toEqual({ scaleUpBytes: 0, scaleOutBytes: 0, seconds: 0 });
  });
});
