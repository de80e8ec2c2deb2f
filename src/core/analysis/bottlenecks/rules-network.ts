/**
 * Network rules: scale-up (NVLink / NVSwitch domain) and scale-out (NICs between domains).
 * "Exposed" = communication on the critical path (step model); "utilization" = wire time per step
 * over compute time (traffic.ts): at 1 the traffic cannot be hidden even with perfect overlap.
 * Both are normalised by compute time, which no bandwidth changes. Most specific first.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckFacts, BottleneckRule } from './types.js';
import { bytesPerSec, count, ratio, seconds , type Evidence } from './evidence.js';


function perCompute(seconds: number, f: BottleneckFacts): number {
  return f.compute.computeSeconds > 0 ? seconds / f.compute.computeSeconds : 0;
}

function tierEvidence(f: BottleneckFacts, tier: 'scaleUp' | 'scaleOut'): Evidence {
  return {
    exposedPerCompute: ratio(f.network.exposedPerCompute[tier]),
    utilization: ratio(f.network.utilization[tier]),
    demand: bytesPerSec(f.network.demandBytesPerSec[tier]),
    effectiveBandwidth: bytesPerSec(f.network.bandwidthBytesPerSec[tier]),
  };
}

export const networkTpAcrossDomains: BottleneckRule = {
  id: 'network-tp-across-domains',
  domain: 'network',
  describe: 'tensor parallelism spans scale-up domains: its per-layer all-reduces leave NVLink',
  formula: 'applies when tp > 1 on scale-out; score = ramp(exposed.tp / computeSeconds, 0, 0.25)',
  applies: (f) => f.network.tp > 1 && f.network.tiers.tp === 'scale-out',
  score: (f) => ramp(perCompute(f.network.exposed.tp, f), 0, ANCHORS.exposedPerComputeFull),
  evidence: (f) => ({ tp: count(f.network.tp), scaleUpDomainGpus: count(f.network.scaleUpDomainGpus), exposedTp: seconds(f.network.exposed.tp), exposedTpPerCompute: ratio(perCompute(f.network.exposed.tp, f)) }),
  remedies: [
    'Keep TP within the NVLink domain (tp ≤ GPUs per domain); use pipeline or context parallelism across nodes',
    'A larger NVLink domain (GB200/GB300 NVL72: 72 GPUs)',
  ],
};

export const networkEpAcrossDomains: BottleneckRule = {
  id: 'network-ep-across-domains',
  domain: 'network',
  describe: 'the expert-parallel all-to-all crosses scale-up domains',
  formula: 'applies when ep > 1 on scale-out; score = ramp(exposed.ep / computeSeconds, 0, 0.25)',
  applies: (f) => f.network.ep > 1 && f.network.tiers.ep === 'scale-out',
  score: (f) => ramp(perCompute(f.network.exposed.ep, f), 0, ANCHORS.exposedPerComputeFull),
  evidence: (f) => ({ ep: count(f.network.ep), scaleUpDomainGpus: count(f.network.scaleUpDomainGpus), exposedEp: seconds(f.network.exposed.ep), exposedEpPerCompute: ratio(perCompute(f.network.exposed.ep, f)), ...tierEvidence(f, 'scaleOut') }),
  remedies: [
    'Node-limited routing and deduplicated dispatch (DeepEP: one IB copy per remote node)',
    'Overlap dispatch/combine with compute (DualPipe pairs forward and backward chunks)',
    'A larger NVLink domain so the EP group stays in scale-up (NVL72)',
  ],
};

export const networkScaleOutSaturated: BottleneckRule = {
  id: 'network-scale-out-saturated',
  domain: 'network',
  describe: 'scale-out wire time per step relative to the compute that could hide it',
  formula: 'score = ramp(Σ scale-out bytes / bandwidth / computeSeconds, 0, 1)',
  applies: (f) => f.network.utilization.scaleOut > 0,
  score: (f) => ramp(f.network.utilization.scaleOut, 0, ANCHORS.utilizationFull),
  evidence: (f) => tierEvidence(f, 'scaleOut'),
  remedies: [
    'Rail-optimized InfiniBand / RoCE fat tree with one 400–800 Gb/s NIC per GPU',
    'Keep the chattiest groups (TP, EP) inside the scale-up domain; place DP and PP across nodes',
    'Gradient reduction in BF16, or fewer data-parallel bytes (ZeRO-1 reduce-scatter instead of all-reduce)',
  ],
};

export const networkScaleUpSaturated: BottleneckRule = {
  id: 'network-scale-up-saturated',
  domain: 'network',
  describe: 'scale-up wire time per step relative to the compute that could hide it',
  formula: 'score = ramp(Σ scale-up bytes / bandwidth / computeSeconds, 0, 1)',
  applies: (f) => f.network.utilization.scaleUp > 0,
  score: (f) => ramp(f.network.utilization.scaleUp, 0, ANCHORS.utilizationFull),
  evidence: (f) => tierEvidence(f, 'scaleUp'),
  remedies: ['Higher NVLink bandwidth (NVLink 5: 900 GB/s per GPU)', 'Fewer TP ways, or sequence parallelism to shrink activations on the wire'],
};

export const networkScaleOutExposed: BottleneckRule = {
  id: 'network-scale-out-exposed',
  domain: 'network',
  describe: 'communication of groups spanning scale-up domains left on the critical path',
  formula: 'score = ramp(exposed scale-out seconds / computeSeconds, 0, 0.25)',
  applies: (f) => f.network.exposedPerCompute.scaleOut > 0,
  score: (f) => ramp(f.network.exposedPerCompute.scaleOut, 0, ANCHORS.exposedPerComputeFull),
  evidence: (f) => ({ ...tierEvidence(f, 'scaleOut'), exposedDp: seconds(f.network.exposed.dp), exposedPp: seconds(f.network.exposed.pp) }),
  remedies: [
    'Overlap gradient reduce-scatter and parameter all-gather with compute (bucketing)',
    'Rail-optimized InfiniBand with more bandwidth per GPU',
  ],
};

export const networkScaleUpExposed: BottleneckRule = {
  id: 'network-scale-up-exposed',
  domain: 'network',
  describe: 'communication inside the NVLink domain left on the critical path',
  formula: 'score = ramp(exposed scale-up seconds / computeSeconds, 0, 0.25)',
  applies: (f) => f.network.exposedPerCompute.scaleUp > 0,
  score: (f) => ramp(f.network.exposedPerCompute.scaleUp, 0, ANCHORS.exposedPerComputeFull),
  evidence: (f) => ({ ...tierEvidence(f, 'scaleUp'), exposedTp: seconds(f.network.exposed.tp) }),
  remedies: [
    'Overlap TP collectives with GEMMs (Megatron --tp-comm-overlap, userbuffers)',
    'Higher NVLink bandwidth, or fewer TP ways',
  ],
};

export const networkExposed: BottleneckRule = {
  id: 'network-exposed',
  domain: 'network',
  describe: 'all exposed communication per second of compute',
  formula: 'score = ramp((exposed tp+ep+cp+dp+pp) / computeSeconds, 0, 0.25)',
  applies: () => true,
  score: (f) => ramp(f.network.exposedPerCompute.total, 0, ANCHORS.exposedPerComputeFull),
  evidence: (f) => ({
    exposedTp: seconds(f.network.exposed.tp), exposedEp: seconds(f.network.exposed.ep), exposedCp: seconds(f.network.exposed.cp),
    exposedDp: seconds(f.network.exposed.dp), exposedPp: seconds(f.network.exposed.pp), exposedPerCompute: ratio(f.network.exposedPerCompute.total),
  }),
  remedies: ['Overlap communication with computation', 'Place each group on the fastest tier it fits'],
};

export const NETWORK_RULES: readonly BottleneckRule[] = [
  networkTpAcrossDomains, networkEpAcrossDomains, networkScaleOutSaturated, networkScaleUpSaturated,
  networkScaleOutExposed, networkScaleUpExposed, networkExposed,
];
