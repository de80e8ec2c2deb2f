/**
 * Storage and reliability rules: checkpoint writes against the checkpoint interval, failures
 * against the MTBF, and the goodput they leave (run/goodput.ts: Young 1974, Daly 2006).
 * g = 1 − δ/τ − (τ/2 + R)/M. Most specific first; the last always applies.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import { bytes, bytesPerSec, fraction, plain, seconds, type Evidence } from './evidence.js';
import type { BottleneckFacts, BottleneckRule } from './types.js';

const SECONDS_PER_HOUR = 3600;

function checkpointEvidence(f: BottleneckFacts): Evidence {
  return {
    checkpoint: bytes(f.reliability.checkpointBytes),
    storage: bytesPerSec(f.reliability.storageBandwidthBytesPerSec),
    checkpointWrite: seconds(f.reliability.checkpointWriteSeconds),
    checkpointInterval: seconds(f.reliability.checkpointIntervalSeconds),
    checkpointShare: fraction(f.reliability.checkpointShare),
    step: seconds(f.compute.stepSeconds),
  };
}

export const storageCheckpointWrite: BottleneckRule = {
  id: 'storage-checkpoint-write',
  domain: 'storage-reliability',
  describe: 'time spent writing checkpoints against the interval between them',
  formula: 'score = ramp(δ/τ, 0, 0.05), δ = checkpoint bytes / storage bandwidth, τ = Young/Daly interval',
  applies: (f) => f.reliability.checkpointShare > 0,
  score: (f) => ramp(f.reliability.checkpointShare, 0, ANCHORS.checkpointShareFull),
  evidence: checkpointEvidence,
  remedies: [
    'Faster checkpoint storage (parallel file system, one storage NIC per node, e.g. DeepSeek 3FS)',
    'Asynchronous or in-memory checkpoints (copy to host, write in the background)',
    'Sharded checkpoints written by every data-parallel rank',
  ],
};

export const reliabilityFailures: BottleneckRule = {
  id: 'reliability-failures',
  domain: 'storage-reliability',
  describe: 'work lost to failures: rework since the last checkpoint plus restart, against the MTBF',
  formula: 'score = ramp((τ/2 + R)/M, 0, 0.1), M = 1/(λ·GPUs)',
  applies: (f) => f.reliability.failureShare > 0,
  score: (f) => ramp(f.reliability.failureShare, 0, ANCHORS.failureShareFull),
  evidence: (f) => ({
    mtbf: seconds(f.reliability.mtbfHours * SECONDS_PER_HOUR),
    restart: seconds(f.reliability.restartSeconds),
    checkpointInterval: seconds(f.reliability.checkpointIntervalSeconds),
    failureShare: fraction(f.reliability.failureShare),
    expectedFailures: plain(f.reliability.expectedFailures),
  }),
  remedies: [
    'Faster restart: hot spares, pre-pulled images, health checks that evict bad hosts before the job',
    'Faster checkpoints, so the optimal interval (√(2δM)) and the rework shrink',
    'Fewer GPUs per job at the same work (the MTBF falls as 1/GPUs)',
  ],
};

export const reliabilityGoodput: BottleneckRule = {
  id: 'reliability-goodput',
  domain: 'storage-reliability',
  describe: 'share of wall time lost to checkpoints, rework and restarts',
  formula: 'score = ramp(lostFraction, 0, 0.15)',
  applies: () => true,
  score: (f) => ramp(f.reliability.lostFraction, 0, ANCHORS.lostFractionFull),
  evidence: (f) => ({ lost: fraction(f.reliability.lostFraction), mtbf: seconds(f.reliability.mtbfHours * SECONDS_PER_HOUR), expectedFailures: plain(f.reliability.expectedFailures) }),
  remedies: ['Faster checkpoint storage and restarts', 'Reliability screening of nodes before the run'],
};

export const STORAGE_RULES: readonly BottleneckRule[] = [storageCheckpointWrite, reliabilityFailures, reliabilityGoodput];
