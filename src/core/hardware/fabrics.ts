/**
 * Scale-out fabrics and measured link latencies of the reference systems.
 * Bandwidths are per GPU per direction [bytes/s]: every reference system below has one NIC per GPU
 * (rail-optimized), so a GPU's share of the fabric is its own NIC's line rate.
 * Sources: data/hardware-facts.md §2.1, §2.3, §3.1, §3.2; data/network.json.
 */
import type { Accelerator } from './types.js';
import { gigabitsPerSec, microseconds } from './units.js';

/**
 * End-to-end small-message latencies [s], DeepSeek ISCA '25 "Insights into DeepSeek-V3"
 * (arXiv 2505.09343) Table 5, measured on H800 / CX7 (hardware-facts.md §3.2).
 */
export const MEASURED_LATENCY_SECONDS = {
  infinibandSameLeaf: microseconds(2.8),
  infinibandCrossLeaf: microseconds(3.7),
  roceSameLeaf: microseconds(3.6),
  roceCrossLeaf: microseconds(5.6),
  nvlink: microseconds(3.33),
} satisfies Record<string, number>;

/**
 * Assumption used for every scale-up link: the one measured NVLink latency (H800, 3.33 µs) stands
 * for all NVLink generations and for AMD Infinity Fabric, which have no measured figure in the data.
 */
export const SCALE_UP_LATENCY_SECONDS = MEASURED_LATENCY_SECONDS.nvlink;

type ScaleOutFabric = Accelerator['scaleOut'];

/**
 * Scale-out fabrics, one NIC per GPU. Latency: InfiniBand cross-leaf (3.7 µs, ISCA '25 Table 5),
 * since a training job of any size spans leaves; fabrics whose latency was never measured
 * (XDR / ConnectX-8, MI300X platforms) use the same figure as a stated assumption.
 */
export const SCALE_OUT_FABRICS = {
  /** A100 clusters: "eight NVIDIA Mellanox 200Gbps HDR Infiniband HCAs" per node (Narayanan et al. 2021, arXiv 2104.04473 §5). */
  'ib-hdr-200g': {
    fabric: 'InfiniBand HDR 200 Gb/s, one HCA per GPU',
    bandwidthBytesPerSec: gigabitsPerSec(200), // 25 GB/s
    latencySeconds: MEASURED_LATENCY_SECONDS.infinibandCrossLeaf,
    source:
      'Narayanan et al. 2021 (arXiv 2104.04473) §5: eight 200 Gb/s HDR InfiniBand HCAs per 8-GPU node; ' +
      'latency: InfiniBand cross-leaf 3.7 µs (DeepSeek ISCA\'25 Table 5, measured on NDR; assumed for HDR)',
  },
  /** DGX H100/H200, HGX H800, DGX B200, GB200 NVL72: ConnectX-7 400 Gb/s per GPU (NDR). */
  'ib-ndr-400g': {
    fabric: 'InfiniBand NDR 400 Gb/s (ConnectX-7), one NIC per GPU, rail-optimized',
    bandwidthBytesPerSec: gigabitsPerSec(400), // 50 GB/s
    latencySeconds: MEASURED_LATENCY_SECONDS.infinibandCrossLeaf,
    source:
      'hardware-facts.md §2.1 (DGX H100/B200: 8 x single-port ConnectX-7 400 Gb/s; GB200 NVL72: 4 x CX-7 400G per ' +
      '4-GPU tray), §3.1 (NDR 400 Gb/s = 50 GB/s per direction; DeepSeek ISCA\'25 §4.3 "each 400Gbps IB NIC delivers ' +
      'only 50GB/s"); latency: InfiniBand cross-leaf 3.7 µs (ISCA\'25 Table 5)',
  },
  /** Meta Grand Teton H100 clusters: 400G RoCEv2 or 400G NDR InfiniBand. */
  'meta-400g': {
    fabric: '400 Gb/s RoCEv2 or NDR InfiniBand (Meta 24K-GPU H100 clusters), one NIC per GPU',
    bandwidthBytesPerSec: gigabitsPerSec(400),
    latencySeconds: MEASURED_LATENCY_SECONDS.infinibandCrossLeaf,
    source:
      'hardware-facts.md §3.3 (Meta 24K H100 clusters: 400G RoCEv2 or 400G NDR IB); which of the two clusters ran ' +
      'the torchtitan benchmarks is not stated: latency assumed InfiniBand cross-leaf 3.7 µs (RoCE would be 5.6 µs)',
  },
  /** DGX B300 / GB300 NVL72: ConnectX-8 SuperNIC 800 Gb/s per GPU (XDR IB or 2 x 400GbE Spectrum-X planes). */
  'cx8-800g': {
    fabric: 'ConnectX-8 800 Gb/s (XDR InfiniBand or 2 x 400GbE Spectrum-X), one NIC per GPU',
    bandwidthBytesPerSec: gigabitsPerSec(800), // 100 GB/s
    latencySeconds: MEASURED_LATENCY_SECONDS.infinibandCrossLeaf,
    source:
      'hardware-facts.md §2.1 (GB300 NVL72: 72 x ConnectX-8 800G; DGX B300: CX-8 800G class), §2.3 (SuperPOD B300 ' +
      'RA: XDR 800 Gb/s IB; Spectrum-X "2x 400GbE" per GPU); network.json ib-xdr 100 GB/s per direction; latency ' +
      'not measured: assumed InfiniBand cross-leaf 3.7 µs',
  },
  /** AMD MI300X platforms: "scale-out via NDR IB or RoCE" (ROCm MI300 node diagram). */
  'mi300x-400g': {
    fabric: '400 Gb/s NDR InfiniBand or RoCE, one NIC per GPU (assumed)',
    bandwidthBytesPerSec: gigabitsPerSec(400),
    latencySeconds: MEASURED_LATENCY_SECONDS.infinibandCrossLeaf,
    source:
      'hardware-facts.md §2.1 (HGX/MI300X platform: scale-out via NDR IB or RoCE); assumption: one 400 Gb/s NIC ' +
      'per GPU as on NVIDIA HGX systems; latency assumed InfiniBand cross-leaf 3.7 µs',
  },
} satisfies Record<string, ScaleOutFabric>;
