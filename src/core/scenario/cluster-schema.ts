/**
 * Cluster section of a scenario, in human units (TFLOP/s, GB, TB/s, GB/s, µs). Conversion to
 * SI happens in `resolve-cluster.ts`.
 */
import * as z from 'zod';
import { LIMITS, idOrInline, positiveInt, positiveNumber, strictObject } from './schema-parts.js';

const tflops = positiveNumber(LIMITS.tflops);

/** An accelerator not in the catalog, described the way datasheets state it. */
export const AcceleratorInputSchema = strictObject(
  {
    id: z.string().min(1).describe('Identifier used in reports.'),
    name: z.string().min(1).optional().describe('Default: the id.'),
    vendor: z.string().optional().describe('Default: "custom".'),
    peakTflops: strictObject(
      {
        bf16: tflops.describe('Dense BF16 tensor-core peak [TFLOP/s].'),
        fp16: tflops.nullable().optional().describe('Default: bf16.'),
        fp8: tflops.nullable().optional().describe('Default: null (no FP8 support).'),
        fp4: tflops.nullable().optional().describe('Default: null.'),
        tf32: tflops.nullable().optional().describe('Default: null.'),
      },
      'Dense (no sparsity) tensor-core peaks [TFLOP/s].',
    ),
    hbmGB: positiveNumber(LIMITS.hbmGB).describe('HBM capacity [GB, decimal].'),
    hbmBandwidthTBs: positiveNumber(LIMITS.bandwidthGBps).describe('HBM bandwidth [TB/s].'),
    scaleUp: strictObject(
      {
        name: z.string().optional().describe('Default: "scale-up".'),
        bandwidthGBps: positiveNumber(LIMITS.bandwidthGBps).describe('Per GPU per direction [GB/s].'),
        achievedGBps: positiveNumber(LIMITS.bandwidthGBps).nullable().optional().describe('Measured per-direction bandwidth. Default: null.'),
        domainGpus: positiveInt(LIMITS.gpus).describe('GPUs in one scale-up domain.'),
        latencyUs: positiveNumber(LIMITS.latencyUs).optional().describe('Default: 3.33 µs (H800 NVLink end-to-end, DeepSeek ISCA\'25 Table 5).'),
      },
      'Scale-up (NVLink-class) link.',
    ),
    gpusPerNode: positiveInt(LIMITS.gpus).optional().describe('Default: min(8, scaleUp.domainGpus).'),
    tdpWatts: positiveNumber(LIMITS.watts).describe('Board power [W].'),
    system: strictObject(
      {
        name: z.string().optional(),
        gpus: positiveInt(LIMITS.gpus).optional().describe('GPUs per system unit. Default: gpusPerNode.'),
        powerWatts: positiveNumber(LIMITS.watts).optional().describe('Default: gpus·tdpWatts (GPUs only: a lower bound).'),
        unitsPerRack: positiveInt(LIMITS.count).optional().describe('Default: 1.'),
      },
      'Reference system unit (node or rack). Default: one node of GPUs only.',
    ).optional(),
    scaleOut: strictObject(
      {
        fabric: z.string().optional().describe('Default: "scale-out".'),
        bandwidthGBps: positiveNumber(LIMITS.bandwidthGBps).describe('Per GPU per direction [GB/s] (one 400 Gb/s NIC = 50 GB/s).'),
        latencyUs: positiveNumber(LIMITS.latencyUs).optional().describe('Default: 3.7 µs (InfiniBand cross-leaf, DeepSeek ISCA\'25 Table 5).'),
      },
      'Scale-out (InfiniBand/Ethernet) fabric.',
    ),
    source: z.string().optional(),
    notes: z.string().optional(),
  },
  'An inline accelerator.',
);

export type AcceleratorInput = z.infer<typeof AcceleratorInputSchema>;

export const ClusterInputSchema = strictObject(
  {
    accelerator: idOrInline(AcceleratorInputSchema, 'accelerator').describe('Catalog id (e.g. "h100-sxm") or inline accelerator.'),
    gpus: positiveInt(LIMITS.gpus).describe('Accelerators used by the run.'),
    scaleUpDomainGpus: positiveInt(LIMITS.gpus).optional().describe("Default: the accelerator's reference system (8 for HGX, 72 for NVL72)."),
    scaleUpBandwidthGBps: positiveNumber(LIMITS.bandwidthGBps).optional().describe("Per GPU per direction [GB/s]. Default: the accelerator's scale-up link."),
    scaleOutBandwidthGBps: positiveNumber(LIMITS.bandwidthGBps).optional().describe("Per GPU per direction [GB/s]. Default: the reference system's NICs."),
    scaleOutLatencyUs: positiveNumber(LIMITS.latencyUs).optional().describe("One-way small-message latency [µs]. Default: the reference fabric's."),
  },
  'The cluster: accelerator, GPU count, and the two network tiers.',
);

export type ClusterInput = z.infer<typeof ClusterInputSchema>;
