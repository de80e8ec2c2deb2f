/**
 * Data dependencies between ops (notes §3.0), as edges released by the op whose end sends them:
 *   F(s, j) needs F(s-1, j)'s output; s = 0 reads the data.
 *   I(s, j) or B(s, j) needs the gradient from the backward of (s+1, j); every backward also
 *     needs its own F(s, j) (same rank), which stands for the loss on the last stage.
 *   W(s, j) needs I(s, j) (same rank).
 * Within a rank an input is ready at the producer's end. Between ranks it is released when the
 * producer's send launches (its end, or `sendAfter` ops later) and arrives `p2pSeconds` after
 * (buffered sends). Receives posted by a DualPipe commit (`awaits`) follow NCCL's batched
 * isend/irecv + wait instead (rendezvous): the transfer starts once both sides have launched it,
 * and the sender's next op waits for it to complete as well.
 */
import type { DurationSlots } from './op-durations.js';
import type { AwaitedInput, Op, OpKind } from './types.js';

/** Op kind codes of the compiled arrays (`OpGraph.kindOf`). */
export const KIND = { F: 0, B: 1, I: 2, W: 3, FB: 4 } as const satisfies Record<OpKind, number>;

/** Op kind of each code (`KIND`'s inverse). */
export const KIND_NAME: readonly OpKind[] = ['F', 'B', 'I', 'W', 'FB'];

/** Stage lookup and producer tables shared by the graph builder and the edge builder. */
export interface Lookup {
  readonly stages: number;
  /** [route][rank * chunks + chunk] -> model stage, -1 if none. */
  readonly stageAt: readonly Int32Array[];
  /** [route][stage] -> rank that runs it in the whole pipeline (also for ranks a folded graph does not list). */
  readonly rankAt: readonly Int32Array[];
  readonly chunks: number;
  readonly routeOf: Int32Array;
}

/** Producers indexed by microBatch * stages + stage. */
export interface Producers {
  readonly forward: Int32Array;
  readonly backward: Int32Array;
  readonly inputOnly: Int32Array;
  readonly weight: Int32Array;
}

export function stageOfChunk(lookup: Lookup, rank: number, microBatch: number, chunk: number): number {
  const route = lookup.routeOf[microBatch];
  const table = route === undefined ? undefined : lookup.stageAt[route];
  const stage = table?.[rank * lookup.chunks + chunk] ?? -1;
  if (stage < 0) throw new Error(`schedule bug: rank ${rank} holds no chunk ${chunk} for micro-batch ${microBatch}`);
  return stage;
}

/** Rank that runs model stage `stage` of micro-batch `microBatch`. */
function holderOf(lookup: Lookup, microBatch: number, stage: number): number {
  return lookup.rankAt[lookup.routeOf[microBatch] ?? 0]?.[stage] ?? -1;
}

export interface LinkInputs {
  readonly ops: readonly Op[];
  readonly ranks: number;
  readonly rankStart: Int32Array;
  /**
   * Rank whose program lists each op. In a folded graph (`op-graph.ts`) an op also stands for its
   * mirror on rank pp−1−r, so a producer's rank in the pipeline is asked of `holderOf`, and this
   * only bounds indices within a listed program.
   */
  readonly rankOf: Int32Array;
  readonly kindOf: Uint8Array;
  readonly stageOf: Int32Array;
  readonly backwardStageOf: Int32Array;
  /** `Op.microBatch` and `Op.chunk`; for F&B pairs also `backwardMicroBatch` and `backwardChunk` (-1 for other ops). */
  readonly microBatchOf: Int32Array;
  readonly chunkOf: Int32Array;
  readonly backwardMicroBatchOf: Int32Array;
  readonly backwardChunkOf: Int32Array;
  /** Each op's slot in the per-run durations table (`op-durations.ts`). */
  readonly durations: DurationSlots;
  /** `Op.sendAfter` per op (0 when absent). */
  readonly sendAfter: Int32Array;
  /** Awaited inputs over all ops (`Op.awaits`). */
  readonly awaitedCount: number;
  /** No F&B pair, no delayed send and no awaited receive (`op-edges-plain.ts`). */
  readonly plain: boolean;
  readonly lookup: Lookup;
  readonly producers: Producers;
}

/**
 * Edge buffer before it is grouped by releasing op. Every (release, consumer) pair appears once:
 * `pushEdge` merges a repeat into the edge already listed.
 */
