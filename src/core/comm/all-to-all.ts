/**
 * Flat all-to-all (NCCL grouped send/recv; nccl-tests bus factor (n−1)/n).
 * Each rank holds S bytes, S/n for every peer (itself included). Of its n−1 outgoing slices,
 * k−1 go to peers in its own domain (scale-up) and n−k to other domains (scale-out, over its own
 * NIC). The two tiers transfer at the same time, so the slower one sets the time.
 */
import type { Links } from './links.js';
import type { GroupPlacement } from './place-groups.js';

/** Bytes one rank sends on each tier and the seconds it takes (the busiest rank when imbalanced). */
export interface AllToAllCost {
  /** Bytes the rank sends over the scale-up link [bytes]. */
  readonly scaleUpBytes: number;
  /** Bytes the rank sends over its NIC [bytes]. */
  readonly scaleOutBytes: number;
  readonly seconds: number;
}

/**
 * Seconds of transferring `scaleUpBytes` and `scaleOutBytes` concurrently, plus one latency per tier
 * used: t = max(up / B_up, out / B_out) + α_up·[up > 0] + α_out·[out > 0]. [s]
 */
export function twoTierTransferSeconds(scaleUpBytes: number, scaleOutBytes: number, links: Links): number {
  const upSeconds = scaleUpBytes / links.scaleUp.bandwidthBytesPerSec;
  const outSeconds = scaleOutBytes / links.scaleOut.bandwidthBytesPerSec;
  const latency = (scaleUpBytes > 0 ? links.scaleUp.latencySeconds : 0) + (scaleOutBytes > 0 ? links.scaleOut.latencySeconds : 0);
  return Math.max(upSeconds, outSeconds) + latency;
}

/**
 * All-to-all of a `bytes` send buffer per rank over `group`:
 *   scaleUpBytes  = (k−1)/n · S,  scaleOutBytes = (n−k)/n · S   (total (n−1)/n · S, NCCL's factor)
 * with n = group size, k = members per domain. [bytes, s]
 */
export function allToAllCost(bytes: number, group: GroupPlacement, links: Links): AllToAllCost {
  const n = group.size;
  const k = group.inDomain;
  const scaleUpBytes = ((k - 1) / n) * bytes;
  const scaleOutBytes = ((n - k) / n) * bytes;
  return { scaleUpBytes, scaleOutBytes, seconds: twoTierTransferSeconds(scaleUpBytes, scaleOutBytes, links) };
}

/** Seconds of an all-to-all of a `bytes` send buffer per rank over `group` [s]. */
export function allToAllSeconds(bytes: number, group: GroupPlacement, links: Links): number {
  return allToAllCost(bytes, group, links).seconds;
}
