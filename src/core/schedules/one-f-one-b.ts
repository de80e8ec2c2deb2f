/**
 * 1F1B / PipeDream-Flush (Narayanan et al. 2021, arXiv 2104.04473 §2.2; Megatron
 * `forward_backward_pipelining_without_interleaving`): rank r runs min(p-1-r, m) warm-up
 * forwards, then alternates one forward and one full backward, then drains the backwards.
 */
import { checkSingleChunk } from './checks.js';
import { createLoopPlacement, ONE_CHUNK_PER_RANK } from './placement.js';
import type { Op, Schedule, StageOps } from './types.js';

function rankOps(pp: number, rank: number, microBatches: number): Op[] {
  const warmup = Math.min(pp - 1 - rank, microBatches);
  const ops: Op[] = [];
  for (let j = 0; j < warmup; j += 1) ops.push({ kind: 'F', microBatch: j, chunk: 0 });
  for (let k = 0; k < microBatches - warmup; k += 1) {
    ops.push({ kind: 'F', microBatch: k + warmup, chunk: 0 });
    ops.push({ kind: 'B', microBatch: k, chunk: 0 });
  }
  for (let j = microBatches - warmup; j < microBatches; j += 1) ops.push({ kind: 'B', microBatch: j, chunk: 0 });
  return ops;
}

export const oneFOneB: Schedule = {
  id: '1f1b',
  name: '1F1B',
  describe: '1F1B: warm-up forwards, then one forward / one backward; at most p micro-batches live',
  bubbleBasis: 'makespan',
  parameterCopies: 1,
  ...ONE_CHUNK_PER_RANK,
  endsOnFullBackward: true,
  check: (params) => checkSingleChunk(params, '1F1B'),
  microBatchMultiple: () => 1,
  placement: (params) => createLoopPlacement(params.pp, 1, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({ rank, ops: rankOps(params.pp, rank, params.microBatches) }));
  },
  /** (p-1)(F+B) seconds, B = I + W (DeepSeek-V3 TR Table 2; notes §3.2). */
  bubbleFormula: (params, t) => (params.pp - 1) * (t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds),
  /** min(p-r, m) on rank r (notes §3.2). */
  peakInFlightBound: (params) => Array.from({ length: params.pp }, (_, r) => Math.min(params.pp - r, params.microBatches)),
  /** min(p − r, m): warm-up forwards + 1 (Narayanan et al. 2021). */
  inFlightMicroBatches: (params, rank) => Math.min(params.pp - rank, params.microBatches),
};