export interface EdgeList {
  readonly release: Int32Array;
  readonly consumer: Int32Array;
  /** 1 when the edge carries a p2p transfer (latency p2pSeconds), 0 within a rank. */
  readonly cross: Uint8Array;
  /** Per consumer, its latest edge; -1 if none. With `previousInto`, the edges into each op. */
  readonly lastInto: Int32Array;
  /** Per edge, the previous edge into the same consumer; -1 if none. */
  readonly previousInto: Int32Array;
  count: number;
  transfers: number;
}

/** Room for every edge `collectEdges` can add: 3 per op, 3 per awaited input, 1 per awaiting op. */
function createEdgeList(ops: number, awaited: number): EdgeList {
  const capacity = 4 * ops + 3 * awaited;
  return {
    release: new Int32Array(capacity),
    consumer: new Int32Array(capacity),
    cross: new Uint8Array(capacity),
    lastInto: new Int32Array(ops).fill(-1),
    previousInto: new Int32Array(capacity),
    count: 0,
    transfers: 0,
  };
}

function producerOf(table: Int32Array, key: number, what: string): number {
  const op = table[key] ?? -1;
  if (op < 0) throw new Error(`schedule bug: no ${what} op for micro-batch·stage key ${key}`);
  return op;
}

/**
 * Adds the edge unless the consumer already has one from `release` (a DualPipe commit awaits
 * several inputs through the same ops: both outputs of an F&B pair, one sender's next op per
 * input). A repeat is one constraint: the kept edge crosses ranks if either does, which gives the
 * later arrival of the two, so the run is the same. Walks the consumer's edges (a handful).
 */
function pushEdge(edges: EdgeList, release: number, consumer: number, cross: number): void {
  const { lastInto, previousInto } = edges;
  for (let k = lastInto[consumer] ?? -1; k >= 0; k = previousInto[k] ?? -1) {
    if (edges.release[k] !== release) continue;
    if (cross > (edges.cross[k] ?? 0)) edges.cross[k] = cross;
    return;
  }
  const e = edges.count;
  edges.release[e] = release;
  edges.consumer[e] = consumer;
  edges.cross[e] = cross;
  previousInto[e] = lastInto[consumer] ?? -1;
  lastInto[consumer] = e;
  edges.count = e + 1;
}

/** The op whose end launches the sends of `producer` (its own end, or `sendAfter` ops later). */
function releaseOf(g: LinkInputs, producer: number, rank: number): number {
  const release = producer + (g.sendAfter[producer] ?? 0);
  if (release >= (g.rankStart[rank + 1] ?? 0)) throw new Error(`schedule bug: op ${producer} sends after the end of rank ${rank}`);
  return release;
}

/** An edge from `producer`, which runs on rank `producerRank` of the pipeline, to `consumer`. */
function addEdge(g: LinkInputs, edges: EdgeList, producer: number, producerRank: number, consumer: number, counts: boolean): void {
  if (producerRank === g.rankOf[consumer]) {
    pushEdge(edges, producer, consumer, 0);
    return;
  }
  pushEdge(edges, releaseOf(g, producer, g.rankOf[producer] ?? 0), consumer, 1);
  if (counts) edges.transfers += 1;
}

/**
 * Whether an awaited input is one op `i` consumes anyway (its edge exists already). Read from the
 * typed arrays, not the `Op` objects: ops of five kinds have five shapes, and a process's first
 * DualPipe compile optimises this path (the optimising compile of a call site that sees many
 * shapes cost more than the whole interpreted compile).
 */
function isOwnInput(g: LinkInputs, i: number, wanted: AwaitedInput): boolean {
  const kind = g.kindOf[i];
  if (wanted.input === 'activation') return (kind === KIND.F || kind === KIND.FB) && g.microBatchOf[i] === wanted.microBatch && g.chunkOf[i] === wanted.chunk;
  if (kind === KIND.FB) return g.backwardMicroBatchOf[i] === wanted.microBatch && g.backwardChunkOf[i] === wanted.chunk;
  return (kind === KIND.B || kind === KIND.I) && g.microBatchOf[i] === wanted.microBatch && g.chunkOf[i] === wanted.chunk;
}

/** Producer of an awaited input, or -1 when the input is the data (stage 0) or the loss (last stage). */
function awaitedProducer(g: LinkInputs, wanted: AwaitedInput, stage: number): number {
  const key = wanted.microBatch * g.lookup.stages + stage;
  if (wanted.input === 'activation') return stage === 0 ? -1 : producerOf(g.producers.forward, key - 1, 'forward');
  return stage === g.lookup.stages - 1 ? -1 : producerOf(g.producers.backward, key + 1, 'backward');
}

