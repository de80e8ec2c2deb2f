import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { Links } from './links.js';
import type { MoeAllToAllInput } from './moe-all-to-all.js';
import { expectedRemoteDomains, moeAllToAllCost } from './moe-all-to-all.js';
import { createGroupPlacement, type GroupPlacement } from './place-groups.js';

const links: Links = {
  scaleUp: { bandwidthBytesPerSec: 160e9, latencySeconds: 3.33e-6 },
  scaleOut: { bandwidthBytesPerSec: 40e9, latencySeconds: 3.7e-6 },
};

/** DeepSeek-V3 dispatch: 4096 tokens, top-8, hidden 7168, FP8 + 1x128 scales, ≤ 4 nodes (TR §3.2.2, §3.3). */
const deepseekDispatch: MoeAllToAllInput = {
  tokens: 4096,
  topK: 8,
  hidden: 7168,
  bytesPerElement: 1 + 4 / 128,
  loadImbalance: 1,
  maxNodesPerToken: 4,
  deduplicate: true,
};
const ep64 = createGroupPlacement(64, 8);

/** Deterministic 32-bit generator (mulberry32) for the Monte-Carlo check. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulate the routing model: pick m of d domains at random, drop K experts uniformly on them, count remote ones. */
function simulatedRemoteDomains(topK: number, domains: number, limit: number, trials: number): number {
  const next = random(7);
  let remote = 0;
  for (let t = 0; t < trials; t += 1) {
    const own = Math.floor(next() * domains);
    const pool = Array.from({ length: domains }, (_, i) => i);
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j] ?? 0, pool[i] ?? 0];
    }
    const chosen = pool.slice(0, Math.min(limit, domains));
    const hit = new Set<number>();
    for (let k = 0; k < topK; k += 1) hit.add(chosen[Math.floor(next() * chosen.length)] ?? 0);
    hit.delete(own);
    remote += hit.size;
  }
  return remote / trials;
}

describe('expectedRemoteDomains', () => {
  it('expectedRemoteDomains(top-8, 8 nodes, ≤ 4 nodes) = 7/8 · 4 · (1 − (3/4)^8) ≈ 3.15 (DeepSeek-V3)', () => {
    expect(expectedRemoteDomains(8, 8, 4)).toBeCloseTo((7 / 8) * 4 * (1 - 0.75 ** 8), 12);
    expect(expectedRemoteDomains(8, 8, 4)).toBeCloseTo(3.15, 2);
  });

  it('one expert per token is remote with probability (d−1)/d; one domain has no remote target', () => {
    expect(expectedRemoteDomains(1, 8, null)).toBeCloseTo(7 / 8, 12);
    expect(expectedRemoteDomains(8, 1, 4)).toBe(0);
  });

  it.each([
    [8, 8, 4],
    [8, 16, 16],
    [6, 4, 2],
    [2, 32, 32],
  ])('agrees with a Monte-Carlo run of the routing model (top-%i, %i domains, limit %i)', (topK, domains, limit) => {
    expect(expectedRemoteDomains(topK, domains, limit)).toBeCloseTo(simulatedRemoteDomains(topK, domains, limit, 40_000), 1);
  });
});

