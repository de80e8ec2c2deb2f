/**
 * ZB-H2 (Qi et al. 2023, arXiv 2401.10241 §3, Fig. 3 bottom): extra warm-up forwards fill the
 * bubble before the first backward and deferred W's fill the tail, so each rank's ops form one
 * unbroken block (a parallelogram across ranks). Zero bubble at F = I = W needs the optimizer
 * step not to synchronise ranks (post-validation, ZB §4), hence bubble basis 'rank-window'.
 *
 * Rank r program (derived from the unit-time parallelogram; m ≥ 2p-1 for zero bubble):
 *   2(p-1-r)+1 forwards (7/5/3/1 for p = 4); then I_0..I_{m-1}, and after I_j:
 *     ramp-up    j < p-1        : one op, F if j < r else W
 *     steady     p-1 ≤ j < m-p  : F then W
 *     ramp-down  m-p ≤ j ≤ m-2  : one op, F if j-(m-p) < r else W
 *   then the remaining W's (2r+1 of them). An F is pulled forward whenever an I would precede it.
 */
import { checkSingleChunk } from './checks.js';
import { createLoopPlacement, ONE_CHUNK_PER_RANK } from './placement.js';
import type { Op, Schedule, StageOps } from './types.js';

/** Which ops follow I_j on rank r. */
function fillersAfter(j: number, pp: number, rank: number, microBatches: number): readonly ('F' | 'W')[] {
  if (j >= microBatches - 1) return [];
  if (j >= pp - 1 && j < microBatches - pp) return ['F', 'W'];
  const g = j < pp - 1 ? j : j - (microBatches - pp);
  return g < rank ? ['F'] : ['W'];
}

function rankOps(pp: number, rank: number, microBatches: number): Op[] {
  const ops: Op[] = [];
  let forwards = 0;
  let inputs = 0;
  let weights = 0;
  const forward = (): void => {
    ops.push({ kind: 'F', microBatch: forwards, chunk: 0 });
    forwards += 1;
  };
  const weight = (): void => {
    ops.push({ kind: 'W', microBatch: weights, chunk: 0 });
    weights += 1;
  };
  while (forwards < Math.min(2 * (pp - 1 - rank) + 1, microBatches)) forward();
  for (let j = 0; j < microBatches; j += 1) {
    while (forwards <= j) forward();
    ops.push({ kind: 'I', microBatch: j, chunk: 0 });
    inputs += 1;
    for (const filler of fillersAfter(j, pp, rank, microBatches)) {
      if (filler === 'F' && forwards < microBatches) forward();
      else if (weights < inputs) weight();
    }
  }
  while (weights < microBatches) weight();
  return ops;
}

export const zbH2: Schedule = {
  id: 'zb-h2',
  name: 'ZB-H2',
  describe: 'ZB-H2: more warm-up forwards and deferred W; zero bubble at F=I=W without optimizer sync, 2p-1 live micro-batches',
  bubbleBasis: 'rank-window',
  parameterCopies: 1,
  ...ONE_CHUNK_PER_RANK,
  endsOnFullBackward: false,
  check: (params) => checkSingleChunk(params, 'ZB-H2'),
  microBatchMultiple: () => 1,
  placement: (params) => createLoopPlacement(params.pp, 1, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({ rank, ops: rankOps(params.pp, rank, params.microBatches) }));
  },
  /** (p-1)(F+I-2W) seconds (ZB Table 2, T_B = I), ≥ 0; 0 at F = I = W. */
  bubbleFormula: (params, t) =>
    Math.max(0, (params.pp - 1) * (t.forwardSeconds + t.backwardInputSeconds - 2 * t.backwardWeightSeconds)),
  /** min(2(p-r)-1, m) on rank r: (2p-1)·M_B on rank 0 (ZB Table 2). */
  peakInFlightBound: (params) =>
    Array.from({ length: params.pp }, (_, r) => Math.min(2 * (params.pp - r) - 1, params.microBatches)),
  /** min(2(p − r) − 1, m): (2p − 1)·M_B on the first rank (ZB Table 2). */
  inFlightMicroBatches: (params, rank) => Math.min(2 * (params.pp - rank) - 1, params.microBatches),
};
