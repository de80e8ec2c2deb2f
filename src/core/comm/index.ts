/**
 * Communication cost on the topology: where each parallel group sits (scale-up domain or across
 * domains), and the seconds of its collectives, all-to-alls and point-to-point transfers.
 */
export type { CommLinks, Links, Tier, TierLink } from './links.js';
export { createCommLinks, createLinks, tierLink } from './links.js';
export type { CommEfficiency, TierEfficiency } from './efficiency.js';
export { DEFAULT_COMM_EFFICIENCY } from './efficiency.js';
export type { GroupPlacement, GroupPlacements, PlacementDegrees } from './place-groups.js';
export { createGroupPlacement, placeGroups } from './place-groups.js';
export type { CollectiveAlgorithm, CollectiveKind } from './collective-algorithm.js';
export { BUS_BANDWIDTH_FACTOR, COLLECTIVE_KINDS, bottleneckBandwidth } from './collective-algorithm.js';
export type { CollectiveAlgorithmId } from './algorithms.js';
export { COLLECTIVE_ALGORITHMS, COLLECTIVE_ALGORITHM_IDS } from './algorithms.js';
export type { AlgorithmChoice, CollectiveCost } from './collectives.js';
export { allGatherSeconds, allReduceSeconds, collectiveCost, reduceScatterSeconds } from './collectives.js';
export type { AllToAllCost } from './all-to-all.js';
export { allToAllCost, allToAllSeconds, twoTierTransferSeconds } from './all-to-all.js';
export type { MoeAllToAllInput } from './moe-all-to-all.js';
export { expectedRemoteDomains, moeAllToAllCost } from './moe-all-to-all.js';
export { pointToPointTier, sendRecvSeconds } from './send-recv.js';
export { TREE_BANDWIDTH_CORRECTION } from './algorithms/tree.js';
