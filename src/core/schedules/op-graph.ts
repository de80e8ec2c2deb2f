/**
 * Compiles rank programs into typed arrays that do not depend on times: rank, kind and model
 * stage of every op, and the dependency edges (`op-edges.ts`) grouped by the op whose end
 * releases them, and each op's slot in the table of durations (`op-durations.ts`). A planner that
 * prices many layouts of the same shape compiles once and runs (`simulate-ops.ts`) per set of
 * times. One pass over the ops; the graph keeps no object per op.
 */
import { collectEdges, KIND, stageOfChunk } from './op-edges.js';
import type { LinkInputs, Lookup, Producers } from './op-edges.js';
import { isPlain, linkPlainEdges } from './op-edges-plain.js';
import type { LinkedEdges } from './op-edges-plain.js';
import { GraphRecord, LookupTables, ProducerTables, ProgramArrays } from './graph-records.js';
import { createPairSlots, type DurationSlots } from './op-durations.js';
import type { Op, Placement, StageOps } from './types.js';

export interface OpGraph {
  readonly placement: Placement;
  readonly opCount: number;
  /** Ranks whose programs the graph lists. */
  readonly rankCount: number;
  /**
   * Ranks of the pipeline: rankCount, or 2·rankCount for a folded graph, whose rank r also stands
   * for rank 2·rankCount−1−r (`Schedule.rankMirror`).
   */
  readonly pipelineRanks: number;
  /** Ops of rank r are the global indices rankStart[r] .. rankStart[r+1]-1, in program order. */
  readonly rankStart: Int32Array;
  readonly rankOf: Int32Array;
  /** Op kind codes (`KIND` in op-edges.ts). */
  readonly kindOf: Uint8Array;
  /** Model stage of the op (the forward stage of an F&B pair). */
  readonly stageOf: Int32Array;
  /** Model stage of the backward half of an F&B pair; -1 for other ops. */
  readonly backwardStageOf: Int32Array;
  /** Micro-batch and local chunk of the op (the forward half of an F&B pair). */
  readonly microBatchOf: Int32Array;
  readonly chunkOf: Int32Array;
  /** Micro-batch and local chunk of the backward half of an F&B pair; -1 for other ops. */
  readonly backwardMicroBatchOf: Int32Array;
  readonly backwardChunkOf: Int32Array;
  /** Edges released by op i: edgeStart[i] .. edgeStart[i+1]-1. */
  readonly edgeStart: Int32Array;
  readonly edgeConsumer: Int32Array;
  /** 1 when the edge carries a p2p transfer (latency p2pSeconds). */
  readonly edgeCross: Uint8Array;
  /** Incoming edges per op. */
  readonly inDegree: Int32Array;
  /** Each op's slot in the per-run table of durations (`op-durations.ts`). */
  readonly durations: DurationSlots;
  /** Activations and gradients sent between ranks in one step (all pipeline ranks). */
  readonly p2pTransfers: number;
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
  const rankAt = placement.routes.map((route) => Int32Array.from(route.rankOfStage));
  return new LookupTables(placement.modelStages, stageAt, rankAt, chunks, Int32Array.from(placement.routeOfMicroBatch));
}

/** Throws: two ops of a program produce the same output (cold path of `readPrograms`). */
function twice(what: string, key: number): never {
  throw new Error(`schedule bug: two ${what} ops for micro-batch·stage key ${key}`);
}

/**
 * A folded graph lists ranks 0 .. p/2−1 only; the producer of an input computed on a rank it does
 * not list is that op's mirror (micro-batch `mirrorMicroBatch(j)`, same model stage), which ends at
 * the same time in the whole run. The graph's edges are the whole graph's edges with every op
 * replaced by the listed op it stands for, so the whole run's times satisfy the folded run's
 * equations; when the folded run completes, its solution is unique and therefore the same. (It can
 * stall where the whole run does not, e.g. at zero durations: the caller then runs the whole graph.)
 */
function fillMirrored(producers: Producers, stages: number, microBatches: number, mirrorMicroBatch: (j: number) => number): void {
  // Only forwards and backwards feed other ranks; an I feeds its own rank's W.
  for (const table of [producers.forward, producers.backward]) {
    for (let j = 0; j < microBatches; j += 1) {
      const mirror = mirrorMicroBatch(j) * stages;
      for (let s = 0; s < stages; s += 1) {
        if (table[j * stages + s] === -1) table[j * stages + s] = table[mirror + s] ?? -1;
      }
    }
  }
}

/**
 * Compiles rank programs. With `mirrorMicroBatch`, `programs` are those of ranks 0 .. p/2−1 of a
 * run symmetric under rank r ↔ p−1−r (`RankMirror`) and the graph is folded (see `fillMirrored`).
 */
export function createOpGraph(programs: readonly StageOps[], placement: Placement, mirrorMicroBatch?: (j: number) => number): OpGraph {
  const inputs = readPrograms(programs, placement, mirrorMicroBatch);
  const folded = mirrorMicroBatch !== undefined;
  const linked = !folded && isPlain(inputs) ? linkPlainEdges(inputs) : linkEdges(inputs);
  // A folded graph's mirrored ranks receive as many transfers as the listed ones.
  return new GraphRecord(placement, inputs, linked, folded ? 2 : 1);
}

