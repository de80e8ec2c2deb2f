/**
 * Compiles rank programs into typed arrays that do not depend on times: rank, kind and model
 * stage of every op, and the dependency edges (`op-edges.ts`) grouped by the op whose end
 * releases them. A planner that prices many layouts of the same shape compiles once and runs
 * `opDurations` + the event loop per set of times.
 */
import { collectEdges, stageOfChunk } from './op-edges.js';
import type { LinkInputs, Lookup, Producers } from './op-edges.js';
import { forwardOpSeconds, fullBackwardOpSeconds, inputBackwardOpSeconds, pairOpSeconds } from './times.js';
import type { Op, OpKind, Placement, ScheduleTimes, StageOps } from './types.js';

export interface OpGraph {
  readonly placement: Placement;
  readonly opCount: number;
  readonly rankCount: number;
  /** Ops of rank r are the global indices rankStart[r] .. rankStart[r+1]-1, in program order. */
  readonly rankStart: Int32Array;
  readonly rankOf: Int32Array;
  /** Model stage of the op (the forward stage of an F&B pair). */
  readonly stageOf: Int32Array;
  /** Model stage of the backward half of an F&B pair; -1 for other ops. */
  readonly backwardStageOf: Int32Array;
  /** Edges released by op i: edgeStart[i] .. edgeStart[i+1]-1. */
  readonly edgeStart: Int32Array;
  readonly edgeConsumer: Int32Array;
  /** 1 when the edge carries a p2p transfer (latency p2pSeconds). */
  readonly edgeCross: Uint8Array;
  /** Incoming edges per op. */
  readonly inDegree: Int32Array;
  /** Activations and gradients sent between ranks in one step. */
  readonly p2pTransfers: number;
  readonly ops: readonly Op[];
}

function createLookup(placement: Placement, ranks: number): Lookup {
  const chunks = placement.chunksPerRank;
  const stageAt = placement.routes.map((route) => {
    const table = new Int32Array(ranks * chunks).fill(-1);
    route.rankOfStage.forEach((rank, s) => {
      table[rank * chunks + (route.chunkOfStage[s] ?? 0)] = s;
    });
    return table;
  });
  return { stages: placement.modelStages, stageAt, chunks, routeOf: placement.routeOfMicroBatch };
}

function setOnce(table: Int32Array, key: number, op: number, what: string): void {
  if (table[key] !== -1) throw new Error(`schedule bug: two ${what} ops for micro-batch·stage key ${key}`);
  table[key] = op;
}

function registerProducer(producers: Producers, kind: OpKind, key: number, op: number): void {
  if (kind === 'F' || kind === 'FB') setOnce(producers.forward, key, op, 'forward');
  if (kind === 'B' || kind === 'I') setOnce(producers.backward, key, op, 'backward');
  if (kind === 'I') setOnce(producers.inputOnly, key, op, 'input-backward');
  if (kind === 'W') setOnce(producers.weight, key, op, 'weight');
}

export function createOpGraph(programs: readonly StageOps[], placement: Placement): OpGraph {
  const ranks = programs.length;
  const lookup = createLookup(placement, ranks);
  const rankStart = new Int32Array(ranks + 1);
  programs.forEach((program, r) => {
    if (program.rank !== r) throw new Error(`programs must be ordered by rank: found rank ${program.rank} at ${r}`);
    rankStart[r + 1] = (rankStart[r] ?? 0) + program.ops.length;
  });
  const ops: Op[] = [];
  for (const program of programs) for (const op of program.ops) ops.push(op);
  const n = ops.length;
  const rankOf = new Int32Array(n);
  const stageOf = new Int32Array(n);
  const backwardStageOf = new Int32Array(n).fill(-1);
  const size = placement.routeOfMicroBatch.length * lookup.stages;
  const producers: Producers = {
    forward: new Int32Array(size).fill(-1),
    backward: new Int32Array(size).fill(-1),
    inputOnly: new Int32Array(size).fill(-1),
    weight: new Int32Array(size).fill(-1),
  };
  for (let r = 0, i = 0; r < ranks; r += 1) {
    for (const op of programs[r]?.ops ?? []) {
      rankOf[i] = r;
      const s = stageOfChunk(lookup, r, op.microBatch, op.chunk);
      stageOf[i] = s;
      registerProducer(producers, op.kind, op.microBatch * lookup.stages + s, i);
      if (op.kind === 'FB') {
        const back = stageOfChunk(lookup, r, op.backwardMicroBatch, op.backwardChunk);
        backwardStageOf[i] = back;
        setOnce(producers.backward, op.backwardMicroBatch * lookup.stages + back, i, 'backward');
      }
      i += 1;
    }
  }
  return linkEdges({ ops, ranks, rankStart, rankOf, stageOf, backwardStageOf, lookup, producers }, placement);
}

function linkEdges(g: LinkInputs, placement: Placement): OpGraph {
  const edges = collectEdges(g);
  const n = g.ops.length;
  const edgeStart = new Int32Array(n + 1);
  const inDegree = new Int32Array(n);
  const count = edges.count;
  for (let e = 0; e < count; e += 1) {
    const release = edges.release[e] ?? 0;
    edgeStart[release + 1] = (edgeStart[release + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i += 1) edgeStart[i + 1] = (edgeStart[i + 1] ?? 0) + (edgeStart[i] ?? 0);
  const fill = edgeStart.slice(0, n);
  const edgeConsumer = new Int32Array(count);
  const edgeCross = new Uint8Array(count);
  for (let e = 0; e < count; e += 1) {
    const release = edges.release[e] ?? 0;
    const slot = fill[release] ?? 0;
    fill[release] = slot + 1;
    const consumer = edges.consumer[e] ?? 0;
    edgeConsumer[slot] = consumer;
    edgeCross[slot] = edges.cross[e] ?? 0;
    inDegree[consumer] = (inDegree[consumer] ?? 0) + 1;
  }
  const { ops, ranks, rankStart, rankOf, stageOf, backwardStageOf } = g;
  return {
    placement,
    opCount: n,
    rankCount: ranks,
    rankStart,
    rankOf,
    stageOf,
    backwardStageOf,
    edgeStart,
    edgeConsumer,
    edgeCross,
    inDegree,
    p2pTransfers: edges.transfers,
    ops,
  };
}

/** Duration of every op of the graph under `times` (seconds). */
export function opDurations(graph: OpGraph, times: ScheduleTimes): Float64Array {
  if (times.stages.length !== graph.placement.modelStages) {
    throw new Error(`times.stages has ${times.stages.length} entries; the placement has ${graph.placement.modelStages} model stages`);
  }
  const durations = new Float64Array(graph.opCount);
  graph.ops.forEach((op, i) => {
    const t = times.stages[graph.stageOf[i] ?? 0];
    if (t === undefined) return;
    if (op.kind === 'F') durations[i] = forwardOpSeconds(t);
    else if (op.kind === 'B') durations[i] = fullBackwardOpSeconds(t);
    else if (op.kind === 'I') durations[i] = inputBackwardOpSeconds(t);
    else if (op.kind === 'W') durations[i] = t.backwardWeightSeconds;
    else durations[i] = pairOpSeconds(times, t, times.stages[graph.backwardStageOf[i] ?? 0] ?? t);
  });
  return durations;
}
