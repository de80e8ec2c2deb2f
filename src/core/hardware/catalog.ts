/**
 * The accelerator catalog. Figures from data/hardware.json and data/hardware-facts.md (§1 accelerators,
 * §2 systems, §3 networking), converted to SI: TFLOP/s → FLOP/s, GB → bytes (decimal; HBM capacity: see below), TB/s → bytes/s.
 * Peaks are dense (no 2:4 sparsity). Scale-up bandwidth is per GPU per direction = NVIDIA's
 * bidirectional figure / 2. Where the data has no figure, `notes` names the assumption used.
 *
 * HBM capacity of the Ampere and Hopper parts is binary (`gibibytes`): DRAM dies hold 2^n bits, so
 * an HBM stack of eight 16 Gb dies holds 16 GiB, and the datasheet's "80 GB" is five such stacks
 * (H100 SXM5 HBM3, A100 80GB HBM2e), 80 GiB = 85.9e9 bytes; nvidia-smi reports 81,920 MiB (A100
 * 80GB) and 81,559 MiB (H100 SXM5 80GB) of it to CUDA. The development runs measure above the
 * decimal 74.5 GiB on these devices: ms-swift prints torch.cuda.max_memory_reserved "80GiB" per
 * A800 80GB (runs-dev MSSWIFT-002, MSSWIFT-005) and a DeepSpeed benchmark 75.7 on A800 (DSGIST-004).
 * The CUDA context and NCCL buffers are a separate term (`memory/buffers.ts` runtimeReserveBytes).
 * Later parts keep the decimal nominal figure: their usable capacity is unverified in the data
 * (B300 270 GB and GB300 279 GB usable against 288 GB nominal, hardware-facts.md §1.1).
 */
import { SCALE_OUT_FABRICS, SCALE_UP_LATENCY_SECONDS } from './fabrics.js';
import { REFERENCE_SYSTEMS } from './systems.js';
import type { Accelerator, PeakFlops } from './types.js';
import { gibibytes, gigabytes, gigabytesPerSec, teraflops, terabytesPerSec } from './units.js';

/** Dense tensor-core peaks given in TFLOP/s, returned in FLOP/s (null = no such peak). */
function densePeak(tflops: { [K in keyof PeakFlops]: number | null }): PeakFlops {
  const convert = (value: number | null): number | null => (value === null ? null : teraflops(value));
  return { tf32: convert(tflops.tf32), bf16: convert(tflops.bf16), fp16: convert(tflops.fp16), fp8: convert(tflops.fp8), fp4: convert(tflops.fp4) };
}

/** Scale-up link from a per-direction figure in GB/s (NVLink bidirectional / 2). */
function scaleUp(name: string, perDirectionGBs: number, domainGpus: number, achievedGBs: number | null = null): Accelerator['scaleUp'] {
  return {
    name,
    bandwidthBytesPerSec: gigabytesPerSec(perDirectionGBs),
    achievedBytesPerSec: achievedGBs === null ? null : gigabytesPerSec(achievedGBs),
    domainGpus,
    latencySeconds: SCALE_UP_LATENCY_SECONDS,
  };
}

const NVLINK_LATENCY_NOTE = 'Scale-up latency: the H800 NVLink measurement (3.33 µs, DeepSeek ISCA\'25 Table 5) is assumed.';

const H100_PEAK = densePeak({ tf32: 494.7, bf16: 989.4, fp16: 989.4, fp8: 1978.9, fp4: null });
const A100_PEAK = densePeak({ tf32: 156, bf16: 312, fp16: 312, fp8: null, fp4: null });

