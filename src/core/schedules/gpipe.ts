/**
 * GPipe (Huang et al. 2019, arXiv 1811.06965 §2.3): every rank runs all m forwards, then all m
 * full backwards, then the step flushes. Backwards run in micro-batch order 0..m-1, as PyTorch's
 * `ScheduleGPipe` does.
 */
import { checkSingleChunk } from './checks.js';
import { createLoopPlacement, ONE_CHUNK_PER_RANK } from './placement.js';
import type { Op, Schedule, StageOps } from './types.js';

function rankOps(microBatches: number): Op[] {
  const ops: Op[] = [];
  for (let j = 0; j < microBatches; j += 1) ops.push({ kind: 'F', microBatch: j, chunk: 0 });
  for (let j = 0; j < microBatches; j += 1) ops.push({ kind: 'B', microBatch: j, chunk: 0 });
  return ops;
}

export const gpipe: Schedule = {
  id: 'gpipe',
  name: 'GPipe',
  describe: 'GPipe: all forwards, then all backwards; activations of every micro-batch stay live',
  bubbleBasis: 'makespan',
  parameterCopies: 1,
  ...ONE_CHUNK_PER_RANK,
  endsOnFullBackward: true,
  check: (params) => checkSingleChunk(params, 'GPipe'),
  microBatchMultiple: () => 1,
  placement: (params) => createLoopPlacement(params.pp, 1, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({ rank, ops: rankOps(params.microBatches) }));
  },
  /** (p-1)(F+B) seconds, B = I + W (GPipe §2.3; DualPipe README). */
  bubbleFormula: (params, t) => (params.pp - 1) * (t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds),
  /** m micro-batches on every rank (no rematerialisation). */
  peakInFlightBound: (params) => new Array<number>(params.pp).fill(params.microBatches),
  /** All m forwards run before any backward (Huang et al. 2019). */
  inFlightMicroBatches: (params) => params.microBatches,
};
