/**
 * The contract every collective algorithm in COLLECTIVE_ALGORITHMS must keep, run on every
 * algorithm × every kind it implements × a set of placements (inside a domain, across domains).
 */
import { describe, expect, it } from 'vitest';
import { COLLECTIVE_ALGORITHMS } from './algorithms.js';
import type { CollectiveAlgorithm } from './collective-algorithm.js';
import { BUS_BANDWIDTH_FACTOR, COLLECTIVE_KINDS, bottleneckBandwidth } from './collective-algorithm.js';
import type { Links } from './links.js';
import type { GroupPlacement } from './place-groups.js';
import { createGroupPlacement } from './place-groups.js';

const links: Links = {
  scaleUp: { bandwidthBytesPerSec: 360e9, latencySeconds: 3.33e-6 },
  scaleOut: { bandwidthBytesPerSec: 40e9, latencySeconds: 3.7e-6 },
};
const noLatency: Links = {
  scaleUp: { ...links.scaleUp, latencySeconds: 0 },
  scaleOut: { ...links.scaleOut, latencySeconds: 0 },
};

const groups: [string, GroupPlacement][] = [
  ['ring of 2 in one domain', createGroupPlacement(2, 2)],
  ['ring of 8 in one domain', createGroupPlacement(8, 8)],
  ['72 in one NVL72 domain', createGroupPlacement(72, 72)],
  ['16 across 16 domains (1 per domain)', createGroupPlacement(16, 1)],
  ['64 across 8 domains of 8', createGroupPlacement(64, 8)],
  ['1024 across 256 domains of 4', createGroupPlacement(1024, 4)],
  ['uneven: 16 with ≥8 per domain over ≤2 domains', { size: 16, inDomain: 8, domains: 2, tier: 'scale-out', uniform: false }],
];

const cases = Object.entries(COLLECTIVE_ALGORITHMS).flatMap(([key, algorithm]: [string, CollectiveAlgorithm]) =>
  algorithm.kinds.map((kind) => ({ key, algorithm, kind })),
);

describe('COLLECTIVE_ALGORITHMS', () => {
  it.each(Object.entries(COLLECTIVE_ALGORITHMS))('%s: id equals its registry key, has a description and implements all-reduce', (key, algorithm) => {
    expect(algorithm.id).toBe(key);
    expect(algorithm.description.length).toBeGreaterThan(20);
    expect(algorithm.kinds).toContain('all-reduce');
    for (const kind of algorithm.kinds) expect(COLLECTIVE_KINDS).toContain(kind);
  });
});

describe.each(cases)('contract: $key $kind', ({ algorithm, kind }) => {
  const seconds = (bytes: number, group: GroupPlacement, on: Links = links): number => algorithm.seconds(kind, bytes, group, on);

  it('seconds(bytes, group of 1) is 0', () => {
    expect(seconds(1e9, createGroupPlacement(1, 1))).toBe(0);
  });

  it.each(groups)('on %s: seconds are affine in bytes with a non-negative latency term', (_name, group) => {
    const zero = seconds(0, group);
    expect(zero).toBeGreaterThanOrEqual(0);
    expect(seconds(2e9, group) - seconds(1e9, group)).toBeCloseTo(seconds(1e9, group) - zero, 9);
    expect(seconds(0, group, noLatency)).toBe(0);
  });

  it.each(groups)('on %s: never beats the NCCL bus-bandwidth bound factor·S/B at the bottleneck link', (_name, group) => {
    const bytes = 1e9;
    const bound = (BUS_BANDWIDTH_FACTOR[kind](group.size) * bytes) / bottleneckBandwidth(group, noLatency);
    expect(seconds(bytes, group, noLatency)).toBeGreaterThanOrEqual(bound * (1 - 1e-12));
  });

  it.each(groups)('on %s: doubling both bandwidths halves the bandwidth term', (_name, group) => {
    const faster: Links = {
      scaleUp: { ...noLatency.scaleUp, bandwidthBytesPerSec: 2 * noLatency.scaleUp.bandwidthBytesPerSec },
      scaleOut: { ...noLatency.scaleOut, bandwidthBytesPerSec: 2 * noLatency.scaleOut.bandwidthBytesPerSec },
    };
    expect(seconds(1e9, group, faster)).toBeCloseTo(seconds(1e9, group, noLatency) / 2, 12);
  });

  it('a group inside one domain does not touch the scale-out link', () => {
    const slowOut: Links = { ...links, scaleOut: { bandwidthBytesPerSec: 1, latencySeconds: 1 } };
    const group = createGroupPlacement(8, 8);
    expect(seconds(1e9, group, slowOut)).toBe(seconds(1e9, group));
  });

  it('a group across domains is slower when the scale-out link is slower', () => {
    const slowOut: Links = { ...links, scaleOut: { ...links.scaleOut, bandwidthBytesPerSec: links.scaleOut.bandwidthBytesPerSec / 4 } };
    const group = createGroupPlacement(64, 8);
    expect(seconds(1e9, group, slowOut)).toBeGreaterThan(seconds(1e9, group));
  });
});
