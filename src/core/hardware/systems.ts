/**
 * Reference systems (server or rack unit) used for power and rack sizing.
 * Sources: data/hardware-facts.md §2.1 (systems), §2.2 (rack densities), data/network.json (kind "system").
 */
import type { Accelerator } from './types.js';
import { kilowatts } from './units.js';

type ReferenceSystem = Accelerator['system'];

/**
 * Named assumption for 8-GPU servers whose maximum power is not in the data: the host share of a
 * DGX H100 (10.2 kW max − 8 × 700 W GPU TDP = 4.6 kW for CPUs, NICs, switches, fans, PSU losses)
 * plus 8 × the GPU's own TDP. Derived from hardware-facts.md §2.1 and the H100 TDP (§1.1).
 */
export const HGX_HOST_OVERHEAD_WATTS = kilowatts(10.2) - 8 * 700;

/** Maximum power of an 8-GPU server under the host-overhead assumption above [W]. */
export function eightGpuServerWatts(gpuTdpWatts: number): number {
  return HGX_HOST_OVERHEAD_WATTS + 8 * gpuTdpWatts;
}

export const REFERENCE_SYSTEMS = {
  'dgx-a100': {
    name: 'NVIDIA DGX A100',
    gpus: 8,
    powerWatts: kilowatts(6.5),
    unitsPerRack: 4,
    source:
      'NVIDIA DGX A100 datasheet: 6.5 kW max (not in hardware-facts.md). ' +
      'Assumption: 4 systems per rack as the DGX H100 SuperPOD guidance (hardware-facts.md §2.2)',
  },
  'dgx-h100': {
    name: 'NVIDIA DGX H100/H200',
    gpus: 8,
    powerWatts: kilowatts(10.2),
    unitsPerRack: 4,
    source:
      'DGX H100/H200 User Guide Table 3 "10.2 kW max." (hardware-facts.md §2.1, network.json dgx-h100); ' +
      '4 systems per rack = 40.8 kW, NVIDIA DGX SuperPOD data-center design guide via unanswered.io (§2.2, secondary)',
  },
  'hgx-h800': {
    name: 'HGX H800 8-GPU server (as DGX H100)',
    gpus: 8,
    powerWatts: kilowatts(10.2),
    unitsPerRack: 4,
    source:
      'Assumption: same chassis power and rack density as DGX H100 (10.2 kW, 4 per rack; hardware-facts.md §2.1-2.2); ' +
      'DeepSeek ISCA\'25 §4.1: 8 H800 + eight 400G CX7 NICs per node',
  },
  'grand-teton-h100-500w': {
    name: 'Meta Grand Teton (8 x H100 96GB at 500 W)',
    gpus: 8,
    powerWatts: eightGpuServerWatts(500),
    unitsPerRack: 2,
    source:
      'Power: assumption = DGX H100 host share 4.6 kW + 8 x 500 W = 8.6 kW (not in the data). Rack: "Two nodes fit ' +
      'in a single rack" (Glenn Lockwood, Meta 24K H100 clusters; hardware-facts.md §2.2)',
  },
  'dgx-b200': {
    name: 'NVIDIA DGX B200',
    gpus: 8,
    powerWatts: kilowatts(14.3),
    unitsPerRack: 2,
    source:
      'DGX B200 user guide "14.3 kW max" (hardware-facts.md §2.1, network.json dgx-b200). Rack: the SuperPOD B200 RA ' +
      'example layout "exceeds 25 kW" per rack (§2.2), read as 2 systems = 28.6 kW (derived assumption)',
  },
  'dgx-b300': {
    name: 'NVIDIA DGX B300',
    gpus: 8,
    powerWatts: kilowatts(14.5),
    unitsPerRack: 4,
    source:
      'DGX B300 14.5 kW (thedailyscout summary citing docs.nvidia.com; secondary, UNVERIFIED, hardware-facts.md §2.1); ' +
      'SuperPOD B300-XDR RA: "four DGX B300 fit within a single rack ... ~56kW" (§2.2)',
  },
  'gb200-nvl72': {
    name: 'NVIDIA GB200 NVL72 rack',
    gpus: 72,
    powerWatts: kilowatts(120),
    unitsPerRack: 1,
    source:
      'ServeTheHome GTC 2024 "the 120kW flagship system" (hardware-facts.md §2.1; network.json gb200-nvl72); ' +
      'alternative 132 kW DC output of 8 power shelves (Supermicro via introl, secondary)',
  },
  'gb300-nvl72': {
    name: 'NVIDIA GB300 NVL72 rack',
    gpus: 72,
    powerWatts: kilowatts(136),
    unitsPerRack: 1,
    source:
      'No single sourced value: reported 120-140 kW (introl ~120; Supermicro 132-140; Microsoft ~136) and ~150 kW ' +
      '(TrendForce) (hardware-facts.md §2.1). Assumption: 136 kW (Microsoft figure, mid-range)',
  },
  'mi300x-platform': {
    name: 'AMD Instinct MI300X 8-GPU platform (UBB)',
    gpus: 8,
    powerWatts: eightGpuServerWatts(750),
    unitsPerRack: 4,
    source:
      'Power not in the data: assumption = DGX H100 host share 4.6 kW + 8 x 750 W = 10.6 kW. Rack: assumption 4 per ' +
      'rack as DGX H100 (hardware-facts.md §2.2)',
  },
} satisfies Record<string, ReferenceSystem>;
