/**
 * Accelerators for this folder's tests, built from hardware-facts.md §1.1 and §2.1 until the shared
 * catalog (src/core/hardware/catalog.ts) lands. Only the fields sizing reads matter here.
 */
import type { Accelerator } from '../hardware/types.js';

interface FixtureSpec {
  readonly id: string;
  readonly name: string;
  readonly tdpWatts: number;
  readonly gpusPerNode: number;
  readonly system: Accelerator['system'];
  readonly source: string;
}

function createFixture(spec: FixtureSpec): Accelerator {
  return {
    id: spec.id,
    name: spec.name,
    vendor: 'NVIDIA',
    peakFlopsPerSec: { tf32: null, bf16: null, fp16: null, fp8: null, fp4: null },
    hbmBytes: 80e9,
    hbmBandwidthBytesPerSec: 3.35e12,
    scaleUp: { name: 'NVLink', bandwidthBytesPerSec: 450e9, achievedBytesPerSec: null, domainGpus: spec.gpusPerNode, latencySeconds: 3.33e-6 },
    gpusPerNode: spec.gpusPerNode,
    tdpWatts: spec.tdpWatts,
    system: spec.system,
    scaleOut: { fabric: 'NDR InfiniBand', bandwidthBytesPerSec: 50e9, latencySeconds: 3.7e-6 },
    source: spec.source,
    notes: 'test fixture',
  };
}

/** DGX H100: 8 GPUs, 10.2 kW max, 4 per rack (§2.1, §2.2). */
export const H100_DGX = createFixture({
  id: 'h100-sxm',
  name: 'H100 SXM5',
  tdpWatts: 700,
  gpusPerNode: 8,
  system: { name: 'DGX H100', gpus: 8, powerWatts: 10_200, unitsPerRack: 4 },
  source: 'hardware-facts.md §2.1 DGX H100 User Guide Table 3; §2.2 4 systems per rack',
});

/** DGX B200: 8 GPUs, 14.3 kW max, 4 per rack as in the B300 RA layout (§2.1, §2.2). */
export const B200_DGX = createFixture({
  id: 'b200',
  name: 'B200',
  tdpWatts: 1000,
  gpusPerNode: 8,
  system: { name: 'DGX B200', gpus: 8, powerWatts: 14_300, unitsPerRack: 4 },
  source: 'hardware-facts.md §2.1 DGX B200 user guide',
});

/** GB200 NVL72: 72 GPUs, ~120 kW, one system per rack, 4 GPUs per compute tray (§2.1). */
export const GB200_NVL72 = createFixture({
  id: 'gb200',
  name: 'GB200',
  tdpWatts: 1200,
  gpusPerNode: 4,
  system: { name: 'GB200 NVL72', gpus: 72, powerWatts: 120_000, unitsPerRack: 1 },
  source: 'hardware-facts.md §2.1 ServeTheHome ~120 kW; DGX GB200 user guide 18 trays × 4 GPUs',
});
