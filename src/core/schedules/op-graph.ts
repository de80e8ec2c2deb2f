/**
 * Compiles rank programs into typed arrays that do not depend on times: rank, kind and model
 * stage of every op, and the dependency edges (`op-edges.ts`) grouped by the op whose end
 * releases them. A planner that prices many layouts of the same shape compiles once and runs
 * `opDurations` + the run (`simulate-ops.ts`) per set of times. One pass over the ops, no object per op.
 */
import { collectEdges, KIND, stageOfChunk } from './op-edges.js';
import type { LinkInputs, Lookup, Producers } from './op-edges.js';
import { forwardOpSeconds, fullBackwardOpSeconds, inputBackwardOpSeconds, pairOpSeconds } from './times.js';
import type { Op, Placement, ScheduleTimes, StageOps } from './types.js';

export interface OpGraph {
  readonly placement: Placement;
  readonly opCount: number;
  readonly rankCount: number;
  /** Ops of rank r are the global indices rankStart[r] .. rankStart[r+1]-1, in program order. */
  readonly rankStart: Int32Array;
  readonly rankOf: Int32Array;
  /** Op kind codes (`KIND` in op-edges.ts). */
  readonly kindOf: Uint8Array;
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
  return { stages: placement.modelStages, stageAt, chunks, routeOf: Int32Array.from(placement.routeOfMicroBatch) };
}

function setOnce(table: Int32Array, key: number, op: number, what: string): void {
  if (table[key] !== -1) throw new Error(`schedule bug: two ${what} ops for micro-batch·stage key ${key}`);
  table[key] = op;
}

function createProducers(size: number): Producers {
  return {
    forward: new Int32Array(size).fill(-1),
    backward: new Int32Array(size).fill(-1),
    inputOnly: new Int32Array(size).fill(-1),
    weight: new Int32Array(size).fill(-1),
  };
}

export function createOpGraph(programs: readonly StageOps[], placement: Placement): OpGraph {
  const ranks = programs.length;
  const lookup = createLookup(placement, ranks);
  const rankStart = new Int32Array(ranks + 1);
  programs.forEach((program, r) => {
    if (program.rank !== r) throw new Error(`programs must be ordered by rank: found rank ${program.rank} at ${r}`);
    rankStart[r + 1] = (rankStart[r] ?? 0) + program.ops.length;
  });
  const n = rankStart[ranks] ?? 0;
  const ops: Op[] = new Array<Op>(n);
  const rankOf = new Int32Array(n);
  const kindOf = new Uint8Array(n);
  const stageOf = new Int32Array(n);
  const backwardStageOf = new Int32Array(n).fill(-1);
  const sendAfter = new Int32Array(n);
  const producers = createProducers(placement.routeOfMicroBatch.length * lookup.stages);
  const S = lookup.stages;
  let i = 0;
  let awaitedCount = 0;
  for (let r = 0; r < ranks; r += 1) {
    for (const op of programs[r]?.ops ?? []) {
      ops[i] = op;
      rankOf[i] = r;
      sendAfter[i] = op.sendAfter ?? 0;
      awaitedCount += op.awaits?.length ?? 0;
      const s = stageOfChunk(lookup, r, op.microBatch, op.chunk);
      stageOf[i] = s;
      const key = op.microBatch * S + s;
      const kind = KIND[op.kind];
      kindOf[i] = kind;
      if (kind === KIND.F) setOnce(producers.forward, key, i, 'forward');
      else if (kind === KIND.B) setOnce(producers.backward, key, i, 'backward');
      else if (kind === KIND.I) {
        setOnce(producers.backward, key, i, 'backward');
        setOnce(producers.inputOnly, key, i, 'input-backward');
      } else if (kind === KIND.W) setOnce(producers.weight, key, i, 'weight');
      else if (op.kind === 'FB') {
        setOnce(producers.forward, key, i, 'forward');
        const back = stageOfChunk(lookup, r, op.backwardMicroBatch, op.backwardChunk);
        backwardStageOf[i] = back;
        setOnce(producers.backward, op.backwardMicroBatch * S + back, i, 'backward');
      }
      i += 1;
    }
  }
  return linkEdges({ ops, ranks, rankStart, rankOf, kindOf, stageOf, backwardStageOf, sendAfter, awaitedCount, lookup, producers }, placement);
}

