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

export interface LinkInputs {
  readonly ops: readonly Op[];
  readonly ranks: number;
  readonly rankStart: Int32Array;
  /**
   * Rank whose program lists each op. In a folded graph (`op-graph.ts`) an op also stands for its
   * mirror on rank pp−1−r, so a producer's rank in the pipeline is read from `Lookup.rankAt`, and this
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
  /**
   * Kept as edges are added, for the grouping (`linkEdges`): `releasedBy[i + 1]` counts the edges op i
   * releases (a prefix sum makes it the grouped list's start offsets), `inDegree[i]` those into op i.
   */
  readonly releasedBy: Int32Array;
  readonly inDegree: Int32Array;
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
    releasedBy: new Int32Array(ops + 1),
    inDegree: new Int32Array(ops),
    count: 0,
    transfers: 0,
  };
}

/** Throws: no op produces an input (cold path of the inline producer look-ups). */
function missing(what: string, key: number): never {
  throw new Error(`schedule bug: no ${what} op for micro-batch·stage key ${key}`);
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
  edges.releasedBy[release + 1] = (edges.releasedBy[release + 1] ?? 0) + 1;
  edges.inDegree[consumer] = (edges.inDegree[consumer] ?? 0) + 1;
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
 * Every edge, in op order: F ← forward of (j, s−1); B/I ← backward of (j, s+1) and its own F;
 * W ← its I; F&B ← both; then the receives a DualPipe commit awaits (`Op.awaits`).
 *
 * Rendezvous receives: a transfer starts when both the sender's commit (end of its releasing op)
 * and the receiver's commit (end of the op before the receiver) have launched it, and completes
 * p2pSeconds later; the receiver and the sender's next op both wait for it.
 *
 * One loop with the look-ups written out (stage of a chunk, producer, the rank holding it):
 * a first DualPipe compile (pp 16, 120 micro-batches, folded: 1,209 ops awaiting 1,800 inputs)
 * called small helpers for each so often that V8 optimised them during that one call, on
 * background threads whose CPU the call counts; this function stays interpreted there.
 */
export function collectEdges(g: LinkInputs): EdgeList {
  const edges = createEdgeList(g.ops.length, g.awaitedCount);
  const { lookup, kindOf, stageOf, rankOf, microBatchOf, chunkOf, backwardMicroBatchOf, backwardChunkOf, backwardStageOf, sendAfter, rankStart } = g;
  const S = lookup.stages;
  const { forward, backward, inputOnly } = g.producers;
  const { rankAt, routeOf } = lookup;
  const n = g.ops.length;
  // Op fields are read from the typed arrays; the Op objects (a shape per kind) only for `awaits`.
  for (let i = 0; i < n; i += 1) {
    const kind = kindOf[i] ?? 0;
    const stage = stageOf[i] ?? 0;
    const microBatch = microBatchOf[i] ?? 0;
    const key = microBatch * S + stage;
    const rank = rankOf[i] ?? 0;
    // Producer and rank of the op's activation and gradient inputs (-1: the data, the loss, or none).
    let activationFrom = -1;
    let activationRank = -1;
    // The op whose end releases the activation when it crosses ranks; -1 otherwise.
    let activationRelease = -1;
    let gradientFrom = -1;
    let gradientRank = -1;
    // Forward input: the activation from stage − 1.
    if ((kind === KIND.F || kind === KIND.FB) && stage > 0) {
      activationFrom = forward[key - 1] ?? -1;
      if (activationFrom < 0) missing('forward', key - 1);
      activationRank = rankAt[routeOf[microBatch] ?? 0]?.[stage - 1] ?? -1;
      if (activationRank === rank) {
        pushEdge(edges, activationFrom, i, 0);
      } else {
        activationRelease = releaseOf(g, activationFrom, rankOf[activationFrom] ?? 0);
        pushEdge(edges, activationRelease, i, 1);
        edges.transfers += 1;
      }
    }
    if (kind === KIND.W) {
      const producer = inputOnly[key] ?? -1;
      if (producer < 0) missing('input-backward', key);
      addEdge(g, edges, producer, rank, i, false);
    }
    // Backward inputs: the gradient from stage + 1, and the op's own F (which stands for the loss on the last stage).
    if (kind === KIND.B || kind === KIND.I || kind === KIND.FB) {
      const backMicroBatch = kind === KIND.FB ? (backwardMicroBatchOf[i] ?? 0) : microBatch;
      const backStage = kind === KIND.FB ? (backwardStageOf[i] ?? 0) : stage;
      const b = backMicroBatch * S + backStage;
      if (backStage < S - 1) {
        gradientFrom = backward[b + 1] ?? -1;
        if (gradientFrom < 0) missing('backward', b + 1);
        gradientRank = rankAt[routeOf[backMicroBatch] ?? 0]?.[backStage + 1] ?? -1;
        if (gradientRank === rank) {
          pushEdge(edges, gradientFrom, i, 0);
        } else {
          // An F&B pair's two inputs often leave the neighbour at one commit (its own F&B pair's end):
          // that edge is listed already, crossing, so adding it again would only merge.
          const release = releaseOf(g, gradientFrom, rankOf[gradientFrom] ?? 0);
          if (release !== activationRelease) pushEdge(edges, release, i, 1);
          edges.transfers += 1;
        }
      }
      const own = forward[b] ?? -1;
      if (own < 0) missing('forward', b);
      addEdge(g, edges, own, rank, i, false);
    }
    const awaits = g.ops[i]?.awaits;
    if (awaits === undefined || awaits.length === 0) continue;
    const firstOfRank = rankStart[rank] ?? 0;
    let crosses = false;
    let lastRelease = -1;
    for (let a = 0; a < awaits.length; a += 1) {
      const wanted = awaits[a] as AwaitedInput;
      const awaitedMicroBatch = wanted.microBatch;
      const chunk = wanted.chunk;
      const activation = wanted.input === 'activation';
      // Nearly every awaited input is one the op consumes anyway: its producer and rank are above, its edge exists.
      const own = activation
        ? (kind === KIND.F || kind === KIND.FB) && microBatch === awaitedMicroBatch && chunkOf[i] === chunk
        : kind === KIND.FB
          ? backwardMicroBatchOf[i] === awaitedMicroBatch && backwardChunkOf[i] === chunk
          : (kind === KIND.B || kind === KIND.I) && microBatch === awaitedMicroBatch && chunkOf[i] === chunk;
      let producer = activation ? activationFrom : gradientFrom;
      let senderRank = activation ? activationRank : gradientRank;
      if (!own) {
        const route = routeOf[awaitedMicroBatch] ?? -1;
        let awaitedStage = lookup.stageAt[route]?.[rank * lookup.chunks + chunk] ?? -1;
        if (awaitedStage < 0) awaitedStage = stageOfChunk(lookup, rank, awaitedMicroBatch, chunk);
        // The data (stage 0) and the loss (last stage) come from no op.
        if (activation ? awaitedStage === 0 : awaitedStage === S - 1) continue;
        const producerStage = activation ? awaitedStage - 1 : awaitedStage + 1;
        const producerKey = awaitedMicroBatch * S + producerStage;
        producer = (activation ? forward[producerKey] : backward[producerKey]) ?? -1;
        if (producer < 0) missing(activation ? 'forward' : 'backward', producerKey);
        senderRank = rankAt[route]?.[producerStage] ?? -1;
        addEdge(g, edges, producer, senderRank, i, false);
      }
      if (producer < 0 || senderRank === rank) continue;
      crosses = true;
      // In a folded graph a sender on a mirrored rank is listed as its mirror, whose next op stands for
      // the sender's next op: the edges below are the mirror images of the mirrored receiver's.
      const release = producer + (sendAfter[producer] ?? 0);
      const senderNext = release + 1;
      // Both outputs of an F&B pair come through the same ops: those two edges are listed already.
      if (release === lastRelease || senderNext >= (rankStart[(rankOf[producer] ?? 0) + 1] ?? 0)) continue;
      lastRelease = release;
      pushEdge(edges, release, senderNext, 1);
      if (i > firstOfRank) pushEdge(edges, i - 1, senderNext, 1);
    }
    // The receiver's own commit launches its side of the transfers at the end of the previous op.
    if (crosses && i > firstOfRank) pushEdge(edges, i - 1, i, 1);
  }
  return edges;
}
