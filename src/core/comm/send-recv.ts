/**
 * Point-to-point send/recv at a pipeline-stage boundary or a context-parallel ring step
 * (NCCL bus factor 1: the whole message crosses one link). The tier is the group's: a pipeline (or CP)
 * group that spans several scale-up domains has at least one boundary between domains, and the
 * slowest boundary sets the pace of a lock-step schedule, so it is priced on scale-out. Each GPU
 * sends over its own NIC (one per GPU), so TP/CP peers sending their own slices do not share one.
 */
import type { Links, Tier } from './links.js';
import { tierLink } from './links.js';
import type { GroupPlacement } from './place-groups.js';

/** Tier of the slowest neighbour-to-neighbour hop in `group`. */
export function pointToPointTier(group: GroupPlacement): Tier {
  return group.domains > 1 ? 'scale-out' : 'scale-up';
}

/**
 * Seconds of sending `bytes` [bytes] to the next rank of `group`: t = α + bytes / B on the group's
 * tier; 0 for a group of one (no boundary). [s]
 */
export function sendRecvSeconds(bytes: number, group: GroupPlacement, links: Links): number {
  if (group.size <= 1) return 0;
  const link = tierLink(links, pointToPointTier(group));
  return link.latencySeconds + bytes / link.bandwidthBytesPerSec;
}