/**
 * Groups the edges by releasing op and merges repeats of one (release, consumer) pair (a DualPipe
 * commit awaits several inputs through the same ops): the merged edge crosses ranks if any of
 * them does, which gives the same arrival time, the latest of theirs.
 */
function linkEdges(g: LinkInputs, placement: Placement): OpGraph {
  const edges = collectEdges(g);
  const n = g.ops.length;
  const count = edges.count;
  const { release, consumer, cross } = edges;
  const bucketStart = new Int32Array(n + 1);
  for (let e = 0; e < count; e += 1) {
    const slot = (release[e] ?? 0) + 1;
    bucketStart[slot] = (bucketStart[slot] ?? 0) + 1;
  }
  for (let i = 0; i < n; i += 1) bucketStart[i + 1] = (bucketStart[i + 1] ?? 0) + (bucketStart[i] ?? 0);
  const fill = bucketStart.slice(0, n);
  const edgeStart = new Int32Array(n + 1);
  const edgeConsumer = new Int32Array(count);
  const edgeCross = new Uint8Array(count);
  for (let e = 0; e < count; e += 1) {
    const from = release[e] ?? 0;
    const slot = fill[from] ?? 0;
    fill[from] = slot + 1;
    edgeConsumer[slot] = consumer[e] ?? 0;
    edgeCross[slot] = cross[e] ?? 0;
  }
  // Compact each bucket in place, keeping the first of each consumer.
  const inDegree = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i += 1) {
    const first = kept;
    const end = bucketStart[i + 1] ?? 0;
    for (let e = bucketStart[i] ?? 0; e < end; e += 1) {
      const to = edgeConsumer[e] ?? 0;
      const c = edgeCross[e] ?? 0;
      let k = first;
      while (k < kept && edgeConsumer[k] !== to) k += 1;
      if (k < kept) {
        if (c > (edgeCross[k] ?? 0)) edgeCross[k] = c;
        continue;
      }
      edgeConsumer[kept] = to;
      edgeCross[kept] = c;
      kept += 1;
      inDegree[to] = (inDegree[to] ?? 0) + 1;
    }
    edgeStart[i + 1] = kept;
  }
  const { ops, ranks, rankStart, rankOf, kindOf, stageOf, backwardStageOf } = g;
  return {
    placement,
    opCount: n,
    rankCount: ranks,
    rankStart,
    rankOf,
    kindOf,
    stageOf,
    backwardStageOf,
    edgeStart,
    edgeConsumer: edgeConsumer.slice(0, kept),
    edgeCross: edgeCross.slice(0, kept),
    inDegree,
    p2pTransfers: edges.transfers,
    ops,
  };
}

/**
 * Duration of every op of the graph under `times` (seconds). Each stage's F, B, I and W and each
 * (forward stage, backward stage) pair is priced once, then looked up per op.
 */
export function opDurations(graph: OpGraph, times: ScheduleTimes): Float64Array {
  const S = graph.placement.modelStages;
  if (times.stages.length !== S) {
    throw new Error(`times.stages has ${times.stages.length} entries; the placement has ${S} model stages`);
  }
  // perKind[kind * S + stage] for F, B, I, W; pairs[forwardStage * S + backwardStage], NaN until priced.
  const perKind = new Float64Array(4 * S);
  times.stages.forEach((t, s) => {
    perKind[KIND.F * S + s] = forwardOpSeconds(t);
    perKind[KIND.B * S + s] = fullBackwardOpSeconds(t);
    perKind[KIND.I * S + s] = inputBackwardOpSeconds(t);
    perKind[KIND.W * S + s] = t.backwardWeightSeconds;
  });
  const pairs = new Float64Array(S * S).fill(NaN);
  const { kindOf, stageOf, backwardStageOf } = graph;
  const durations = new Float64Array(graph.opCount);
  for (let i = 0; i < graph.opCount; i += 1) {
    const kind = kindOf[i] ?? 0;
    const s = stageOf[i] ?? 0;
    if (kind !== KIND.FB) {
      durations[i] = perKind[kind * S + s] ?? 0;
      continue;
    }
    const b = backwardStageOf[i] ?? 0;
    let pair = pairs[s * S + b] ?? NaN;
    if (Number.isNaN(pair)) {
      const f = times.stages[s];
      pair = f === undefined ? 0 : pairOpSeconds(times, f, times.stages[b] ?? f);
      pairs[s * S + b] = pair;
    }
    durations[i] = pair;
  }
  return durations;
}
