/**
 * The three ways the schedules place model stages on ranks: as routes (`create*Placement`, for
 * the simulator) and as arithmetic per stage (`*StageHolders`, for the layout's inner loops).
 */
import type { DepthViolation, PipelineShape, Placement, Route, StageHolder } from './types.js';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * One direction, v chunks per rank, Megatron virtual pipeline: model stage s = c·p + r lives on
 * rank s mod p as local chunk floor(s / p) (Narayanan et al. 2021 §2.2). v = 1 gives the plain
 * pipeline of GPipe, 1F1B and the ZB schedules.
 */
export function createLoopPlacement(pp: number, vp: number, microBatches: number): Placement {
  const stages = pp * vp;
  const route: Route = {
    rankOfStage: range(stages).map((s) => s % pp),
    chunkOfStage: range(stages).map((s) => Math.floor(s / pp)),
  };
  return {
    modelStages: stages,
    chunksPerRank: vp,
    chunkStageFraction: 1 / vp,
    routes: [route],
    routeOfMicroBatch: new Array<number>(microBatches).fill(0),
  };
}

/**
 * DualPipe: two model copies. Copy A (chunk 0) runs stage s on rank s; copy B (chunk 1) runs
 * stage s on rank p-1-s. Micro-batches 0..m/2-1 enter at rank 0 through copy A, the others at
 * rank p-1 through copy B (DualPipe `examples/example_dualpipe.py`, notes §2.9).
 */
export function createDualPlacement(pp: number, microBatches: number): Placement {
  const half = Math.floor(microBatches / 2);
  return {
    modelStages: pp,
    chunksPerRank: 2,
    chunkStageFraction: 1,
    routes: [
      { rankOfStage: range(pp), chunkOfStage: new Array<number>(pp).fill(0) },
      { rankOfStage: range(pp).map((s) => pp - 1 - s), chunkOfStage: new Array<number>(pp).fill(1) },
    ],
    routeOfMicroBatch: range(microBatches).map((j) => (j < half ? 0 : 1)),
  };
}

/**
 * V shape (DualPipeV, ZB-V): 2p half-size stages; rank r holds stage r (chunk 0) and stage
 * 2p-1-r (chunk 1); the hand-over between stages p-1 and p stays on rank p-1 (notes §2.9).
 */
export function createVPlacement(pp: number, microBatches: number): Placement {
  const stages = 2 * pp;
  return {
    modelStages: stages,
    chunksPerRank: 2,
    chunkStageFraction: 1 / 2,
    routes: [
      {
        rankOfStage: range(stages).map((s) => (s < pp ? s : stages - 1 - s)),
        chunkOfStage: range(stages).map((s) => (s < pp ? 0 : 1)),
      },
    ],
    routeOfMicroBatch: new Array<number>(microBatches).fill(0),
  };
}

/** Megatron loop: model stage s on rank s mod p as local chunk floor(s / p). */
export function loopStageHolders(shape: PipelineShape, stage: number): readonly StageHolder[] {
  return [{ rank: stage % shape.pp, chunk: Math.floor(stage / shape.pp) }];
}

/** DualPipe: stage s of copy A on rank s (chunk 0), of copy B on rank p−1−s (chunk 1). */
export function dualStageHolders(shape: PipelineShape, stage: number): readonly StageHolder[] {
  return [{ rank: stage, chunk: 0 }, { rank: shape.pp - 1 - stage, chunk: 1 }];
}

/** V shape: stage s < p on rank s (chunk 0), stage s ≥ p on rank 2p−1−s (chunk 1). */
export function vStageHolders(shape: PipelineShape, stage: number): readonly StageHolder[] {
  const p = shape.pp;
  return [stage < p ? { rank: stage, chunk: 0 } : { rank: 2 * p - 1 - stage, chunk: 1 }];
}

/**
 * Facts shared by the one-direction schedules with one chunk per rank (GPipe, 1F1B, ZB-H1,
 * ZB-H2): p model stages, stage r on rank r, every micro-batch through it, no depth rule beyond
 * the layout's pp ≤ layers.
 */
export const ONE_CHUNK_PER_RANK = {
  virtualChunks: false,
  pairsChunks: false,
  microBatchesPerChunk: (microBatches: number): number => microBatches,
  modelStages: (shape: PipelineShape): number => shape.pp,
  stageHolders: loopStageHolders,
  checkDepth: (): DepthViolation | null => null,
} as const;
