/**
 * Per-model-stage op times for the pipeline simulator: compute from the roofline model, plus the
 * exposed part of each layer's tensor-, context- and (ZeRO-3) data-parallel communication; MoE
 * all-to-all is handed to the simulator as op communication so that paired schedules (DualPipe)
 * can hide it under the other chunk's compute (DeepSeek-V3 TR §3.2.1, Fig. 4).
 */
import type { ComputeEstimator } from '../compute/compute-estimator.js';
import type { ComputeEstimate, ComputeShape } from '../compute/types.js';
import type { StageChunk } from '../layout/stages.js';
import type { StageOpTimes } from '../schedules/types.js';
import type { DataParallelComm } from './data-parallel.js';
import type { LayerComm } from './layer-comm.js';
import { overlappedSeconds } from './overlap-cost.js';
import type { StepFramework } from './options.js';

/** What one model stage costs per micro-batch, split so that the report can attribute the step. */
export interface StageCost {
  readonly times: StageOpTimes;
  readonly compute: ComputeEstimate;
  /** Exposed seconds per micro-batch (forward + backward) by kind. */
  readonly exposedTpSeconds: number;
  readonly exposedCpSeconds: number;
  readonly exposedFsdpSeconds: number;
  /** MoE all-to-all per micro-batch before any pairing (forward + backward). */
  readonly epSeconds: number;
}

export interface StageInputs {
  readonly chunk: StageChunk;
  readonly estimator: ComputeEstimator;
  readonly shape: ComputeShape;
  readonly dense: LayerComm;
  readonly moe: LayerComm;
  /** Attention-core forward seconds of one layer (hides the context-parallel ring). */
  readonly attentionForwardSeconds: number;
  /** ZeRO-3 gathers of this chunk's parameters per micro-batch (zero otherwise). */
  readonly fsdp: DataParallelComm;
  /** What overlaps what in the software stack, and at what cost to the GEMMs. */
  readonly framework: StepFramework;
  /** Paired schedules hide all-to-all themselves; others use `overlap.epFraction`. */
  readonly pairedSchedule: boolean;
}

/**
 * Time communication adds to a pass: all of it when not overlapped; else what exceeds the compute
 * it overlaps, plus the contention the hidden part costs the compute beside it
 * (slowdown × hidden seconds: the communication kernels' SMs and HBM traffic; the stack's
 * `overlapGemmSlowdown` for TP and CP, `collectiveGemmSlowdown` for ZeRO-3 / FSDP collectives).
 */
function hidden(commSeconds: number, computeSeconds: number, overlapped: boolean, slowdown: number): number {
  return overlapped ? overlappedSeconds(commSeconds, computeSeconds, slowdown) : commSeconds;
}

/**
 * Exposed seconds of a pass's TP collectives. Overlap by decomposition (Megatron-Core / Transformer
 * Engine userbuffers ring-exchange, torchtitan async TP) splits each collective-GEMM pair into tp
 * steps, one chunk per peer, and overlaps each chunk's transfer with another chunk's GEMM; one step's
 * transfer has no GEMM beside it (the first all-gather chunk arrives before any remote GEMM can
 * start, the last reduce-scatter partial leaves after the last GEMM: Wang et al., "Overlap
 * Communication with Dependent Computation via Decomposition in Large Deep Learning Models",
 * ASPLOS 2023, §3). So 1/tp of the collective stays exposed, and the rest hides as `hidden`.
 */
function tpExposed(commSeconds: number, computeSeconds: number, overlapped: boolean, slowdown: number, tp: number): number {
  if (!overlapped || tp <= 1) return hidden(commSeconds, computeSeconds, overlapped, slowdown);
  const fill = commSeconds / tp;
  return fill + hidden(commSeconds - fill, computeSeconds, true, slowdown);
}

export function estimateStageCost(inputs: StageInputs): StageCost {
  const { chunk } = inputs;
  const { overlap } = inputs.framework;
  const slow = inputs.framework.profile.overlapGemmSlowdown;
  const flags = { embedding: chunk.hasEmbedding, head: chunk.hasOutputHead, mtp: chunk.hasMtp };
  const compute = inputs.estimator.estimateStageOf(chunk.denseLayers, chunk.moeLayers, flags, inputs.shape);
  const nDense = chunk.denseLayers;
  const nMoe = chunk.moeLayers + (chunk.hasMtp ? 1 : 0);
  const { dense, moe } = inputs;

  // TP collectives overlapped with the GEMMs of the same pass (forward GEMMs ≈ 1/3 of the GEMM time,
  // backward 2/3: dgrad + wgrad); only what exceeds the overlappable GEMM time stays exposed, plus
  // the pipeline fill of the decomposed overlap (`tpOverlapFill`). Sums over the layers are written
  // out (no closure per stage: the planner prices tens of thousands of stages).
  const gemmForward = compute.byKind.gemm / 3;
  const tpF = tpExposed(nDense * dense.tpForwardSeconds + nMoe * moe.tpForwardSeconds, overlap.tpFraction * gemmForward, overlap.tpFraction > 0, slow, inputs.shape.tp);
  const tpB = tpExposed(nDense * dense.tpBackwardSeconds + nMoe * moe.tpBackwardSeconds, overlap.tpFraction * 2 * gemmForward, overlap.tpFraction > 0, slow, inputs.shape.tp);
  const layers = nDense + nMoe;
  const cpF = layers * hidden(dense.cpForwardSeconds, inputs.attentionForwardSeconds, overlap.cpRing, slow);
  const cpB = layers * hidden(dense.cpBackwardSeconds, 2.5 * inputs.attentionForwardSeconds, overlap.cpRing, slow);
  // ZeRO-3 / FSDP gathers and reduce-scatters are NCCL kernels on SMs (`collectiveGemmSlowdown`).
  const dpSlow = inputs.framework.collectiveGemmSlowdown;
  const fsdpF = hidden(inputs.fsdp.fsdpForwardSeconds, compute.forwardSeconds, overlap.fsdpPrefetch, dpSlow);
  const fsdpB = hidden(inputs.fsdp.fsdpBackwardSeconds, compute.backwardInputSeconds + compute.backwardWeightSeconds, overlap.fsdpPrefetch, dpSlow);
  const epKeep = inputs.pairedSchedule ? 1 : 1 - overlap.epFraction;
  const epF = epKeep * (nDense * dense.epForwardSeconds + nMoe * moe.epForwardSeconds);
  const epB = epKeep * (nDense * dense.epBackwardSeconds + nMoe * moe.epBackwardSeconds);

  return {
    times: {
      forwardSeconds: compute.forwardSeconds + tpF + cpF + fsdpF,
      backwardInputSeconds: compute.backwardInputSeconds + compute.recomputeSeconds + tpB + cpB + fsdpB,
      backwardWeightSeconds: compute.backwardWeightSeconds,
      forwardCommSeconds: epF,
      backwardCommSeconds: epB,
    },
    compute,
    exposedTpSeconds: tpF + tpB,
    exposedCpSeconds: cpF + cpB,
    exposedFsdpSeconds: fsdpF + fsdpB,
    epSeconds: epF + epB,
  };
}
