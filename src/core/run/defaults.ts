/**
 * Defaults of the run-economics model, each with its unit and its source. Section numbers refer to
 * data/hardware-facts.md. Electricity price, grid intensity, server price and the support-IT share
 * are not repeated here: they come from src/core/datacenter (COSTS, SIZING) so the two models agree.
 * Values tagged `assumption` have no figure in the data: they are named, explained and overridable.
 */
import type { AcceleratorId } from '../hardware/catalog.js';
import type { Sourced } from '../datacenter/sourced.js';

/** Rental price per GPU-hour [USD], per accelerator id, where hardware-facts.md §4.6 gives one. */
export const RENTAL_PRICES = {
  h800: {
    value: 2,
    unit: 'USD per GPU-hour',
    confidence: 'primary',
    source: '§4.6: "$2 per GPU-hour" H800 rental assumed by DeepSeek-V3 (Technical Report, arXiv 2412.19437 §1, Table 1; Dec 2024)',
  },
  'h100-sxm': {
    value: 2.67,
    unit: 'USD per GPU-hour',
    confidence: 'secondary',
    source: '§4.6: tier-2 H100 on-demand $2.49–2.85 per GPU-hour, Q1 2026 (digiterialabs.com) — midpoint; AWS p5 on-demand is $12.29 (2023)',
  },
  'h100-96gb-500w': {
    value: 2.67,
    unit: 'USD per GPU-hour',
    confidence: 'assumption',
    source: 'no price for the Meta Grand Teton H100 part: the §4.6 tier-2 H100 SXM midpoint ($2.49–2.85, Q1 2026) is used',
  },
  mi300x: {
    value: 1.78,
    unit: 'USD per GPU-hour',
    confidence: 'secondary',
    source: '§4.6: MI300X $1.71–1.85 per GPU-hour (gpu.blog, undated in the data) — midpoint',
  },
} as const satisfies Partial<Record<AcceleratorId, Sourced>>;

/** Price used for an accelerator that §4.6 does not price. */
export const RENTAL_PRICE_FALLBACK = {
  value: 2,
  unit: 'USD per GPU-hour',
  confidence: 'assumption',
  source: 'no rental price for this accelerator in hardware-facts.md §4.6: DeepSeek-V3\'s $2 per H800 GPU-hour is a placeholder — override it',
} as const satisfies Sourced;

/** GPU and node power at a modeled utilisation. */
export const POWER = {
  gpuIdleFractionOfTdp: {
    value: 0.1,
    unit: 'idle W / TDP W',
    confidence: 'assumption',
    source: 'no idle power in hardware-facts.md; 10 % of TDP (70 W for a 700 W H100) as the floor of the linear idle→TDP model',
  },
  gpuActivity: {
    value: 1,
    unit: 'fraction of the idle→TDP range',
    confidence: 'assumption',
    source: 'the GPU at TDP when no step model is given; estimates pass the step model\'s busy fraction instead',
  },
  hostLoadFraction: {
    value: 2.8 / 4.6,
    unit: 'fraction of the host share of system max power',
    confidence: 'derived',
    source:
      'datacenter-references.md Power per system: 8-GPU H100 servers under training peak at ~8.4 kW (Latif et al., IEEE Access 2025, arXiv 2412.08602) against 10.2 kW nameplate (§2.1); with the 8 GPUs at 700 W TDP = 5.6 kW, CPUs, NICs, fans and PSU losses draw 8.4 − 5.6 = 2.8 kW of their 4.6 kW share',
  },
} as const satisfies Record<string, Sourced>;

/** The Llama 3 interruption statistics the failure rate is calibrated on. */
export interface InterruptionStats {
  readonly interruptions: number;
  readonly days: number;
  readonly gpus: number;
}

export const LLAMA3_INTERRUPTIONS = {
  value: { interruptions: 419, days: 54, gpus: 16_384 },
  unit: 'unexpected job interruptions, days, GPUs',
  confidence: 'primary',
  source:
    'Llama 3 Herd of Models (arXiv 2407.21783) §3.3.4: 419 unexpected interruptions during a 54-day snapshot of pre-training on 16,384 H100 GPUs (47 further interruptions were planned maintenance and are not failures)',
} as const satisfies Sourced<InterruptionStats>;

/** Checkpointing and restart. */
export const RELIABILITY = {
  checkpointBytesPerParam: {
    value: 14,
    unit: 'bytes per parameter',
    confidence: 'derived',
    source:
      'mixed-precision Adam: BF16 weights 2 + FP32 master weights 4 + Adam m 4 + Adam v 4 = 14. ZeRO (Rajbhandari et al. 2020, §3.1) counts 16 = 2 + 2 + 12 with the FP16 gradients, which a checkpoint does not save',
  },
  storageBytesPerSecPerNode: {
    value: 50e9,
    unit: 'bytes/s of checkpoint write per node',
    confidence: 'derived',
    source: '§3.3: DeepSeek nodes carry one 400 Gbps NIC for storage (3FS); §3.1: 400 Gb/s = 50 GB/s per direction',
  },
  storageSystemBytesPerSec: {
    value: 2e12,
    unit: 'bytes/s aggregate write bandwidth of the storage system',
    confidence: 'assumption',
    source:
      'not in hardware-facts.md. Order of magnitude of a large training cluster\'s file system: the Llama 3 paper (§3.3.1) reports 2 TB/s sustained (7 TB/s peak) for its Tectonic storage — recalled, not in our data; override with the real figure',
  },
  restartOverheadSeconds: {
    value: 600,
    unit: 's per failure (detect, reschedule, reinitialise; checkpoint load is added separately)',
    confidence: 'assumption',
    source: 'no restart time in the data: 10 minutes as a named assumption',
  },
} as const satisfies Record<string, Sourced>;

/** Owned hardware. The server price per GPU is datacenter SYSTEM_PRICES (per system). */
export const OWNERSHIP = {
  amortisationYears: {
    value: 3,
    unit: 'years',
    confidence: 'assumption',
    source: 'no server life in the data: 3 years straight-line, the life that datacenter COSTS.serverUsdPerGpu (the fallback price) is derived with',
  },
} as const satisfies Record<string, Sourced>;
