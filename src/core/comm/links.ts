/**
 * The two network tiers a collective can run on, as effective per-GPU links.
 * Bandwidths are per GPU per direction [bytes/s] (NCCL's `B`, nccl-tests doc/PERFORMANCE.md:
 * "each rank has a bandwidth to the outside world of B"); latencies are one-way per message [s].
 */
import { InputError } from '../errors.js';
import type { Cluster } from '../hardware/types.js';
import type { CommEfficiency, TierEfficiency } from './efficiency.js';

/** `scale-up` = inside one NVLink / NVSwitch / Infinity Fabric domain; `scale-out` = NICs between domains. */
export type Tier = 'scale-up' | 'scale-out';

export interface TierLink {
  /** Effective per-GPU per-direction bandwidth [bytes/s]. */
  readonly bandwidthBytesPerSec: number;
  /** One-way latency of one message / one algorithm step [s]. */
  readonly latencySeconds: number;
}

export interface Links {
  readonly scaleUp: TierLink;
  readonly scaleOut: TierLink;
}

function requireFraction(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1) throw new InputError(field, value, 'must be a fraction in (0, 1]');
  return value;
}

/**
 * Effective links of `cluster` for one kind of traffic: nominal bandwidth × achievable fraction.
 * A scale-up figure that is already achieved (`cluster.scaleUpBandwidthIsAchieved`, H800 160 GB/s)
 * is used as is: the efficiency describes the same loss and must not be applied twice.
 * Units: bytes/s = bytes/s × fraction.
 */
export function createLinks(cluster: Cluster, efficiency: TierEfficiency): Links {
  const scaleUpFraction = cluster.scaleUpBandwidthIsAchieved === true ? 1 : requireFraction('comm.efficiency.scaleUp', efficiency.scaleUp);
  const scaleOutFraction = requireFraction('comm.efficiency.scaleOut', efficiency.scaleOut);
  return {
    scaleUp: {
      bandwidthBytesPerSec: cluster.scaleUpBandwidthBytesPerSec * scaleUpFraction,
      latencySeconds: cluster.scaleUpLatencySeconds,
    },
    scaleOut: {
      bandwidthBytesPerSec: cluster.scaleOutBandwidthBytesPerSec * scaleOutFraction,
      latencySeconds: cluster.scaleOutLatencySeconds,
    },
  };
}

/** Effective links per kind of traffic, each derated by its own efficiency pair. */
export interface CommLinks {
  readonly collective: Links;
  readonly allToAll: Links;
  readonly pointToPoint: Links;
}

/** `createLinks` for each kind of traffic of `efficiency` (defaults: DEFAULT_COMM_EFFICIENCY). */
export function createCommLinks(cluster: Cluster, efficiency: CommEfficiency): CommLinks {
  return {
    collective: createLinks(cluster, efficiency.collective),
    allToAll: createLinks(cluster, efficiency.allToAll),
    pointToPoint: createLinks(cluster, efficiency.pointToPoint),
  };
}

/** The link of one tier. */
export function tierLink(links: Links, tier: Tier): TierLink {
  return tier === 'scale-up' ? links.scaleUp : links.scaleOut;
}