export const ACCELERATORS = {
  'a100-80gb': {
    id: 'a100-80gb', name: 'NVIDIA A100 SXM 80GB', vendor: 'NVIDIA',
    peakFlopsPerSec: A100_PEAK,
    hbmBytes: gibibytes(80), hbmBandwidthBytesPerSec: terabytesPerSec(2.039),
    scaleUp: scaleUp('NVLink 3 (NVSwitch)', 300, 8),
    gpusPerNode: 8, tdpWatts: 400,
    system: REFERENCE_SYSTEMS['dgx-a100'], scaleOut: SCALE_OUT_FABRICS['ib-hdr-200g'],
    source: 'hardware.json a100-80gb: NVIDIA A100 datasheet via Glenn Lockwood A100 page (BF16 312, TF32 156, 80GB HBM2e 2.039 TB/s, "300+300 GB/s NVLink", 400 W); hardware-facts.md §1.2',
    notes: `No FP8 tensor cores. ${NVLINK_LATENCY_NOTE}`,
  },
  'a100-40gb': {
    id: 'a100-40gb', name: 'NVIDIA A100 SXM4 40GB', vendor: 'NVIDIA',
    peakFlopsPerSec: A100_PEAK,
    hbmBytes: gibibytes(40), hbmBandwidthBytesPerSec: terabytesPerSec(1.555),
    scaleUp: scaleUp('NVLink 3 (NVSwitch)', 300, 8),
    gpusPerNode: 8, tdpWatts: 400,
    system: REFERENCE_SYSTEMS['dgx-a100'], scaleOut: SCALE_OUT_FABRICS['ib-hdr-200g'],
    source: 'hardware.json a100-40gb: 40 GB from the run label "A100-SXM4-40GB"; compute and NVLink copied from a100-80gb (same GA100 chip)',
    notes: `Assumptions (not in the data): HBM bandwidth 1.555 TB/s and TDP 400 W from the NVIDIA A100 40GB SXM4 datasheet. No FP8. ${NVLINK_LATENCY_NOTE}`,
  },
  'h100-sxm': {
    id: 'h100-sxm', name: 'NVIDIA H100 SXM5 80GB', vendor: 'NVIDIA',
    peakFlopsPerSec: H100_PEAK,
    hbmBytes: gibibytes(80), hbmBandwidthBytesPerSec: terabytesPerSec(3.35),
    scaleUp: scaleUp('NVLink 4 (NVSwitch gen3)', 450, 8),
    gpusPerNode: 8, tdpWatts: 700,
    system: REFERENCE_SYSTEMS['dgx-h100'], scaleOut: SCALE_OUT_FABRICS['ib-ndr-400g'],
    source: 'hardware.json h100-sxm: NVIDIA H100 whitepaper V1.04 Tables 1 & 3 (BF16 989.4 dense, TDP 700 W); datasheet (3.35 TB/s, NVLink 900 GB/s bidirectional); hardware-facts.md §1.2',
    notes: NVLINK_LATENCY_NOTE,
  },
  'h100-96gb-500w': {
    id: 'h100-96gb-500w', name: 'NVIDIA H100 96GB HBM2e, 500 W cap (Meta Grand Teton)', vendor: 'NVIDIA',
    peakFlopsPerSec: H100_PEAK,
    hbmBytes: gibibytes(96), hbmBandwidthBytesPerSec: terabytesPerSec(3.35),
    scaleUp: scaleUp('NVLink 4 (NVSwitch gen3)', 450, 8),
    gpusPerNode: 8, tdpWatts: 500,
    system: REFERENCE_SYSTEMS['grand-teton-h100-500w'], scaleOut: SCALE_OUT_FABRICS['meta-400g'],
    source: 'hardware.json h100-96gb-500w: torchtitan benchmark pages ("Grand Teton; 96GB HBM2e, 500W power limit"); peak FLOP/s and NVLink copied from h100-sxm',
    powerLimit: {
      watts: 500,
      peakQuotedAtWatts: 700,
      source: 'hardware.json h100-96gb-500w: "500W power limit" (torchtitan benchmark pages); the peak is the H100 SXM datasheet peak at 700 W (H100 whitepaper V1.04 Table 1)',
    },
    notes: 'Assumption: HBM bandwidth not in the data, copied from h100-sxm (3.35 TB/s; an upper bound for HBM2e). Peak is the SXM datasheet peak at 700 W; the 500 W cap lowers the sustained tensor rate (power-clock.ts). ' + NVLINK_LATENCY_NOTE,
  },
  'h800': {
    id: 'h800', name: 'NVIDIA H800 SXM 80GB', vendor: 'NVIDIA',
    peakFlopsPerSec: densePeak({ tf32: null, bf16: 989, fp16: 989, fp8: 1979, fp4: null }),
    hbmBytes: gibibytes(80), hbmBandwidthBytesPerSec: terabytesPerSec(3.35),
    scaleUp: scaleUp('NVLink (reduced, 400 GB/s bidirectional)', 200, 8, 160),
    gpusPerNode: 8, tdpWatts: 700,
    system: REFERENCE_SYSTEMS['hgx-h800'], scaleOut: SCALE_OUT_FABRICS['ib-ndr-400g'],
    source: 'hardware.json h800: DeepSeek ISCA\'25 (arXiv 2505.09343) §4.1, §4.3 ("NVLink provides 200GB/s ... about 160GB/s can actually be achieved"; eight 400G CX7 NICs per node); DeepSeek-V3 TR §3.2.2 (160 vs 50 GB/s); BF16 peak derived from ISCA Table 4 (432 TFLOPS = 43.73 % MFU)',
    notes: 'FP8 peak, HBM capacity/bandwidth and 700 W TDP assumed equal to H100 SXM (secondary, UNVERIFIED in the data). ' + NVLINK_LATENCY_NOTE,
  },
  'h200': {
    id: 'h200', name: 'NVIDIA H200 SXM 141GB', vendor: 'NVIDIA',
    peakFlopsPerSec: densePeak({ tf32: 494.7, bf16: 989, fp16: 989, fp8: 1979, fp4: null }),
    hbmBytes: gigabytes(141), hbmBandwidthBytesPerSec: terabytesPerSec(4.8),
    scaleUp: scaleUp('NVLink 4 (NVSwitch gen3)', 450, 8),
    gpusPerNode: 8, tdpWatts: 700,
    system: REFERENCE_SYSTEMS['dgx-h100'], scaleOut: SCALE_OUT_FABRICS['ib-ndr-400g'],
    source: 'hardware.json h200: datasheet comparison (141GB HBM3e, 4.8 TB/s, FP8 3,958 sparse, 700 W, NVLink 900 GB/s); MLPerf Inference v4.1 H200-SXM-141GBx8 system JSON; DGX H200 = DGX H100 chassis (hardware-facts.md §2.1)',
    notes: 'Same GH100 compute as H100; TF32 derived from H100. ' + NVLINK_LATENCY_NOTE,
  },
  'b200': {
    id: 'b200', name: 'NVIDIA B200 (HGX/DGX B200)', vendor: 'NVIDIA',
    peakFlopsPerSec: densePeak({ tf32: 1100, bf16: 2250, fp16: 2250, fp8: 4500, fp4: 9000 }),
    hbmBytes: gigabytes(180), hbmBandwidthBytesPerSec: terabytesPerSec(7.7),
    scaleUp: scaleUp('NVLink 5 (NVSwitch)', 900, 8),
    gpusPerNode: 8, tdpWatts: 1000,
    system: REFERENCE_SYSTEMS['dgx-b200'], scaleOut: SCALE_OUT_FABRICS['ib-ndr-400g'],
    source: 'hardware.json b200: NVIDIA GB200 NVL72 / HGX B200 datasheet table (sparse, halved), Glenn Lockwood and Verda dense tables (BF16 2.25, FP8 4.5, FP4 9 PF), 180 GB 7.7 TB/s, up to 1,000 W; NVLink 5 18 x 100 GB/s; DGX B200 user guide (8 x CX-7 400G)',
    notes: 'Marketing pages quote 192 GB / 8 TB/s; the datasheet 180 GB / 7.7 TB/s is used. ' + NVLINK_LATENCY_NOTE,
    microscalingTensorCores: true,
  },
  'b300': {
    id: 'b300', name: 'NVIDIA B300 (HGX B300, Blackwell Ultra)', vendor: 'NVIDIA',
    peakFlopsPerSec: densePeak({ tf32: 1100, bf16: 2250, fp16: 2250, fp8: 4500, fp4: 14000 }),
    hbmBytes: gigabytes(288), hbmBandwidthBytesPerSec: terabytesPerSec(7.7),
    scaleUp: scaleUp('NVLink 5 (NVSwitch)', 900, 8),
    gpusPerNode: 8, tdpWatts: 1100,
    system: REFERENCE_SYSTEMS['dgx-b300'], scaleOut: SCALE_OUT_FABRICS['cx8-800g'],
    source: 'hardware.json b300: Verda blog per-GPU dense table (FP4 14, FP8 4.5, BF16 2.25 PF, 1.1 kW); Glenn Lockwood B300 page; HGX B300 "up to 2.3 TB" per 8 GPUs; SuperPOD B300 RA (XDR 800 Gb/s)',
    notes: 'UNVERIFIED in the data: dense FP4 (14,000 Verda vs 13,125 Glenn Lockwood), TDP (1.1 kW HGX vs 1.4 kW), HBM bandwidth (7.7 vs 8 TB/s), usable HBM (270 GB vs 288 nominal, nominal used). ' + NVLINK_LATENCY_NOTE,
    microscalingTensorCores: true,
  },
  'gb200': {
    id: 'gb200', name: 'NVIDIA GB200 (Blackwell GPU in GB200 NVL72)', vendor: 'NVIDIA',
    peakFlopsPerSec: densePeak({ tf32: 1250, bf16: 2500, fp16: 2500, fp8: 5000, fp4: 10000 }),
    hbmBytes: gigabytes(186), hbmBandwidthBytesPerSec: terabytesPerSec(8.0),
    scaleUp: scaleUp('NVLink 5 + NVLink Switch trays (NVL72)', 900, 72),
    gpusPerNode: 4, tdpWatts: 1200,
    system: REFERENCE_SYSTEMS['gb200-nvl72'], scaleOut: SCALE_OUT_FABRICS['ib-ndr-400g'],
    source: 'hardware.json gb200: NVIDIA GB200 NVL72 datasheet table (sparse, halved; 186GB HBM3E 8 TB/s, up to 1,200 W); DGX GB200 user guide (18 trays x 4 GPUs, 4 x CX-7 400G per tray); DGX SuperPOD GB200 RA (18 NVL5 links per GPU, NDR 400 Gb/s compute fabric)',
    notes: 'gpusPerNode = GPUs per compute tray; the scale-up domain is the 72-GPU rack. ' + NVLINK_LATENCY_NOTE,
    microscalingTensorCores: true,
  },
  'gb300': {
    id: 'gb300', name: 'NVIDIA GB300 (Blackwell Ultra GPU in GB300 NVL72)', vendor: 'NVIDIA',
    peakFlopsPerSec: densePeak({ tf32: 1250, bf16: 2500, fp16: 2500, fp8: 5000, fp4: 15000 }),
    hbmBytes: gigabytes(288), hbmBandwidthBytesPerSec: terabytesPerSec(8.0),
    scaleUp: scaleUp('NVLink 5 + NVLink Switch trays (NVL72)', 900, 72),
    gpusPerNode: 4, tdpWatts: 1400,
    system: REFERENCE_SYSTEMS['gb300-nvl72'], scaleOut: SCALE_OUT_FABRICS['cx8-800g'],
    source: 'hardware.json gb300: NVIDIA GB300 NVL72 rack figures /72 (1,080 PF FP4 dense, 360 PF FP8 dense), Verda dense table (FP4 15, FP8 5, BF16 2.5 PF, 1.4 kW), Glenn Lockwood (288 GB, 1400 W); 72 x ConnectX-8 800G per rack (hardware-facts.md §2.1)',
    notes: 'TF32 UNVERIFIED in the data; Verda reports 279 GB usable HBM (288 nominal used). ' + NVLINK_LATENCY_NOTE,
    microscalingTensorCores: true,
  },
  'mi300x': {
    id: 'mi300x', name: 'AMD Instinct MI300X', vendor: 'AMD',
    peakFlopsPerSec: densePeak({ tf32: 653.7, bf16: 1307.4, fp16: 1307.4, fp8: 2614.9, fp4: null }),
    hbmBytes: gigabytes(192), hbmBandwidthBytesPerSec: terabytesPerSec(5.3),
    scaleUp: scaleUp('AMD Infinity Fabric, 8-GPU full mesh (7 links)', 448, 8),
    gpusPerNode: 8, tdpWatts: 750,
    system: REFERENCE_SYSTEMS['mi300x-platform'], scaleOut: SCALE_OUT_FABRICS['mi300x-400g'],
    source: 'hardware.json mi300x: ROCm docs "AMD Instinct MI300 series microarchitecture" (matrix BF16 1307.4, FP8 2614.9, 5.3 TB/s, seven Infinity Fabric links, fully connected 8-GPU system); Wheeler\'s Network (128 GB/s bidirectional per link); MLPerf v4.1 "MI300X-NPS1-SPX-192GB-750W"',
    notes: 'Scale-up 448 GB/s per direction = 7 links x 64 GB/s (derived): any one GPU pair has a single 64 GB/s-per-direction link, so the aggregate is reached only when traffic uses all seven peers. TF32 is the vector figure. Infinity Fabric latency assumed = NVLink 3.33 µs.',
  },
} satisfies Record<string, Accelerator>;

export type AcceleratorId = keyof typeof ACCELERATORS;

/** Catalog ids in registry order. */
export const ACCELERATOR_IDS: readonly string[] = Object.keys(ACCELERATORS);
