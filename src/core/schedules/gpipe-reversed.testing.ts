/**
 * A schedule registered only by tests (`registration.test.ts`), to show that a schedule is one
 * file plus one registry line: GPipe with its backwards in reverse micro-batch order (m−1 … 0),
 * the order of the GPipe paper's figure 2. The last forward's backward starts at once; bubble and
 * activations are GPipe's.
 */
import { checkSingleChunk } from './checks.js';
import { createLoopPlacement, ONE_CHUNK_PER_RANK } from './placement.js';
import type { Op, Schedule, StageOps } from './types.js';

function rankOps(microBatches: number): Op[] {
  const ops: Op[] = [];
  for (let j = 0; j < microBatches; j += 1) ops.push({ kind: 'F', microBatch: j, chunk: 0 });
  for (let j = microBatches - 1; j >= 0; j -= 1) ops.push({ kind: 'B', microBatch: j, chunk: 0 });
  return ops;
}

export const gpipeReversed: Schedule = {
  id: 'gpipe-reversed',
  name: 'GPipe (reversed backward)',
  describe: 'GPipe with backwards in reverse micro-batch order',
  bubbleBasis: 'makespan',
  parameterCopies: 1,
  ...ONE_CHUNK_PER_RANK,
  endsOnFullBackward: true,
  check: (params) => checkSingleChunk(params, 'GPipe (reversed backward)'),
  microBatchMultiple: () => 1,
  placement: (params) => createLoopPlacement(params.pp, 1, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({ rank, ops: rankOps(params.microBatches) }));
  },
  bubbleFormula: (params, t) => (params.pp - 1) * (t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds),
  peakInFlightBound: (params) => new Array<number>(params.pp).fill(params.microBatches),
  inFlightMicroBatches: (params) => params.microBatches,
};
