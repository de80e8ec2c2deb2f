import { describe, expect, it } from 'vitest';
import type { Links } from './links.js';
import { createGroupPlacement } from './place-groups.js';
import { pointToPointTier, sendRecvSeconds } from './send-recv.js';

const links: Links = {
  scaleUp: { bandwidthBytesPerSec: 360e9, latencySeconds: 3.33e-6 },
  scaleOut: { bandwidthBytesPerSec: 40e9, latencySeconds: 3.7e-6 },
};

describe('sendRecvSeconds', () => {
  it('sendRecvSeconds(58.7 MB, pipeline of 16 over 16 nodes) = α_out + bytes / B_out (DeepSeek-V3 boundary activation)', () => {
    const bytes = 4096 * 7168 * 2;
    expect(sendRecvSeconds(bytes, createGroupPlacement(16, 1), links)).toBeCloseTo(3.7e-6 + bytes / 40e9, 12);
  });

  it('a pipeline inside one domain uses the scale-up link', () => {
    const group = createGroupPlacement(4, 4);
    expect(pointToPointTier(group)).toBe('scale-up');
    expect(sendRecvSeconds(1e8, group, links)).toBeCloseTo(3.33e-6 + 1e8 / 360e9, 12);
  });

  it('a pipeline with some stages sharing a domain is paced by its cross-domain boundary', () => {
    expect(pointToPointTier(createGroupPlacement(8, 2))).toBe('scale-out');
  });

  it('a pipeline of one stage has no boundary', () => {
    expect(sendRecvSeconds(1e8, createGroupPlacement(1, 1), links)).toBe(0);
  });
});
