/**
 * ZB-H1 (Qi et al. 2023, arXiv 2401.10241 §3, Fig. 3 top; = ZB1P in the DualPipe README).
 * Backward split into I (input gradient) and W (weight gradient). Rank r walks x = 0..m+p-2 and
 * emits, when in range, F_x, then I_{x-(p-1-r)}, then W_{x-(p-1)}: p-1-r pure forwards, r (F, I)
 * pairs with W deferred, steady (F, I, W) triples, (I, W) pairs, trailing W's. Every rank keeps a
 * W lag of p-1 micro-batches (notes §3.4).
 */
import { checkSingleChunk } from './checks.js';
import { createLoopPlacement, ONE_CHUNK_PER_RANK } from './placement.js';
import type { Op, Schedule, StageOps } from './types.js';

function rankOps(pp: number, rank: number, microBatches: number): Op[] {
  const ops: Op[] = [];
  const inRange = (j: number): boolean => j >= 0 && j < microBatches;
  for (let x = 0; x <= microBatches + pp - 2; x += 1) {
    if (inRange(x)) ops.push({ kind: 'F', microBatch: x, chunk: 0 });
    const i = x - (pp - 1 - rank);
    if (inRange(i)) ops.push({ kind: 'I', microBatch: i, chunk: 0 });
    const w = x - (pp - 1);
    if (inRange(w)) ops.push({ kind: 'W', microBatch: w, chunk: 0 });
  }
  return ops;
}

export const zbH1: Schedule = {
  id: 'zb-h1',
  name: 'ZB-H1',
  describe: 'ZB-H1: 1F1B with weight gradients deferred into the bubbles; same memory as 1F1B',
  bubbleBasis: 'makespan',
  parameterCopies: 1,
  ...ONE_CHUNK_PER_RANK,
  endsOnFullBackward: false,
  check: (params) => checkSingleChunk(params, 'ZB-H1'),
  microBatchMultiple: () => 1,
  placement: (params) => createLoopPlacement(params.pp, 1, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({ rank, ops: rankOps(params.pp, rank, params.microBatches) }));
  },
  /** (p-1)(F+I-W) = (p-1)(F+B-2W) seconds (ZB Table 2; DeepSeek-V3 TR Table 2 "ZB1P"), ≥ 0. */
  bubbleFormula: (params, t) =>
    Math.max(0, (params.pp - 1) * (t.forwardSeconds + t.backwardInputSeconds - t.backwardWeightSeconds)),
  /** min(p-r, m) micro-batches between F and I on rank r: p·M_B on rank 0 (ZB Table 2). */
  peakInFlightBound: (params) => Array.from({ length: params.pp }, (_, r) => Math.min(params.pp - r, params.microBatches)),
  /** min(p − r, m), as 1F1B (ZB Table 2). */
  inFlightMicroBatches: (params, rank) => Math.min(params.pp - rank, params.microBatches),
};
