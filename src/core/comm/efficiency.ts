/**
 * Achievable fraction of nominal per-GPU bandwidth, per tier and per kind of traffic.
 * These are the calibration knobs of the communication model (fitted later by scripts/calibrate),
 * so they are parameters, never constants inside the cost functions.
 */

/** Achievable fraction (0, 1] of the nominal per-direction bandwidth of each tier. */
export interface TierEfficiency {
  readonly scaleUp: number;
  readonly scaleOut: number;
}

export interface CommEfficiency {
  /** NCCL all-reduce / reduce-scatter / all-gather (ring, tree). */
  readonly collective: TierEfficiency;
  /** MoE token dispatch / combine (NCCL all-to-all or DeepEP). */
  readonly allToAll: TierEfficiency;
  /** Pipeline-boundary and context-parallel send/recv. */
  readonly pointToPoint: TierEfficiency;
}

/**
 * Defaults, all 0.8 of nominal, from the only measured ratios in the data:
 * - scale-up 0.8: DeepSeek ISCA'25 (arXiv 2505.09343) §4.3, H800 "NVLink provides 200GB/s bandwidth
 *   (of which about 160GB/s can actually be achieved)" = 160/200; DeepEP V2 SM100 intranode EP8
 *   726-740 GB/s of 900 nominal = 0.81 (notes §2.11).
 * - scale-out 0.8: ISCA'25 §4.3 "each 400Gbps IB NIC delivers only 50GB/s ... use 40GB/s for
 *   effective bandwidth" = 40/50.
 * - all-to-all: DeepEP V1 normal kernels reach 153-158 GB/s NVLink of the 160 achievable (≈0.78 of
 *   200 nominal) and 43-58 GB/s "RDMA bottleneck bandwidth" of 50 (notes §2.11); 0.8 kept for both.
 * - point-to-point: same sources as the collectives.
 */
export const DEFAULT_COMM_EFFICIENCY: CommEfficiency = {
  collective: { scaleUp: 0.8, scaleOut: 0.8 },
  allToAll: { scaleUp: 0.8, scaleOut: 0.8 },
  pointToPoint: { scaleUp: 0.8, scaleOut: 0.8 },
};
