/**
 * Memory rules: HBM capacity (will it fit, how tight) and HBM bandwidth (the memory wall).
 * Most specific first; the last two always apply.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckFacts, BottleneckRule } from './types.js';
import { bytes, bytesPerSec, fraction, type Evidence } from './evidence.js';


function capacityEvidence(f: BottleneckFacts): Evidence {
  return {
    peakPerGpu: bytes(f.memory.peakBytesPerGpu),
    capacity: bytes(f.memory.capacityBytes),
    used: fraction(f.memory.usedFraction),
    headroom: fraction(f.memory.headroomFraction),
    activationsShare: fraction(f.memory.activationsShare),
    statesShare: fraction(f.memory.statesShare),
  };
}

const capacityScore = (f: BottleneckFacts): number => ramp(f.memory.usedFraction, ANCHORS.memoryUsedLow, ANCHORS.memoryUsedHigh);

export const memoryDoesNotFit: BottleneckRule = {
  id: 'memory-does-not-fit',
  domain: 'memory',
  describe: 'the peak pipeline rank needs more than the HBM holds: the layout cannot run',
  formula: 'score = 100 when peakBytesPerGpu > capacityBytes',
  applies: (f) => !f.memory.fits,
  score: () => 100,
  evidence: (f) => ({ ...capacityEvidence(f), overBy: bytes(f.memory.overByBytes) }),
  remedies: [
    'More pipeline stages or expert parallelism (fewer parameters per GPU)',
    'ZeRO-1/2/3 or FSDP sharding of optimizer states, gradients and weights',
    'Selective or full activation recomputation; a smaller micro-batch',
    'An HBM3e part with more capacity (H200 141 GB, B200 180 GB, B300 288 GB)',
  ],
};

export const memoryActivationsTight: BottleneckRule = {
  id: 'memory-activations-tight',
  domain: 'memory',
  describe: 'HBM is over 90 % full and stored activations are most of it',
  formula: 'applies when usedFraction ≥ 0.9 and activations ≥ 50 % of the peak rank; score = ramp(usedFraction, 0.5, 1)',
  applies: (f) => f.memory.fits && f.memory.usedFraction >= ANCHORS.memoryTight && f.memory.activationsShare >= ANCHORS.dominantShare,
  score: capacityScore,
  evidence: capacityEvidence,
  remedies: [
    'Selective activation recomputation (or full, at ~1/3 more FLOPs)',
    'Sequence or context parallelism to split activations over more GPUs',
    'A smaller micro-batch, or a schedule with fewer micro-batches in flight',
  ],
};

export const memoryStatesTight: BottleneckRule = {
  id: 'memory-states-tight',
  domain: 'memory',
  describe: 'HBM is over 90 % full and weights, gradients and optimizer states are most of it',
  formula: 'applies when usedFraction ≥ 0.9 and states ≥ 50 % of the peak rank; score = ramp(usedFraction, 0.5, 1)',
  applies: (f) => f.memory.fits && f.memory.usedFraction >= ANCHORS.memoryTight && f.memory.statesShare >= ANCHORS.dominantShare,
  score: capacityScore,
  evidence: capacityEvidence,
  remedies: [
    'A higher ZeRO stage (distributed optimizer, ZeRO-2, FSDP)',
    'More pipeline stages or expert parallelism',
    'An HBM3e part with more capacity (H200, B200, B300)',
  ],
};

export const memoryCapacity: BottleneckRule = {
  id: 'memory-capacity',
  domain: 'memory',
  describe: 'share of HBM capacity the peak pipeline rank uses',
  formula: 'score = ramp(peakBytesPerGpu / capacityBytes, 0.5, 1)',
  applies: (f) => f.memory.fits,
  score: capacityScore,
  evidence: capacityEvidence,
  remedies: ['More pipeline stages, ZeRO sharding or recomputation to make room', 'An HBM3e part with more capacity (H200, B200, B300)'],
};

export const memoryBandwidthWall: BottleneckRule = {
  id: 'memory-bandwidth-wall',
  domain: 'memory',
  describe: 'share of the step spent in ops bounded by HBM bandwidth (the memory wall)',
  formula: 'score = ramp(computeShare · memoryBoundShare, 0, 0.5)',
  applies: () => true,
  score: (f) => ramp(f.memory.memoryBoundStepShare, 0, ANCHORS.memoryBoundStepShareFull),
  evidence: (f) => ({
    memoryBoundShareOfCompute: fraction(f.memory.memoryBoundShare),
    hbmStallShareOfCompute: fraction(f.memory.hbmStallShare),
    memoryBoundStepShare: fraction(f.memory.memoryBoundStepShare),
    hbmBandwidth: bytesPerSec(f.memory.hbmBandwidthBytesPerSec),
  }),
  remedies: [
    'An HBM3e part with more bandwidth (H200 4.8 TB/s, B200 7.7 TB/s over H100 3.35 TB/s)',
    'Fused kernels (norm, activation, RoPE, casts) to cut HBM round trips',
    'A larger micro-batch or fewer TP ways (wider GEMMs, higher arithmetic intensity)',
  ],
};

export const MEMORY_RULES: readonly BottleneckRule[] = [memoryDoesNotFit, memoryActivationsTight, memoryStatesTight, memoryCapacity, memoryBandwidthWall];