describe('moeAllToAllCost', () => {
  it('plain dispatch moves tokens·topK·hidden·bytes·(ep−1)/ep per rank, split (k−1)/ep on scale-up and (ep−k)/ep on scale-out', () => {
    const input = { ...deepseekDispatch, deduplicate: false, bytesPerElement: 2 };
    const cost = moeAllToAllCost(input, ep64, links);
    const perCopy = 4096 * 7168 * 2;
    expect(cost.scaleUpBytes + cost.scaleOutBytes).toBeCloseTo(perCopy * 8 * (63 / 64), 0);
    expect(cost.scaleUpBytes).toBeCloseTo(perCopy * 8 * (7 / 64), 0);
    expect(cost.scaleOutBytes).toBeCloseTo(perCopy * 8 * (56 / 64), 0);
    expect(cost.seconds).toBeCloseTo(cost.scaleOutBytes / 40e9 + 3.33e-6 + 3.7e-6, 12);
  });

  it('an EP group straddling two NVL72 racks (8 of its 16 ranks in each) sends the crossing share (ep − k)/ep at scale-out bandwidth', () => {
    // placeGroups: EP 16 of 128 ranks per stage on 72-GPU domains, group 64..79 (place-groups.test.ts).
    const straddling: GroupPlacement = { size: 16, inDomain: 8, domains: 2, tier: 'scale-out', uniform: false };
    const inside = createGroupPlacement(16, 16);
    const input = { ...deepseekDispatch, maxNodesPerToken: null, deduplicate: false, bytesPerElement: 2 };
    const perCopy = 4096 * 7168 * 2;
    const cost = moeAllToAllCost(input, straddling, links);
    expect(cost.scaleOutBytes).toBeCloseTo(perCopy * 8 * (8 / 16), 0);
    expect(cost.scaleUpBytes).toBeCloseTo(perCopy * 8 * (7 / 16), 0);
    expect(cost.seconds).toBeCloseTo(cost.scaleOutBytes / 40e9 + 3.33e-6 + 3.7e-6, 12);
    expect(moeAllToAllCost(input, inside, links).scaleOutBytes).toBe(0);
  });

  it('DeepSeek-V3 deduplicated dispatch sends ≈95 MB per GPU over IB (3.15 remote nodes × 4096 tokens × 7392 B)', () => {
    const cost = moeAllToAllCost(deepseekDispatch, ep64, links);
    expect(cost.scaleOutBytes).toBeCloseTo(4096 * 7392 * expectedRemoteDomains(8, 8, 4), 0);
    expect(cost.scaleOutBytes / 1e6).toBeCloseTo(95.4, 0);
    expect(cost.seconds).toBeGreaterThan(cost.scaleOutBytes / 40e9);
  });

  it('deduplication and node-limited routing cut scale-out bytes below the plain all-to-all', () => {
    const plain = moeAllToAllCost({ ...deepseekDispatch, deduplicate: false }, ep64, links);
    const unlimited = moeAllToAllCost({ ...deepseekDispatch, maxNodesPerToken: null }, ep64, links);
    const limited = moeAllToAllCost(deepseekDispatch, ep64, links);
    expect(limited.scaleOutBytes).toBeLessThan(unlimited.scaleOutBytes);
    expect(unlimited.scaleOutBytes).toBeLessThan(plain.scaleOutBytes);
  });

  it('an EP group inside one domain sends nothing over scale-out', () => {
    const cost = moeAllToAllCost(deepseekDispatch, createGroupPlacement(8, 8), links);
    expect(cost.scaleOutBytes).toBe(0);
    expect(cost.scaleUpBytes).toBeGreaterThan(0);
    expect(cost.seconds).toBeCloseTo(cost.scaleUpBytes / 160e9 + 3.33e-6, 12);
  });

  it('the load-imbalance factor scales the busiest rank’s bytes linearly', () => {
    const balanced = moeAllToAllCost(deepseekDispatch, ep64, links);
    const skewed = moeAllToAllCost({ ...deepseekDispatch, loadImbalance: 1.5 }, ep64, links);
    expect(skewed.scaleOutBytes).toBeCloseTo(1.5 * balanced.scaleOutBytes, 3);
    expect(skewed.scaleUpBytes).toBeCloseTo(1.5 * balanced.scaleUpBytes, 3);
  });

  it('ep 1 costs nothing', () => {
    expect(moeAllToAllCost(deepseekDispatch, createGroupPlacement(1, 1), links)).toEqual({ scaleUpBytes: 0, scaleOutBytes: 0, seconds: 0 });
  });

  it('rejects a load imbalance below 1 and a non-integer node limit', () => {
    const fieldOf = (input: MoeAllToAllInput): string => {
      try {
        moeAllToAllCost(input, ep64, links);
      } catch (error) {
        if (error instanceof InputError) return error.field;
      }
      return 'none';
    };
    expect(fieldOf({ ...deepseekDispatch, loadImbalance: 0.9 })).toBe('moe.loadImbalance');
    expect(fieldOf({ ...deepseekDispatch, maxNodesPerToken: 2.5 })).toBe('moe.maxNodesPerToken');
    expect(fieldOf({ ...deepseekDispatch, tokens: -1 })).toBe('moe.tokens');
  });
});
