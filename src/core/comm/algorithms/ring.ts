/**
 * NCCL ring (nccl-tests doc/PERFORMANCE.md; latency split as in NCCL's tuner, src/graph/tuning.cc).
 * All-reduce = reduce-scatter then all-gather around one ring of n ranks: 2(n−1) steps of S/n each.
 * Of the n−1 steps of one pass, d−1 cross a domain boundary (the ring enters each of its d domains
 * once) and pay the scale-out latency; the others pay the scale-up latency:
 *   latency   = passes · [(n − d)·α_up + (d − 1)·α_out]      passes = 2 all-reduce, 1 RS / AG
 *   bandwidth = passes · (n−1)/n · S / B                     B = per-rank bottleneck bandwidth
 * Channels are pipelined, so intra- and inter-domain hops overlap rather than add (B is a min).
 * Units: s = s + bytes / (bytes/s).
 */
import type { CollectiveAlgorithm } from '../collective-algorithm.js';
import { BUS_BANDWIDTH_FACTOR, bottleneckBandwidth } from '../collective-algorithm.js';

export const ring: CollectiveAlgorithm = {
  id: 'ring',
  description: 'NCCL ring: 2(n−1) steps for all-reduce, n−1 for reduce-scatter / all-gather; bandwidth at the NCCL bus-bandwidth bound',
  kinds: ['all-reduce', 'reduce-scatter', 'all-gather'],
  seconds(kind, bytes, group, links) {
    const n = group.size;
    if (n <= 1) return 0;
    const passes = kind === 'all-reduce' ? 2 : 1;
    const crossings = group.domains - 1;
    const latency = passes * ((n - 1 - crossings) * links.scaleUp.latencySeconds + crossings * links.scaleOut.latencySeconds);
    return latency + (BUS_BANDWIDTH_FACTOR[kind](n) * bytes) / bottleneckBandwidth(group, links);
  },
};
