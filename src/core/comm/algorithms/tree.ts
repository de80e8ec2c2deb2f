/**
 * NCCL double binary tree all-reduce (Sanders et al. 2009; NVIDIA blog "Massively Scale Your Deep
 * Learning Training with NCCL 2.4", 2019): a chain inside each domain and two complementary binary
 * trees across the d domains, reduce up and broadcast down, pipelined.
 *   latency   = 2 · ((k−1)·α_up + ⌈log2 d⌉·α_out)        (chain, then tree depth; up and down)
 *   bandwidth = 2 · S / (c · B)
 * Every rank receives S during the reduce (S/2 from each of two children, or S/2 per tree) and S
 * during the broadcast, so 2S crosses its receive side: the tree trades the ring's 2(n−1)/n factor
 * for logarithmic latency. c = TREE_BANDWIDTH_CORRECTION (NCCL's tuner derates tree bus bandwidth
 * to 0.92 of ring's, src/graph/tuning.cc `busBw*.92`). NCCL implements tree for all-reduce only.
 */
import type { CollectiveAlgorithm } from '../collective-algorithm.js';
import { bottleneckBandwidth } from '../collective-algorithm.js';

/** Fraction of the ring's bus bandwidth a tree achieves (NCCL src/graph/tuning.cc, tree `busBw*.92`). */
export const TREE_BANDWIDTH_CORRECTION = 0.92;

export const tree: CollectiveAlgorithm = {
  id: 'tree',
  description: 'NCCL double binary tree all-reduce: intra-domain chain + inter-domain trees; latency 2((k−1)α_up + ⌈log2 d⌉α_out), bandwidth 2S/(0.92·B)',
  kinds: ['all-reduce'],
  seconds(_kind, bytes, group, links) {
    if (group.size <= 1) return 0;
    const chainSteps = group.inDomain - 1;
    const treeDepth = group.domains > 1 ? Math.ceil(Math.log2(group.domains)) : 0;
    const latency = 2 * (chainSteps * links.scaleUp.latencySeconds + treeDepth * links.scaleOut.latencySeconds);
    return latency + (2 * bytes) / (TREE_BANDWIDTH_CORRECTION * bottleneckBandwidth(group, links));
  },
};
