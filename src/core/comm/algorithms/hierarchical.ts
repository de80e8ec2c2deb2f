/**
 * Hierarchical (two-level) collectives, phases run one after the other (Horovod / Megatron-style
 * 2D all-reduce; NCCL PERFORMANCE.md formulas per phase). For a group of n = k·d ranks, k per domain:
 *   all-reduce = reduce-scatter over the k domain peers (scale-up, S)
 *              + all-reduce over the d domains of the S/k shard (scale-out; the k GPUs of a domain
 *                drive their own NICs in parallel, rail-optimized)
 *              + all-gather over the k domain peers (scale-up, S)
 *   t_AR = 2·[(k−1)·α_up + (k−1)/k · S/B_up] + 2(d−1)·α_out + 2(d−1)/d · (S/k)/B_out
 *   t_RS = t_AG = (k−1)·α_up + (k−1)/k · S/B_up + (d−1)·α_out + (d−1)/d · (S/k)/B_out
 * Fewer latency steps than one flat ring (2(k−1) + 2(d−1) vs 2(n−1)), but the phases add instead of
 * overlapping. With k = 1 or d = 1 it is the flat ring on one tier.
 */
import type { CollectiveAlgorithm } from '../collective-algorithm.js';
import type { TierLink } from '../links.js';

/** One flat ring phase over `ranks` ranks on one link: `passes` = 2 for all-reduce, 1 for RS / AG. */
function ringPhase(passes: number, bytes: number, ranks: number, link: TierLink): number {
  if (ranks <= 1) return 0;
  return passes * ((ranks - 1) * link.latencySeconds + (((ranks - 1) / ranks) * bytes) / link.bandwidthBytesPerSec);
}

export const hierarchical: CollectiveAlgorithm = {
  id: 'hierarchical',
  description: 'Two-level: intra-domain reduce-scatter, inter-domain all-reduce of the 1/k shard over every NIC, intra-domain all-gather (phases in sequence)',
  kinds: ['all-reduce', 'reduce-scatter', 'all-gather'],
  seconds(kind, bytes, group, links) {
    if (group.size <= 1) return 0;
    const k = group.inDomain;
    const d = group.domains;
    const intra = ringPhase(1, bytes, k, links.scaleUp);
    if (kind === 'all-reduce') return 2 * intra + ringPhase(2, bytes / k, d, links.scaleOut);
    return intra + ringPhase(1, bytes / k, d, links.scaleOut);
  },
};
