/**
 * The one interface every collective algorithm implements, and the NCCL conventions they share.
 *
 * Conventions (NVIDIA/nccl-tests doc/PERFORMANCE.md, data/network.json kind "collective"):
 * - `bytes` = S, the full buffer: the all-reduce input, the reduce-scatter input
 *   (recvcount·sizeof·n), the all-gather output (sendcount·sizeof·n), the all-to-all send buffer.
 * - busbw = algbw · factor, algbw = S / t. A rank with bandwidth B to the outside world needs at least
 *   t = factor · S / B, "independent of the algorithm used": the factor is the share of S each rank
 *   must move through its bottleneck link.
 */
import type { Links } from './links.js';
import type { GroupPlacement } from './place-groups.js';

export type CollectiveKind = 'all-reduce' | 'reduce-scatter' | 'all-gather';

/** Every kind an algorithm may implement, in a fixed order. */
export const COLLECTIVE_KINDS: readonly CollectiveKind[] = ['all-reduce', 'reduce-scatter', 'all-gather'];

/**
 * NCCL bus-bandwidth factors for n ranks (nccl-tests doc/PERFORMANCE.md): the bytes each rank moves
 * per byte of S. [dimensionless]
 */
export const BUS_BANDWIDTH_FACTOR = {
  'all-reduce': (n: number): number => (2 * (n - 1)) / n,
  'reduce-scatter': (n: number): number => (n - 1) / n,
  'all-gather': (n: number): number => (n - 1) / n,
  'all-to-all': (n: number): number => (n - 1) / n,
  'send-recv': (): number => 1,
} satisfies Record<CollectiveKind | 'all-to-all' | 'send-recv', (n: number) => number>;

export interface CollectiveAlgorithm {
  /** Registry key. */
  readonly id: string;
  /** What it does and where the formula comes from. */
  readonly description: string;
  /** Kinds it implements (NCCL: tree is all-reduce only). */
  readonly kinds: readonly CollectiveKind[];
  /**
   * Seconds of one collective of `bytes` over `group` on `links`: latency terms (α, one per
   * algorithm step) plus bandwidth terms (β = bytes / effective bandwidth). 0 for a group of one.
   * Only called with a kind listed in `kinds`.
   */
  seconds(kind: CollectiveKind, bytes: number, group: GroupPlacement, links: Links): number;
}

/**
 * Per-rank bottleneck bandwidth B of a pipelined algorithm over `group` [bytes/s].
 * Inside one domain: the scale-up link. Across domains, NCCL runs one channel per NIC and the `k`
 * members of a domain drive their own NICs in parallel (rail-optimized), so the domain's egress is
 * k · B_out while each intra-domain hop runs at B_up: B = min(B_up, k · B_out) (B_out alone when k = 1).
 * Multi-node DGX H100 check: min(450, 8 · 50) = 400 GB/s nominal bus bandwidth.
 */
export function bottleneckBandwidth(group: GroupPlacement, links: Links): number {
  const scaleOut = links.scaleOut.bandwidthBytesPerSec;
  if (group.domains === 1) return links.scaleUp.bandwidthBytesPerSec;
  if (group.inDomain === 1) return scaleOut;
  return Math.min(links.scaleUp.bandwidthBytesPerSec, group.inDomain * scaleOut);
}
