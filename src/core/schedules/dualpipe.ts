/**
 * DualPipe (DeepSeek-V3 TR §3.2.1, Fig. 5, Table 2; deepseek-ai/DualPipe): bidirectional
 * pipeline over two model copies; rank r holds stage r of copy A and stage p-1-r of copy B. Half
 * the micro-batches enter at each end; a forward chunk of one direction is overlapped with a
 * backward chunk of the other so the all-to-all and PP traffic hide under compute. The per-rank
 * program is the 8-step `step()` (see `dualpipe-steps.ts`).
 */
import { checkSingleChunk } from './checks.js';
import { buildDualProgram } from './dualpipe-steps.js';
import { createDualPlacement, dualStageHolders } from './placement.js';
import { uniformPairSeconds } from './times.js';
import type { AwaitedInput, Op, Schedule, ScheduleParams, StageOps, Violation } from './types.js';

/** Micro-batch j of one direction as the same index of the other (half = m/2 per direction). */
function mirrorMicroBatch(j: number, half: number): number {
  return j < half ? j + half : j - half;
}

function mirrorAwaited(a: AwaitedInput, half: number): AwaitedInput {
  return { input: a.input, microBatch: mirrorMicroBatch(a.microBatch, half), chunk: 1 - a.chunk };
}

/**
 * Rank p−1−r runs rank r's `step()` with the two copies exchanged: the code swaps phases on the
 * second half of the ranks, and the stages rank r holds (r of copy A, p−1−r of copy B) are those
 * rank p−1−r holds with the copies exchanged. So its program is rank r's with chunk c → 1−c and
 * each micro-batch moved to the same index of the other direction; replaying half the ranks is
 * enough (`replay.test.ts` checks the mirror against the full replay).
 */
export function mirrorProgram(ops: readonly Op[], half: number): Op[] {
  return ops.map((op): Op => {
    const microBatch = mirrorMicroBatch(op.microBatch, half);
    const sendAfter = op.sendAfter ?? 0;
    const awaits = op.awaits === undefined || op.awaits.length === 0 ? op.awaits : op.awaits.map((a) => mirrorAwaited(a, half));
    if (op.kind === 'FB') {
      return { kind: 'FB', microBatch, chunk: 1 - op.chunk, backwardMicroBatch: mirrorMicroBatch(op.backwardMicroBatch, half), backwardChunk: 1 - op.backwardChunk, sendAfter, awaits };
    }
    return { kind: op.kind, microBatch, chunk: 1 - op.chunk, sendAfter, awaits };
  });
}

function check(params: ScheduleParams): Violation | null {
  const basic = checkSingleChunk(params, 'DualPipe');
  if (basic) return basic;
  const { pp, microBatches } = params;
  if (pp % 2 !== 0) return { field: 'pp', value: pp, rule: 'DualPipe needs an even number of pipeline ranks (two directions meet in the middle)' };
  if (microBatches % 2 !== 0) return { field: 'microBatches', value: microBatches, rule: 'DualPipe needs an even number of micro-batches (half enter at each end)' };
  if (microBatches < 2 * pp) {
    return { field: 'microBatches', value: microBatches, rule: `DualPipe needs microBatches ≥ 2·pp = ${2 * pp} (asserted in DualPipe.step())` };
  }
  return null;
}

export const dualPipe: Schedule = {
  id: 'dualpipe',
  name: 'DualPipe',
  describe: 'DualPipe: bidirectional, overlapped forward/backward pairs; 2× parameters, p+1 live micro-batches',
  bubbleBasis: 'makespan',
  parameterCopies: 2,
  virtualChunks: false,
  pairsChunks: true,
  endsOnFullBackward: false,
  /** Half the micro-batches enter at each end, one model copy each. */
  microBatchesPerChunk: (microBatches) => microBatches / 2,
  modelStages: (shape) => shape.pp,
  stageHolders: dualStageHolders,
  checkDepth: () => null,
  check,
  microBatchMultiple: () => 2,
  placement: (params) => createDualPlacement(params.pp, params.microBatches),
  buildOps(params): StageOps[] {
    const { pp, microBatches } = params;
    const firstHalf = Array.from({ length: pp / 2 }, (_, rank) => buildDualProgram({ variant: 'dualpipe', pp, rank, microBatches }));
    return Array.from({ length: pp }, (_, rank) => ({
      rank,
      ops: rank < pp / 2 ? (firstHalf[rank] ?? []) : mirrorProgram(firstHalf[pp - 1 - rank] ?? [], microBatches / 2),
    }));
  },
  /** (p/2-1)(F&B + B - 3W) seconds, B = I + W (DeepSeek-V3 TR Table 2), ≥ 0. */
  bubbleFormula(params, t) {
    const full = t.backwardInputSeconds + t.backwardWeightSeconds;
    return Math.max(0, (params.pp / 2 - 1) * (uniformPairSeconds(t) + full - 3 * t.backwardWeightSeconds));
  },
  /** p+1 stage-size chunks on every rank (DualPipe README "PP+1"; notes §3.7). */
  peakInFlightBound: (params) => new Array<number>(params.pp).fill(params.pp + 1),
  /** (p + 1)/2: p + 1 stage units (TR Table 2) over the two full stages the rank holds. */
  inFlightMicroBatches: (params) => Math.min(params.pp + 1, params.microBatches) / 2,
};
