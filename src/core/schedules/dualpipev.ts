/**
 * DualPipeV ("cut-in-half" DualPipe, deepseek-ai/DualPipe `dualpipev.py`; Sea AI Lab V shape):
 * the model is cut into 2p half-size stages; rank r holds stages r and 2p-1-r, so data enters
 * and the loss is computed on rank 0 and the turn at stage p-1 → p stays on rank p-1. Same
 * 8-step program as DualPipe with h = r, half = p, mh = m (see `dualpipe-steps.ts`).
 */
import { checkSingleChunk } from './checks.js';
import { buildDualProgram } from './dualpipe-steps.js';
import { createVPlacement, vStageHolders } from './placement.js';
import { uniformPairSeconds } from './times.js';
import type { DepthViolation, LayerCount, PipelineShape, Schedule, ScheduleParams, StageOps, Violation } from './types.js';

function check(params: ScheduleParams): Violation | null {
  const basic = checkSingleChunk(params, 'DualPipeV');
  if (basic) return basic;
  if (params.microBatches < 2 * params.pp) {
    return {
      field: 'microBatches',
      value: params.microBatches,
      rule: `DualPipeV needs microBatches ≥ 2·pp = ${2 * params.pp} (asserted in DualPipeV.step())`,
    };
  }
  return null;
}

/** DualPipeV cuts the model into 2·pp stages, two per rank (DualPipe repository, dualpipev.py). */
function checkDepth(shape: PipelineShape, model: LayerCount): DepthViolation | null {
  const stages = 2 * shape.pp;
  if (stages <= model.layers) return null;
  return { field: 'pp', value: shape.pp, rule: `2·pp = ${stages} must be at most model.layers ${model.layers} (DualPipeV holds two stages per rank)` };
}

export const dualPipeV: Schedule = {
  id: 'dualpipev',
  name: 'DualPipeV',
  describe: 'DualPipeV: V-shaped DualPipe on 2p half-stages; 1× parameters at fixed devices, 2× PP traffic',
  bubbleBasis: 'makespan',
  parameterCopies: 1,
  virtualChunks: false,
  pairsChunks: true,
  endsOnFullBackward: false,
  microBatchesPerChunk: (microBatches) => microBatches,
  modelStages: (shape) => 2 * shape.pp,
  stageHolders: vStageHolders,
  checkDepth,
  check,
  microBatchMultiple: () => 1,
  placement: (params) => createVPlacement(params.pp, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({
      rank,
      ops: buildDualProgram({ variant: 'dualpipev', pp: params.pp, rank, microBatches: params.microBatches }),
    }));
  },
  /**
   * (PP/2-1)(F&B + B - 3W) with PP = 2p stages (DualPipe README), per half-stage chunk times:
   * (p-1)(F&B + B - 3W) seconds, ≥ 0.
   */
  bubbleFormula(params, t) {
    const full = t.backwardInputSeconds + t.backwardWeightSeconds;
    return Math.max(0, (params.pp - 1) * (uniformPairSeconds(t) + full - 3 * t.backwardWeightSeconds));
  },
  /** PP+1 = 2p+1 half-stage chunks, i.e. p + 1/2 stage units (DualPipe README; notes §3.7). */
  peakInFlightBound: (params) => new Array<number>(params.pp).fill(params.pp + 0.5),
  /** p + 1/2: 2p + 1 half-stage chunks (DualPipe README) over the two half stages the rank holds. */
  inFlightMicroBatches: (params) => Math.min(2 * params.pp + 1, params.microBatches) / 2,
};
