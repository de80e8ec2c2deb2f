/**
 * The records the edge builders and the run loop read per op (`op-graph.ts`, `op-edges*.ts`,
 * `simulate-ops.ts`), built by constructors rather than object literals.
 *
 * V8 records the class of each object field of a literal's first object, and widens it to "any"
 * when the literal runs a second time (it then makes the literal's template). Code optimised in
 * between relies on the narrow type and is thrown away: a process's first steady-state estimate
 * compiles three graphs and runs them, `runRank` and `linkPlainEdges` get optimised during the
 * first, and the second graph's records discarded that work (the optimiser ran again, on
 * background threads whose CPU the call counts). A class keeps one set of field types for every
 * instance. The records stay plain data: fields only, no methods.
 */
import type { DurationSlots } from './op-durations.js';
import type { LinkedEdges } from './op-edges-plain.js';
import type { LinkInputs, Lookup, Producers } from './op-edges.js';
import type { OpGraph } from './op-graph.js';
import type { Op, Placement } from './types.js';

export class LookupTables implements Lookup {
  constructor(
    readonly stages: number,
    readonly stageAt: readonly Int32Array[],
    readonly rankAt: readonly Int32Array[],
    readonly chunks: number,
    readonly routeOf: Int32Array,
  ) {}
}

/** Producer tables of `size` (micro-batch · stage) entries, -1 where no op produces the output yet. */
export class ProducerTables implements Producers {
  readonly forward: Int32Array;
  readonly backward: Int32Array;
  readonly inputOnly: Int32Array;
  readonly weight: Int32Array;

  constructor(size: number) {
    this.forward = new Int32Array(size).fill(-1);
    this.backward = new Int32Array(size).fill(-1);
    this.inputOnly = new Int32Array(size).fill(-1);
    this.weight = new Int32Array(size).fill(-1);
  }
}

/** `LinkInputs` copied from `g` into one class. */
export class ProgramArrays implements LinkInputs {
  readonly ops: readonly Op[];
  readonly ranks: number;
  readonly rankStart: Int32Array;
  readonly rankOf: Int32Array;
  readonly kindOf: Uint8Array;
  readonly stageOf: Int32Array;
  readonly backwardStageOf: Int32Array;
  readonly microBatchOf: Int32Array;
  readonly chunkOf: Int32Array;
  readonly backwardMicroBatchOf: Int32Array;
  readonly backwardChunkOf: Int32Array;
  readonly durations: DurationSlots;
  readonly sendAfter: Int32Array;
  readonly awaitedCount: number;
  readonly plain: boolean;
  readonly lookup: Lookup;
  readonly producers: Producers;

  constructor(g: LinkInputs) {
    this.ops = g.ops;
    this.ranks = g.ranks;
    this.rankStart = g.rankStart;
    this.rankOf = g.rankOf;
    this.kindOf = g.kindOf;
    this.stageOf = g.stageOf;
    this.backwardStageOf = g.backwardStageOf;
    this.microBatchOf = g.microBatchOf;
    this.chunkOf = g.chunkOf;
    this.backwardMicroBatchOf = g.backwardMicroBatchOf;
    this.backwardChunkOf = g.backwardChunkOf;
    this.durations = g.durations;
    this.sendAfter = g.sendAfter;
    this.awaitedCount = g.awaitedCount;
    this.plain = g.plain;
    this.lookup = g.lookup;
    this.producers = g.producers;
  }
}

/** The graph of the programs `inputs` and their edges; `copies` 2 for a folded graph (its mirrored ranks receive as many transfers). */
export class GraphRecord implements OpGraph {
  readonly opCount: number;
  readonly rankCount: number;
  readonly pipelineRanks: number;
  readonly rankStart: Int32Array;
  readonly rankOf: Int32Array;
  readonly kindOf: Uint8Array;
  readonly stageOf: Int32Array;
  readonly backwardStageOf: Int32Array;
  readonly microBatchOf: Int32Array;
  readonly chunkOf: Int32Array;
  readonly backwardMicroBatchOf: Int32Array;
  readonly backwardChunkOf: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeConsumer: Int32Array;
  readonly edgeCross: Uint8Array;
  readonly inDegree: Int32Array;
  readonly durations: DurationSlots;
  readonly p2pTransfers: number;

  constructor(readonly placement: Placement, inputs: LinkInputs, linked: LinkedEdges, copies: number) {
    this.opCount = inputs.rankOf.length;
    this.rankCount = inputs.ranks;
    this.pipelineRanks = copies * inputs.ranks;
    this.rankStart = inputs.rankStart;
    this.rankOf = inputs.rankOf;
    this.kindOf = inputs.kindOf;
    this.stageOf = inputs.stageOf;
    this.backwardStageOf = inputs.backwardStageOf;
    this.microBatchOf = inputs.microBatchOf;
    this.chunkOf = inputs.chunkOf;
    this.backwardMicroBatchOf = inputs.backwardMicroBatchOf;
    this.backwardChunkOf = inputs.backwardChunkOf;
    this.edgeStart = linked.edgeStart;
    this.edgeConsumer = linked.edgeConsumer;
    this.edgeCross = linked.edgeCross;
    this.inDegree = linked.inDegree;
    this.durations = inputs.durations;
    this.p2pTransfers = copies * linked.transfers;
  }
}

/** Duration slots (`op-durations.ts`). */
export class SlotTable implements DurationSlots {
  constructor(readonly stages: number, readonly slotOf: Int32Array, readonly pairForward: Int32Array, readonly pairBackward: Int32Array) {}
}
