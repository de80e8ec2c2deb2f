import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { ACCELERATORS } from '../hardware/catalog.js';
import { createCluster } from '../hardware/create-cluster.js';
import { DEFAULT_COMM_EFFICIENCY } from './efficiency.js';
import { createCommLinks, createLinks, tierLink } from './links.js';

describe('createLinks', () => {
  it('createLinks(H100 cluster, 0.8 / 0.8) gives 360 GB/s NVLink and 40 GB/s per NIC', () => {
    const links = createLinks(createCluster(ACCELERATORS['h100-sxm'], 64), DEFAULT_COMM_EFFICIENCY.collective);
    expect(links.scaleUp.bandwidthBytesPerSec).toBeCloseTo(360e9, 0);
    expect(links.scaleOut.bandwidthBytesPerSec).toBeCloseTo(40e9, 0);
    expect(tierLink(links, 'scale-out')).toBe(links.scaleOut);
  });

  it('the H800 achieved 160 GB/s is not derated again; its NIC is (50 → 40 GB/s, DeepSeek ISCA\'25 §4.3)', () => {
    const links = createLinks(createCluster(ACCELERATORS.h800, 2048), DEFAULT_COMM_EFFICIENCY.allToAll);
    expect(links.scaleUp.bandwidthBytesPerSec).toBe(160e9);
    expect(links.scaleOut.bandwidthBytesPerSec).toBeCloseTo(40e9, 0);
  });

  it('latencies pass through unchanged', () => {
    const cluster = createCluster(ACCELERATORS.gb200, 72);
    const links = createLinks(cluster, { scaleUp: 0.5, scaleOut: 0.5 });
    expect(links.scaleUp.latencySeconds).toBe(cluster.scaleUpLatencySeconds);
    expect(links.scaleOut.latencySeconds).toBe(cluster.scaleOutLatencySeconds);
  });

  it.each([0, 1.2, Number.NaN])('rejects an efficiency of %s (must be a fraction in (0, 1])', (value) => {
    const cluster = createCluster(ACCELERATORS['h100-sxm'], 8);
    expect(() => createLinks(cluster, { scaleUp: 0.8, scaleOut: value })).toThrow(InputError);
  });

  it('createCommLinks derates each kind of traffic with its own pair', () => {
    const cluster = createCluster(ACCELERATORS['h100-sxm'], 64);
    const links = createCommLinks(cluster, { ...DEFAULT_COMM_EFFICIENCY, allToAll: { scaleUp: 0.5, scaleOut: 0.25 } });
    expect(links.allToAll.scaleOut.bandwidthBytesPerSec).toBeCloseTo(12.5e9, 0);
    expect(links.collective.scaleOut.bandwidthBytesPerSec).toBeCloseTo(40e9, 0);
    expect(links.pointToPoint.scaleUp.bandwidthBytesPerSec).toBeCloseTo(360e9, 0);
  });
});