/** The programs as typed arrays, with the producer of every (micro-batch, stage) output. */
export function readPrograms(programs: readonly StageOps[], placement: Placement, mirrorMicroBatch?: (j: number) => number): LinkInputs {
  const ranks = programs.length;
  // A folded graph's lookup covers the mirrored ranks too.
  const lookup = createLookup(placement, mirrorMicroBatch === undefined ? ranks : 2 * ranks);
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
  // The ops' fields as typed arrays: a compiled graph keeps no object per op (objects that stay
  // alive are what every scavenge copies).
  const microBatchOf = new Int32Array(n);
  const chunkOf = new Int32Array(n);
  const backwardMicroBatchOf = new Int32Array(n).fill(-1);
  const backwardChunkOf = new Int32Array(n).fill(-1);
  const sendAfter = new Int32Array(n);
  // Each op's slot in the durations table (`op-durations.ts`), written in this pass.
  const slotOf = new Int32Array(n);
  const pairs = createPairSlots(lookup.stages);
  const producers = new ProducerTables(placement.routeOfMicroBatch.length * lookup.stages);
  const { forward, backward, inputOnly, weight } = producers;
  const S = lookup.stages;
  const { stageAt, routeOf, chunks } = lookup;
  let i = 0;
  let awaitedCount = 0;
  let plain = true;
  for (let r = 0; r < ranks; r += 1) {
    // Indexed: an array iterator allocates a result object per op while this runs interpreted (a first call).
    const program = programs[r]?.ops ?? [];
    for (let k = 0; k < program.length; k += 1) {
      const op = program[k];
      if (op === undefined) continue;
      ops[i] = op;
      rankOf[i] = r;
      microBatchOf[i] = op.microBatch;
      chunkOf[i] = op.chunk;
      const after = op.sendAfter ?? 0;
      sendAfter[i] = after;
      const awaited = op.awaits?.length ?? 0;
      awaitedCount += awaited;
      if (after !== 0 || awaited !== 0 || op.kind === 'FB') plain = false;
      const route = routeOf[op.microBatch];
      // stageOfChunk written out; it is asked only to report a chunk the rank does not hold.
      let s = (route === undefined ? undefined : stageAt[route])?.[r * chunks + op.chunk] ?? -1;
      if (s < 0) s = stageOfChunk(lookup, r, op.microBatch, op.chunk);
      stageOf[i] = s;
      const key = op.microBatch * S + s;
      // The code of the kind, compared rather than looked up by name (a keyed load per op).
      const name = op.kind;
      const kind = name === 'F' ? KIND.F : name === 'B' ? KIND.B : name === 'I' ? KIND.I : name === 'W' ? KIND.W : KIND.FB;
      kindOf[i] = kind;
      slotOf[i] = kind * S + s;
      // Each output has one producer (written out, not a helper: this runs for every op, `op-edges.ts`).
      if (kind === KIND.F || kind === KIND.FB) {
        if (forward[key] !== -1) twice('forward', key);
        forward[key] = i;
      }
      if (kind === KIND.I) {
        if (inputOnly[key] !== -1) twice('input-backward', key);
        inputOnly[key] = i;
      }
      if (kind === KIND.W) {
        if (weight[key] !== -1) twice('weight', key);
        weight[key] = i;
      }
      let backKey = kind === KIND.B || kind === KIND.I ? key : -1;
      if (op.kind === 'FB') {
        const back = stageOfChunk(lookup, r, op.backwardMicroBatch, op.backwardChunk);
        backwardStageOf[i] = back;
        backwardMicroBatchOf[i] = op.backwardMicroBatch;
        backwardChunkOf[i] = op.backwardChunk;
        slotOf[i] = pairs.slot(s, back);
        backKey = op.backwardMicroBatch * S + back;
      }
      if (backKey >= 0) {
        if (backward[backKey] !== -1) twice('backward', backKey);
        backward[backKey] = i;
      }
      i += 1;
    }
  }
  const microBatches = placement.routeOfMicroBatch.length;
  if (mirrorMicroBatch !== undefined) fillMirrored(producers, S, microBatches, mirrorMicroBatch);
  return new ProgramArrays({
    ops, ranks, rankStart, rankOf, kindOf, stageOf, backwardStageOf, microBatchOf, chunkOf, backwardMicroBatchOf, backwardChunkOf,
    durations: pairs.finish(slotOf), sendAfter, awaitedCount, plain, lookup, producers,
  });
}

/**
 * Groups the edges by releasing op, keeping their order within an op. `collectEdges` lists each
 * (release, consumer) pair once (repeats are merged as they are added, `pushEdge`).
 */
export function linkEdges(g: LinkInputs): LinkedEdges {
  const edges = collectEdges(g);
  const n = g.ops.length;
  const count = edges.count;
  const { release, consumer, cross } = edges;
  const edgeStart = new Int32Array(n + 1);
  const inDegree = new Int32Array(n);
  for (let e = 0; e < count; e += 1) {
    const slot = (release[e] ?? 0) + 1;
    edgeStart[slot] = (edgeStart[slot] ?? 0) + 1;
    const to = consumer[e] ?? 0;
    inDegree[to] = (inDegree[to] ?? 0) + 1;
  }
  for (let i = 0; i < n; i += 1) edgeStart[i + 1] = (edgeStart[i + 1] ?? 0) + (edgeStart[i] ?? 0);
  const fill = edgeStart.slice(0, n);
  const edgeConsumer = new Int32Array(count);
  const edgeCross = new Uint8Array(count);
  for (let e = 0; e < count; e += 1) {
    const from = release[e] ?? 0;
    const slot = fill[from] ?? 0;
    fill[from] = slot + 1;
    edgeConsumer[slot] = consumer[e] ?? 0;
    edgeCross[slot] = cross[e] ?? 0;
  }
  return { edgeStart, edgeConsumer, edgeCross, inDegree, transfers: edges.transfers };
}
