import { InputError } from '../errors.js';
import type { Accelerator, Cluster } from './types.js';

/** Cluster fields a scenario may set; every one defaults from the accelerator's reference system. */
export interface ClusterOverrides {
  readonly gpusPerNode?: number;
  readonly scaleUpDomainGpus?: number;
  readonly scaleUpBandwidthBytesPerSec?: number;
  readonly scaleUpLatencySeconds?: number;
  readonly scaleOutBandwidthBytesPerSec?: number;
  readonly scaleOutLatencySeconds?: number;
}

function requirePositiveInteger(field: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new InputError(field, value, 'must be a positive integer');
  return value;
}

function requirePositive(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new InputError(field, value, 'must be a positive finite number');
  return value;
}

function requireNonNegative(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new InputError(field, value, 'must be a finite number >= 0');
  return value;
}

/**
 * The cluster of `gpus` accelerators. Defaults:
 * - gpusPerNode, scaleUpDomainGpus: the accelerator's (8 for HGX, 4 per tray / 72 per NVL72 rack);
 * - scale-up bandwidth: `scaleUp.achievedBytesPerSec` when a source gives it (H800: 160 GB/s),
 *   flagged `scaleUpBandwidthIsAchieved`, else the nominal per-direction figure;
 * - scale-out bandwidth and latency: the reference system's fabric (one NIC per GPU).
 * A scale-up domain larger than the cluster is allowed (8 GPUs of an NVL72 rack): the domain is then
 * the whole cluster. The domain must be a multiple or a divisor of the node.
 * @throws InputError('cluster.<field>', value, rule) for a non-positive or non-integer count, a
 *   non-positive bandwidth or a negative latency.
 */
export function createCluster(accelerator: Accelerator, gpus: number, overrides: ClusterOverrides = {}): Cluster {
  requirePositiveInteger('cluster.gpus', gpus);
  const gpusPerNode = requirePositiveInteger('cluster.gpusPerNode', overrides.gpusPerNode ?? accelerator.gpusPerNode);
  const domain = requirePositiveInteger('cluster.scaleUpDomainGpus', overrides.scaleUpDomainGpus ?? accelerator.scaleUp.domainGpus);
  if (domain % gpusPerNode !== 0 && gpusPerNode % domain !== 0) {
    throw new InputError('cluster.scaleUpDomainGpus', domain, `must be a multiple or a divisor of gpusPerNode (${gpusPerNode})`);
  }
  const achieved = accelerator.scaleUp.achievedBytesPerSec;
  const useAchieved = overrides.scaleUpBandwidthBytesPerSec === undefined && achieved !== null;
  const scaleUpBandwidth = overrides.scaleUpBandwidthBytesPerSec ?? achieved ?? accelerator.scaleUp.bandwidthBytesPerSec;
  return {
    accelerator,
    gpus,
    gpusPerNode,
    scaleUpDomainGpus: domain,
    scaleUpBandwidthBytesPerSec: requirePositive('cluster.scaleUpBandwidthBytesPerSec', scaleUpBandwidth),
    scaleUpBandwidthIsAchieved: useAchieved,
    scaleUpLatencySeconds: requireNonNegative('cluster.scaleUpLatencySeconds', overrides.scaleUpLatencySeconds ?? accelerator.scaleUp.latencySeconds),
    scaleOutBandwidthBytesPerSec: requirePositive(
      'cluster.scaleOutBandwidthBytesPerSec',
      overrides.scaleOutBandwidthBytesPerSec ?? accelerator.scaleOut.bandwidthBytesPerSec,
    ),
    scaleOutLatencySeconds: requireNonNegative('cluster.scaleOutLatencySeconds', overrides.scaleOutLatencySeconds ?? accelerator.scaleOut.latencySeconds),
  };
}
