/**
 * The three ways the schedules place model stages on ranks.
 */
import type { Placement, Route } from './types.js';

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
