/**
 * The `economics` and `datacenter` sections of a scenario: how the run is paid for and what
 * building houses it. Every field is optional; the defaults (with sources) live in src/core/run
 * and src/core/datacenter.
 */
import * as z from 'zod';
import { REDUNDANCY_LEVELS } from '../datacenter/redundancy.js';
import { FABRIC_TYPES, SWITCH_IDS } from '../datacenter/switches.js';
import { oneOf, positiveInt, positiveNumber, strictObject } from './schema-parts.js';

export const EconomicsInputSchema = strictObject(
  {
    basis: oneOf(['rental', 'owned'] as const).optional().describe('Rent GPU-hours (default) or own the hardware (capex amortised + energy).'),
    usdPerGpuHour: positiveNumber(1000).optional().describe('Rental price [USD per GPU-hour]. Default: per accelerator from the data (DeepSeek-V3: $2 for H800).'),
    capexUsdPerGpu: positiveNumber(10_000_000).optional().describe('Owned: server capex per GPU [USD].'),
    amortisationYears: positiveNumber(30).optional().describe('Owned: amortisation period [years].'),
    electricityUsdPerKwh: positiveNumber(10).optional().describe('Electricity price [USD/kWh].'),
    gridGramsCo2ePerKwh: positiveNumber(5000).optional().describe('Grid carbon intensity [gCO2e/kWh].'),
    storageBandwidthGBps: positiveNumber(1e6).optional().describe('Aggregate checkpoint storage bandwidth [GB/s].'),
  },
  'Run economics: price basis, energy price, grid intensity, checkpoint storage.',
);

export const FabricInputSchema = strictObject(
  {
    type: oneOf(FABRIC_TYPES).optional().describe('Compute fabric: InfiniBand or RoCE Ethernet (Spectrum-X). Default infiniband.'),
    switch: oneOf(SWITCH_IDS).optional().describe('Switch model: quantum-2 (64 × 400G NDR), quantum-x800 (144 × 800G XDR), spectrum-x (128 × 400GbE), ethernet-512 (512 × 200GbE). Default: quantum-2 for InfiniBand, spectrum-x for Ethernet.'),
    switchPorts: positiveInt(4096).optional().describe('Switch radix, overriding the model\'s port count.'),
    rails: positiveInt(64).optional().describe('Compute NICs (rails) per node. Default: one per GPU of a node.'),
    planes: positiveInt(64).optional().describe('Independent network planes the rails are split over (DeepSeek multi-plane fat tree: 8). Default 1.'),
    oversubscription: positiveNumber(64).optional().describe('Leaf downlinks per uplink (1 = non-blocking, the default; 2 = 2:1).'),
  },
  'Compute fabric: type, switch radix, rails, planes, oversubscription.',
);

export const DatacenterInputSchema = strictObject(
  {
    cooling: oneOf(['air', 'rear-door', 'direct-to-chip', 'immersion'] as const).optional().describe('Cooling technology. Default: the lowest-PUE option that holds the rack (direct-to-chip for NVL72, else direct-to-chip as modular default).'),
    climate: oneOf(['cold', 'temperate', 'hot'] as const).optional().describe('Climate preset (free-cooling hours). Default temperate.'),
    powerChain: oneOf(['legacyAc', 'modernAc', 'hvdc800v'] as const).optional().describe('Power distribution. Default modernAc.'),
    blockMw: positiveNumber(500).optional().describe('IT power of one modular block [MW]. Default 2; blocks of 1 MW or less (edge, from 0.1 MW) are priced per watt as edge blocks.'),
    redundancy: strictObject(
      {
        power: oneOf(REDUNDANCY_LEVELS).optional().describe('UPS, generators and switchgear: N (Tier I), N+1 (Tier II/III) or 2N (Tier IV). Default N+1.'),
        cooling: oneOf(REDUNDANCY_LEVELS).optional().describe('Chillers, CDUs and heat rejection: N, N+1 or 2N. Default N+1.'),
      },
      'Redundancy of the power and cooling plant (Uptime Tier Standard): sets installed capacity and facility capex.',
    ).optional(),
    fabric: FabricInputSchema.optional(),
    sitePowerMw: positiveNumber(50_000).optional().describe('Utility feed available at the site [MW]: a design whose design-day facility power exceeds it is refused; `plan` keeps only GPU counts that fit.'),
    site: strictObject(
      {
        powerAvailable: z.boolean().optional().describe('The grid connection (substation, feed) is already in place. Default false.'),
        permitted: z.boolean().optional().describe('Building and environmental permits are in hand. Default false.'),
      },
      'Site readiness: what is already in hand before construction starts.',
    ).optional(),
    growth: z
      .array(strictObject({ month: z.number().int().min(0).max(1200), gpus: positiveInt(10_000_000) }, 'GPUs needed from this month on.'))
      .min(1)
      .optional()
      .describe('GPU growth schedule for pay-as-you-grow planning.'),
    growthHorizonMonth: z.number().int().min(1).max(1201).optional().describe('First month not counted by the growth plan (default: the last growth month + 1); stranded and unmet capacity are summed up to it.'),
  },
  'Data-center options: cooling, climate, power chain, block size, fabric, growth schedule.',
);

export type EconomicsInput = z.infer<typeof EconomicsInputSchema>;
export type DatacenterInput = z.infer<typeof DatacenterInputSchema>;

export const ReferenceInputSchema = strictObject(
  {
    gpuHours: positiveNumber(1e12).optional().describe('Published GPU-hours of this run.'),
    source: z.string().optional().describe('Where the published figures come from.'),
  },
  'Published figures to print beside the estimate (never used as an input).',
);

export type ReferenceInput = z.infer<typeof ReferenceInputSchema>;
