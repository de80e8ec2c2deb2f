/**
 * Hardware description: one accelerator and the reference system it ships in.
 * SI units inside the core: FLOP/s, bytes, bytes/s, seconds, watts.
 */

/** GEMM precision of a training run. */
export type Precision = 'bf16' | 'fp16' | 'fp8' | 'fp8-block' | 'mxfp8' | 'nvfp4';

export const PRECISIONS: readonly Precision[] = ['bf16', 'fp16', 'fp8', 'fp8-block', 'mxfp8', 'nvfp4'];

/** Tensor-core peak classes as datasheets list them (dense, no sparsity). */
export interface PeakFlops {
  readonly tf32: number | null;
  readonly bf16: number | null;
  readonly fp16: number | null;
  readonly fp8: number | null;
  readonly fp4: number | null;
}

export interface Accelerator {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  /** Dense tensor-core peak [FLOP/s]. */
  readonly peakFlopsPerSec: PeakFlops;
  readonly hbmBytes: number;
  readonly hbmBandwidthBytesPerSec: number;
  readonly scaleUp: {
    readonly name: string;
    /** Nominal per-GPU per-direction bandwidth [bytes/s]. */
    readonly bandwidthBytesPerSec: number;
    /** Achievable per-direction bandwidth where a source gives it (H800: 160 GB/s), else null. */
    readonly achievedBytesPerSec: number | null;
    readonly domainGpus: number;
    /** One-way latency of a small message inside the domain [s]. */
    readonly latencySeconds: number;
  };
  readonly gpusPerNode: number;
  readonly tdpWatts: number;
  /** Reference system (DGX/HGX node, NVL72 rack) used for power and rack sizing. */
  readonly system: {
    readonly name: string;
    /** GPUs per system unit (8 for a DGX, 72 for an NVL72 rack). */
    readonly gpus: number;
    /** Maximum power of one system unit [W]. */
    readonly powerWatts: number;
    /** System units per rack under the reference design (DGX H100: 4 per rack). */
    readonly unitsPerRack: number;
    /** Where the system figures come from, and any assumption. */
    readonly source?: string;
  };
  /** Default scale-out fabric of the reference system. */
  readonly scaleOut: {
    readonly fabric: string;
    /** Per-GPU per-direction bandwidth [bytes/s] (one 400 Gb/s NIC per GPU = 50 GB/s). */
    readonly bandwidthBytesPerSec: number;
    readonly latencySeconds: number;
    /** Where the fabric figures come from, and any assumption. */
    readonly source?: string;
  };
  /** Where the figures come from (datasheet, paper), kept beside them. */
  readonly source: string;
  readonly notes: string;
  /**
   * Tensor cores that run block-scaled microscaling formats (MXFP8, NVFP4) natively: Blackwell and
   * later (NVIDIA Transformer Engine supports MXFP8 recipes on Blackwell only). Absent = false.
   */
  readonly microscalingTensorCores?: boolean;
  /**
   * A board power limit below the one the catalog peak was quoted at (a capped variant whose peak
   * is copied from the full-power part): the sustained tensor rate is lower (`power-clock.ts`).
   * Absent = the peak holds at the chip's own board power.
   */
  readonly powerLimit?: {
    /** The limit the chip runs under [W]. */
    readonly watts: number;
    /** Board power of the datasheet the peak comes from [W]. */
    readonly peakQuotedAtWatts: number;
    readonly source: string;
  };
}

/** The cluster a scenario runs on: an accelerator, a GPU count and the two network tiers. */
export interface Cluster {
  readonly accelerator: Accelerator;
  readonly gpus: number;
  readonly gpusPerNode: number;
  /** GPUs sharing one scale-up (NVLink) domain: 8 for HGX, 72 for NVL72. */
  readonly scaleUpDomainGpus: number;
  /** Per-GPU per-direction bandwidth inside the scale-up domain [bytes/s]. */
  readonly scaleUpBandwidthBytesPerSec: number;
  /**
   * True when `scaleUpBandwidthBytesPerSec` is already an achieved figure (H800: 160 GB/s of 200
   * nominal), so communication efficiency factors must not be applied on top. Absent = false (nominal).
   */
  readonly scaleUpBandwidthIsAchieved?: boolean;
  readonly scaleUpLatencySeconds: number;
  /** Per-GPU per-direction bandwidth to other domains [bytes/s]. */
  readonly scaleOutBandwidthBytesPerSec: number;
  readonly scaleOutLatencySeconds: number;
}