/** Model stage of the producer of an awaited input to stage `stage`. */
function awaitedProducerStage(wanted: AwaitedInput, stage: number): number {
  return wanted.input === 'activation' ? stage - 1 : stage + 1;
}

/**
 * A receive posted by the commit before op `receiver`. Rendezvous: the transfer starts when both
 * the sender's commit (end of its releasing op) and the receiver's commit (end of the op before
 * `receiver`) have launched it, and completes p2pSeconds later; the receiver and the sender's
 * next op both wait for it. Returns whether the input crosses ranks.
 */
function addAwaited(g: LinkInputs, edges: EdgeList, wanted: AwaitedInput, rank: number, receiver: number): boolean {
  const stage = stageOfChunk(g.lookup, rank, wanted.microBatch, wanted.chunk);
  const producer = awaitedProducer(g, wanted, stage);
  if (producer < 0) return false;
  const senderRank = holderOf(g.lookup, wanted.microBatch, awaitedProducerStage(wanted, stage));
  if (!isOwnInput(g, receiver, wanted)) addEdge(g, edges, producer, senderRank, receiver, false);
  if (senderRank === rank) return false;
  // In a folded graph a sender on a mirrored rank is listed as its mirror, whose next op stands for
  // the sender's next op: the edges below are the mirror images of the mirrored receiver's.
  const release = producer + (g.sendAfter[producer] ?? 0);
  const senderNext = release + 1;
  if (senderNext >= (g.rankStart[(g.rankOf[producer] ?? 0) + 1] ?? 0)) return true;
  pushEdge(edges, release, senderNext, 1);
  if (receiver > (g.rankStart[rank] ?? 0)) pushEdge(edges, receiver - 1, senderNext, 1);
  return true;
}

function addAwaitedInputs(g: LinkInputs, edges: EdgeList, awaited: readonly AwaitedInput[], rank: number, receiver: number): void {
  let crosses = false;
  for (const wanted of awaited) crosses = addAwaited(g, edges, wanted, rank, receiver) || crosses;
  // The receiver's own commit launches its side of the transfers at the end of the previous op.
  if (crosses && receiver > (g.rankStart[rank] ?? 0)) pushEdge(edges, receiver - 1, receiver, 1);
}

/**
 * Every edge, in op order: F ← forward of (j, s−1); B/I ← backward of (j, s+1) and its own F;
 * W ← its I; F&B ← both; then the receives a DualPipe commit awaits.
 */
export function collectEdges(g: LinkInputs): EdgeList {
  const edges = createEdgeList(g.ops.length, g.awaitedCount);
  const S = g.lookup.stages;
  const { forward, backward, inputOnly } = g.producers;
  const { kindOf, stageOf, rankOf, microBatchOf, backwardMicroBatchOf, backwardStageOf } = g;
  const n = g.ops.length;
  // Op fields are read from the typed arrays; the Op objects (a shape per kind) only for `awaits`.
  for (let i = 0; i < n; i += 1) {
    const kind = kindOf[i] ?? 0;
    const stage = stageOf[i] ?? 0;
    const microBatch = microBatchOf[i] ?? 0;
    const key = microBatch * S + stage;
    const rank = rankOf[i] ?? 0;
    // Forward input: the activation from stage − 1.
    if ((kind === KIND.F || kind === KIND.FB) && stage > 0) {
      addEdge(g, edges, producerOf(forward, key - 1, 'forward'), holderOf(g.lookup, microBatch, stage - 1), i, true);
    }
    if (kind === KIND.W) addEdge(g, edges, producerOf(inputOnly, key, 'input-backward'), rank, i, false);
    // Backward inputs: the gradient from stage + 1, and the op's own F (which stands for the loss on the last stage).
    if (kind === KIND.B || kind === KIND.I || kind === KIND.FB) {
      const backMicroBatch = kind === KIND.FB ? (backwardMicroBatchOf[i] ?? 0) : microBatch;
      const backStage = kind === KIND.FB ? (backwardStageOf[i] ?? 0) : stage;
      const b = backMicroBatch * S + backStage;
      if (backStage < S - 1) addEdge(g, edges, producerOf(backward, b + 1, 'backward'), holderOf(g.lookup, backMicroBatch, backStage + 1), i, true);
      addEdge(g, edges, producerOf(forward, b, 'forward'), rank, i, false);
    }
    const awaits = g.ops[i]?.awaits;
    if (awaits !== undefined && awaits.length > 0) addAwaitedInputs(g, edges, awaits, rank, i);
  }
  return edges;
}
