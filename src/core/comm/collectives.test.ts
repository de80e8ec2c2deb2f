import { describe, expect, it } from 'vitest';
import { allGatherSeconds, allReduceSeconds, collectiveCost, reduceScatterSeconds } from './collectives.js';
import type { Links } from './links.js';
import { createGroupPlacement } from './place-groups.js';

const alphaUp = 3e-6;
const alphaOut = 4e-6;
const bUp = 400e9;
const bOut = 40e9;
const links: Links = {
  scaleUp: { bandwidthBytesPerSec: bUp, latencySeconds: alphaUp },
  scaleOut: { bandwidthBytesPerSec: bOut, latencySeconds: alphaOut },
};
const S = 1e9;

describe('ring', () => {
  it('allReduceSeconds(bytes, ring of 8) equals 2·(n−1)/n · bytes / bandwidth + 2(n−1)·latency', () => {
    const n = 8;
    const expected = ((2 * (n - 1)) / n) * (S / bUp) + 2 * (n - 1) * alphaUp;
    expect(allReduceSeconds(S, createGroupPlacement(8, 8), links, 'ring')).toBeCloseTo(expected, 12);
  });

  it('reduceScatterSeconds and allGatherSeconds(bytes, ring of 8) equal (n−1)/n · bytes / bandwidth + (n−1)·latency', () => {
    const expected = (7 / 8) * (S / bUp) + 7 * alphaUp;
    expect(reduceScatterSeconds(S, createGroupPlacement(8, 8), links, 'ring')).toBeCloseTo(expected, 12);
    expect(allGatherSeconds(S, createGroupPlacement(8, 8), links, 'ring')).toBeCloseTo(expected, 12);
  });

  it('allReduceSeconds(bytes, ring of 64 over 8 domains of 8) runs at min(B_up, 8·B_out); 2(d−1) steps pay the scale-out latency', () => {
    const n = 64;
    const expected = ((2 * (n - 1)) / n) * (S / Math.min(bUp, 8 * bOut)) + 2 * (n - 8) * alphaUp + 2 * 7 * alphaOut;
    expect(allReduceSeconds(S, createGroupPlacement(64, 8), links, 'ring')).toBeCloseTo(expected, 12);
  });

  it('allReduceSeconds(bytes, ring of 16 with one rank per domain) runs at the NIC bandwidth', () => {
    const expected = ((2 * 15) / 16) * (S / bOut) + 2 * 15 * alphaOut;
    expect(allReduceSeconds(S, createGroupPlacement(16, 1), links, 'ring')).toBeCloseTo(expected, 12);
  });
});

describe('tree', () => {
  it('allReduceSeconds(bytes, tree over 32 domains of 8) equals 2·S/(0.92·B) + 2·((k−1)·α_up + log2(d)·α_out)', () => {
    const expected = (2 * S) / (0.92 * Math.min(bUp, 8 * bOut)) + 2 * (7 * alphaUp + 5 * alphaOut);
    expect(allReduceSeconds(S, createGroupPlacement(256, 8), links, 'tree')).toBeCloseTo(expected, 12);
  });

  it('tree has no reduce-scatter: asking for it falls back to the fastest algorithm that has one', () => {
    const group = createGroupPlacement(64, 8);
    const cost = collectiveCost('reduce-scatter', S, group, links, 'tree');
    expect(cost.algorithm).not.toBe('tree');
    expect(cost.seconds).toBe(collectiveCost('reduce-scatter', S, group, links).seconds);
  });
});

describe('hierarchical', () => {
  it('allReduceSeconds(bytes, hierarchical 8 domains of 8) = intra RS + inter all-reduce of S/k over the NICs + intra AG', () => {
    const k = 8;
    const d = 8;
    const intra = (k - 1) * alphaUp + ((k - 1) / k) * (S / bUp);
    const inter = 2 * (d - 1) * alphaOut + ((2 * (d - 1)) / d) * (S / k / bOut);
    expect(allReduceSeconds(S, createGroupPlacement(64, 8), links, 'hierarchical')).toBeCloseTo(2 * intra + inter, 12);
  });

  it('reduceScatterSeconds(bytes, hierarchical) = intra RS of S + inter RS of S/k', () => {
    const intra = 7 * alphaUp + (7 / 8) * (S / bUp);
    const inter = 3 * alphaOut + (3 / 4) * (S / 8 / bOut);
    expect(reduceScatterSeconds(S, createGroupPlacement(32, 8), links, 'hierarchical')).toBeCloseTo(intra + inter, 12);
  });

  it('equals the flat ring when the group sits in one domain or has one rank per domain', () => {
    for (const group of [createGroupPlacement(8, 8), createGroupPlacement(16, 1)]) {
      expect(allReduceSeconds(S, group, links, 'hierarchical')).toBeCloseTo(allReduceSeconds(S, group, links, 'ring'), 12);
    }
  });
});

describe('auto selection', () => {
  it('collectiveCost(all-reduce, large buffer, 64 over 8 domains) picks the pipelined ring over the sequential hierarchy', () => {
    const cost = collectiveCost('all-reduce', S, createGroupPlacement(64, 8), links);
    expect(cost.algorithm).toBe('ring');
    expect(cost.seconds).toBe(allReduceSeconds(S, createGroupPlacement(64, 8), links, 'ring'));
  });

  it('collectiveCost(all-reduce, 1 KB, 4096 ranks over 512 domains) picks the tree (latency-bound)', () => {
    const cost = collectiveCost('all-reduce', 1e3, createGroupPlacement(4096, 8), links);
    expect(cost.algorithm).toBe('tree');
    expect(cost.seconds).toBeLessThan(allReduceSeconds(1e3, createGroupPlacement(4096, 8), links, 'ring') / 10);
  });

  it('auto is never slower than any named algorithm', () => {
    for (const group of [createGroupPlacement(8, 8), createGroupPlacement(64, 8), createGroupPlacement(512, 1)]) {
      for (const bytes of [1e3, 1e6, 1e9]) {
        const auto = allReduceSeconds(bytes, group, links);
        for (const id of ['ring', 'tree', 'hierarchical'] as const) expect(auto).toBeLessThanOrEqual(allReduceSeconds(bytes, group, links, id));
      }
    }
  });
});
