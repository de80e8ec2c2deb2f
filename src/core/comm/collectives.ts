/**
 * Collective cost on the topology: all-reduce, reduce-scatter, all-gather of `bytes` over a placed
 * group, by a named algorithm or by NCCL-style selection (`auto`: the fastest algorithm that
 * implements the collective, as NCCL's tuner picks per size from its own cost model,
 * src/graph/tuning.cc; ties go to the first in registry order).
 */
import { COLLECTIVE_ALGORITHMS, COLLECTIVE_ALGORITHM_IDS } from './algorithms.js';
import type { CollectiveAlgorithmId } from './algorithms.js';
import type { CollectiveAlgorithm, CollectiveKind } from './collective-algorithm.js';
import type { Links } from './links.js';
import type { GroupPlacement } from './place-groups.js';

export interface CollectiveCost {
  readonly seconds: number;
  readonly algorithm: CollectiveAlgorithmId;
}

export type AlgorithmChoice = CollectiveAlgorithmId | 'auto';

/**
 * Seconds of one `kind` collective of `bytes` [bytes, NCCL's S] over `group` on `links`, and the
 * algorithm that gives them. A named algorithm that does not implement `kind` falls back to `auto`
 * (NCCL likewise runs reduce-scatter / all-gather on rings when tree is requested).
 */
export function collectiveCost(kind: CollectiveKind, bytes: number, group: GroupPlacement, links: Links, algorithm: AlgorithmChoice = 'auto'): CollectiveCost {
  if (algorithm !== 'auto') {
    const chosen: CollectiveAlgorithm = COLLECTIVE_ALGORITHMS[algorithm];
    if (chosen.kinds.includes(kind)) return { seconds: chosen.seconds(kind, bytes, group, links), algorithm };
  }
  let best: CollectiveCost | null = null;
  for (let i = 0; i < COLLECTIVE_ALGORITHM_IDS.length; i += 1) {
    const id = COLLECTIVE_ALGORITHM_IDS[i];
    if (id === undefined) continue;
    const candidate: CollectiveAlgorithm = COLLECTIVE_ALGORITHMS[id];
    if (!candidate.kinds.includes(kind)) continue;
    const seconds = candidate.seconds(kind, bytes, group, links);
    if (best === null || seconds < best.seconds) best = { seconds, algorithm: id };
  }
  return best ?? { seconds: 0, algorithm: 'ring' };
}

/** All-reduce of `bytes` [bytes] over `group` [s]. Ring: 2(n−1)·α + 2(n−1)/n · bytes / B. */
export function allReduceSeconds(bytes: number, group: GroupPlacement, links: Links, algorithm: AlgorithmChoice = 'auto'): number {
  return collectiveCost('all-reduce', bytes, group, links, algorithm).seconds;
}

/** Reduce-scatter of a `bytes` input [bytes] over `group` [s]. Ring: (n−1)·α + (n−1)/n · bytes / B. */
export function reduceScatterSeconds(bytes: number, group: GroupPlacement, links: Links, algorithm: AlgorithmChoice = 'auto'): number {
  return collectiveCost('reduce-scatter', bytes, group, links, algorithm).seconds;
}

/** All-gather of a `bytes` output [bytes] over `group` [s]. Ring: (n−1)·α + (n−1)/n · bytes / B. */
export function allGatherSeconds(bytes: number, group: GroupPlacement, links: Links, algorithm: AlgorithmChoice = 'auto'): number {
  return collectiveCost('all-gather', bytes, group, links, algorithm).seconds;
}
