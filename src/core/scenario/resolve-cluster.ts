/**
 * Cluster input (human units) → Cluster (SI): catalog or inline accelerator, then
 * `createCluster` with the scenario's overrides.
 */
import { createCluster } from '../hardware/create-cluster.js';
import { MEASURED_LATENCY_SECONDS } from '../hardware/fabrics.js';
import { findAccelerator } from '../hardware/find-accelerator.js';
import type { Accelerator, Cluster } from '../hardware/types.js';
import { gigabytes, gigabytesPerSec, microseconds, teraflops, terabytesPerSec } from '../hardware/units.js';
import type { AcceleratorInput, ClusterInput } from './cluster-schema.js';

function optionalTeraflops(value: number | null | undefined): number | null {
  return value === undefined || value === null ? null : teraflops(value);
}

/** Inline accelerator → Accelerator; defaults as documented in `cluster-schema.ts`. */
export function resolveInlineAccelerator(input: AcceleratorInput): Accelerator {
  const name = input.name ?? input.id;
  const gpusPerNode = input.gpusPerNode ?? Math.min(8, input.scaleUp.domainGpus);
  const systemGpus = input.system?.gpus ?? gpusPerNode;
  return {
    id: input.id,
    name,
    vendor: input.vendor ?? 'custom',
    peakFlopsPerSec: {
      tf32: optionalTeraflops(input.peakTflops.tf32),
      bf16: teraflops(input.peakTflops.bf16),
      fp16: optionalTeraflops(input.peakTflops.fp16 ?? input.peakTflops.bf16),
      fp8: optionalTeraflops(input.peakTflops.fp8),
      fp4: optionalTeraflops(input.peakTflops.fp4),
    },
    hbmBytes: gigabytes(input.hbmGB),
    hbmBandwidthBytesPerSec: terabytesPerSec(input.hbmBandwidthTBs),
    scaleUp: {
      name: input.scaleUp.name ?? 'scale-up',
      bandwidthBytesPerSec: gigabytesPerSec(input.scaleUp.bandwidthGBps),
      achievedBytesPerSec: input.scaleUp.achievedGBps === undefined || input.scaleUp.achievedGBps === null ? null : gigabytesPerSec(input.scaleUp.achievedGBps),
      domainGpus: input.scaleUp.domainGpus,
      // Default: H800 NVLink end-to-end, DeepSeek ISCA'25 Table 5 (3.33 µs).
      latencySeconds: input.scaleUp.latencyUs === undefined ? MEASURED_LATENCY_SECONDS.nvlink : microseconds(input.scaleUp.latencyUs),
    },
    gpusPerNode,
    tdpWatts: input.tdpWatts,
    system: {
      name: input.system?.name ?? `${name} node (GPU power only)`,
      gpus: systemGpus,
      // Default: the GPUs' board power alone [W] — a lower bound (no CPU, NIC, fans, PSU losses).
      powerWatts: input.system?.powerWatts ?? systemGpus * input.tdpWatts,
      unitsPerRack: input.system?.unitsPerRack ?? 1,
    },
    scaleOut: {
      fabric: input.scaleOut.fabric ?? 'scale-out',
      bandwidthBytesPerSec: gigabytesPerSec(input.scaleOut.bandwidthGBps),
      // Default: InfiniBand cross-leaf, DeepSeek ISCA'25 Table 5 (3.7 µs).
      latencySeconds: input.scaleOut.latencyUs === undefined ? MEASURED_LATENCY_SECONDS.infinibandCrossLeaf : microseconds(input.scaleOut.latencyUs),
    },
    source: input.source ?? 'inline in scenario',
    notes: input.notes ?? '',
  };
}

/** A catalog id (InputError with suggestion if unknown) or an inline accelerator. */
export function resolveAccelerator(input: string | AcceleratorInput): Accelerator {
  return typeof input === 'string' ? findAccelerator(input) : resolveInlineAccelerator(input);
}

/** Cluster input → Cluster in SI units (GB/s → bytes/s, µs → s). */
export function resolveCluster(input: ClusterInput): Cluster {
  const accelerator = resolveAccelerator(input.accelerator);
  return createCluster(accelerator, input.gpus, {
    scaleUpDomainGpus: input.scaleUpDomainGpus,
    scaleUpBandwidthBytesPerSec: input.scaleUpBandwidthGBps === undefined ? undefined : gigabytesPerSec(input.scaleUpBandwidthGBps),
    scaleOutBandwidthBytesPerSec: input.scaleOutBandwidthGBps === undefined ? undefined : gigabytesPerSec(input.scaleOutBandwidthGBps),
    scaleOutLatencySeconds: input.scaleOutLatencyUs === undefined ? undefined : microseconds(input.scaleOutLatencyUs),
  });
}
