import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from './catalog.js';
import { createCluster } from './create-cluster.js';
import { inputErrorOf as thrown } from '../input-error.testing.js';


describe('createCluster', () => {
  it('createCluster(h100-sxm, 1024) fills the 8-GPU NVLink domain (450 GB/s) and a 50 GB/s NIC per GPU', () => {
    const cluster = createCluster(ACCELERATORS['h100-sxm'], 1024);
    expect(cluster).toMatchObject({
      gpus: 1024,
      gpusPerNode: 8,
      scaleUpDomainGpus: 8,
      scaleUpBandwidthBytesPerSec: 450e9,
      scaleUpBandwidthIsAchieved: false,
      scaleOutBandwidthBytesPerSec: 50e9,
    });
    expect(cluster.scaleOutLatencySeconds).toBeCloseTo(3.7e-6, 12);
  });

  it('createCluster(h800, 2048) uses the achieved 160 GB/s NVLink figure and flags it', () => {
    const cluster = createCluster(ACCELERATORS.h800, 2048);
    expect(cluster.scaleUpBandwidthBytesPerSec).toBe(160e9);
    expect(cluster.scaleUpBandwidthIsAchieved).toBe(true);
  });

  it('an override of the scale-up bandwidth wins and is nominal', () => {
    const cluster = createCluster(ACCELERATORS.h800, 16, { scaleUpBandwidthBytesPerSec: 400e9 });
    expect(cluster.scaleUpBandwidthBytesPerSec).toBe(400e9);
    expect(cluster.scaleUpBandwidthIsAchieved).toBe(false);
  });

  it('createCluster(gb200, 8) keeps the 72-GPU domain over 4-GPU trays (a domain larger than the cluster is allowed)', () => {
    expect(createCluster(ACCELERATORS.gb200, 8)).toMatchObject({ gpusPerNode: 4, scaleUpDomainGpus: 72 });
  });

  it.each([0, -8, 1.5, Number.NaN])('createCluster(h100-sxm, %s) throws InputError on cluster.gpus', (gpus) => {
    expect(thrown(() => createCluster(ACCELERATORS['h100-sxm'], gpus)).field).toBe('cluster.gpus');
  });

  it('rejects a domain that is neither a multiple nor a divisor of the node, and non-positive bandwidths', () => {
    expect(thrown(() => createCluster(ACCELERATORS['h100-sxm'], 64, { scaleUpDomainGpus: 12 })).field).toBe('cluster.scaleUpDomainGpus');
    expect(thrown(() => createCluster(ACCELERATORS['h100-sxm'], 64, { scaleOutBandwidthBytesPerSec: 0 })).field).toBe(
      'cluster.scaleOutBandwidthBytesPerSec',
    );
    expect(thrown(() => createCluster(ACCELERATORS['h100-sxm'], 64, { scaleOutLatencySeconds: -1 })).field).toBe('cluster.scaleOutLatencySeconds');
    expect(createCluster(ACCELERATORS['h100-sxm'], 64, { scaleOutLatencySeconds: 0 }).scaleOutLatencySeconds).toBe(0);
  });
});
