/**
 * Run of rank programs: each rank runs one compute op at a time, in program order; an op starts
 * at max(rank free, last input arrival) and ends after its duration. When an op ends, each of its
 * outgoing edges records the arrival time at the consumer (end + p2pSeconds across ranks, end
 * within a rank).
 *
 * Ranks share no resource, so these times are longest paths in the dependency graph and do not
 * depend on the order in which ops are processed: instead of a time-ordered event queue, a
 * worklist holds the ranks whose next op has all its inputs, and each runs until its next op
 * waits for an input. Cost: O(ops + edges), no allocation per op; all state lives in one context
 * per run. A rank is on the worklist at most once, so the list never holds more than p entries.
 */
import { KIND, KIND_NAME } from './op-edges.js';
import { slotSeconds } from './op-durations.js';
import { createOpGraph } from './op-graph.js';
import type { OpGraph } from './op-graph.js';
import { summarizeRun } from './summarize.js';
import type { Placement, ScheduleSimulation, ScheduleTimes, StageOps } from './types.js';

export interface SimulateOptions {
  /** Return every op with its times (for traces). Default true; planners pass false. */
  readonly recordOps?: boolean;
}

/**
 * Buffers of a run, reusable by the next run of any graph (they grow to the largest): per op
 * (`pending`, `readySeconds`, `startSeconds`, `endSeconds`), per rank, and the durations table.
 * Allocating them per run cost more than the run on large graphs; a context reads them until the
 * next run that uses the same buffers.
 */
export interface RunBuffers {
  pending: Int32Array;
  readySeconds: Float64Array;
  startSeconds: Float64Array;
  endSeconds: Float64Array;
  /** Per rank: freeSeconds, busySeconds (Float64); next, runnable, liveChunks, peakChunks (Int32). */
  rankSeconds: Float64Array;
  rankInts: Int32Array;
  slotSeconds: Float64Array;
}

export function createRunBuffers(): RunBuffers {
  return {
    pending: new Int32Array(0), readySeconds: new Float64Array(0), startSeconds: new Float64Array(0), endSeconds: new Float64Array(0),
    rankSeconds: new Float64Array(0), rankInts: new Int32Array(0), slotSeconds: new Float64Array(0),
  };
}

/** All mutable state of one run (views of `RunBuffers`; per-op arrays may be longer than the graph). */
export interface SimContext {
  readonly graph: OpGraph;
  /** Duration of each slot (`op-durations.ts`); op i takes slotSeconds[graph.durations.slotOf[i]]. */
  readonly slotSeconds: Float64Array;
  readonly p2pSeconds: number;
  /** Inputs of each op that have not arrived yet. */
  readonly pending: Int32Array;
  /** Latest arrival time among the inputs of each op seen so far. */
  readonly readySeconds: Float64Array;
  /** When each rank finished its last op. */
  readonly freeSeconds: Float64Array;
  /** Global index of the next op of each rank. */
  readonly next: Int32Array;
  /** Ranks whose next op has all its inputs (a stack of at most p ranks). */
  readonly runnable: Int32Array;
  readonly startSeconds: Float64Array;
  readonly endSeconds: Float64Array;
  /** Per rank, summed in program order as ops run: busy time, and live and peak in-flight chunks. */
  readonly busySeconds: Float64Array;
  readonly liveChunks: Int32Array;
  readonly peakChunks: Int32Array;
  finished: number;
}

/** Room for `n` ops, grown by half again over the need so a sequence of growing graphs reallocates rarely. */
function roomFor(length: number, n: number): number {
  return length >= n ? length : Math.max(n, Math.ceil(length * 1.5));
}

/** A run's state, built by a constructor rather than an object literal (why: `graph-records.ts`). */
class RunContext implements SimContext {
  readonly graph: OpGraph;
  readonly slotSeconds: Float64Array;
  readonly p2pSeconds: number;
  readonly pending: Int32Array;
  readonly readySeconds: Float64Array;
  readonly freeSeconds: Float64Array;
  readonly next: Int32Array;
  readonly runnable: Int32Array;
  readonly startSeconds: Float64Array;
  readonly endSeconds: Float64Array;
  readonly busySeconds: Float64Array;
  readonly liveChunks: Int32Array;
  readonly peakChunks: Int32Array;
  finished: number;

  constructor(graph: OpGraph, times: ScheduleTimes, b: RunBuffers) {
    const n = graph.opCount;
    const p = graph.rankCount;
    if (b.pending.length < n) {
      const size = roomFor(b.pending.length, n);
      b.pending = new Int32Array(size);
      b.readySeconds = new Float64Array(size);
      b.startSeconds = new Float64Array(size);
      b.endSeconds = new Float64Array(size);
    }
    if (b.rankInts.length < 4 * p) {
      b.rankSeconds = new Float64Array(2 * p);
      b.rankInts = new Int32Array(4 * p);
    }
    const slots = graph.durations;
    if (b.slotSeconds.length < 4 * slots.stages + slots.pairForward.length) b.slotSeconds = new Float64Array(roomFor(b.slotSeconds.length, 4 * slots.stages + slots.pairForward.length));
    b.pending.set(graph.inDegree);
    b.readySeconds.fill(0, 0, n);
    const rankSeconds = b.rankSeconds.subarray(0, 2 * p).fill(0);
    const rankInts = b.rankInts.subarray(0, 4 * p).fill(0);
    this.graph = graph;
    this.slotSeconds = slotSeconds(slots, times, b.slotSeconds);
    this.p2pSeconds = times.p2pSeconds;
    this.pending = b.pending;
    this.readySeconds = b.readySeconds;
    this.freeSeconds = rankSeconds.subarray(0, p);
    this.next = rankInts.subarray(0, p);
    this.next.set(graph.rankStart.subarray(0, p));
    this.runnable = rankInts.subarray(p, 2 * p);
    this.startSeconds = b.startSeconds;
    this.endSeconds = b.endSeconds;
    this.busySeconds = rankSeconds.subarray(p, 2 * p);
    this.liveChunks = rankInts.subarray(2 * p, 3 * p);
    this.peakChunks = rankInts.subarray(3 * p, 4 * p);
    this.finished = 0;
  }
}

/**
 * Runs rank `rank` until its next op waits for an input or its program ends; pushes every other
 * rank whose next op this completes onto the worklist. Returns the new worklist size.
 */
function runRank(ctx: SimContext, rank: number, size: number): number {
  const { graph, pending, readySeconds, next, runnable, slotSeconds, startSeconds, endSeconds } = ctx;
  const { edgeStart, edgeConsumer, edgeCross, rankOf, kindOf } = graph;
  const { slotOf } = graph.durations;
  const last = graph.rankStart[rank + 1] ?? 0;
  let free = ctx.freeSeconds[rank] ?? 0;
  let busy = ctx.busySeconds[rank] ?? 0;
  let live = ctx.liveChunks[rank] ?? 0;
  let peak = ctx.peakChunks[rank] ?? 0;
  const p2p = ctx.p2pSeconds;
  const { F, B, I, FB } = KIND;
  const first = next[rank] ?? 0;
  let op = first;
  let top = size;
  while (op < last && pending[op] === 0) {
    const ready = readySeconds[op] ?? 0;
    const start = ready > free ? ready : free;
    const duration = slotSeconds[slotOf[op] ?? 0] ?? 0;
    const end = start + duration;
    startSeconds[op] = start;
    endSeconds[op] = end;
    free = end;
    busy += duration;
    // In flight from the start of a forward to the end of its backward for inputs (summarize.ts).
    const kind = kindOf[op];
    if (kind === F || kind === FB) live += 1;
    if (live > peak) peak = live;
    if (kind === B || kind === I || kind === FB) live -= 1;
    const edgesEnd = edgeStart[op + 1] ?? 0;
    for (let e = edgeStart[op] ?? 0; e < edgesEnd; e += 1) {
      const consumer = edgeConsumer[e] ?? 0;
      const arrival = edgeCross[e] === 1 ? end + p2p : end;
      if (arrival > (readySeconds[consumer] ?? 0)) readySeconds[consumer] = arrival;
      const left = (pending[consumer] ?? 0) - 1;
      pending[consumer] = left;
      const holder = rankOf[consumer] ?? 0;
      if (left === 0 && holder !== rank && next[holder] === consumer) {
        runnable[top] = holder;
        top += 1;
      }
    }
    op += 1;
  }
  ctx.finished += op - first;
  next[rank] = op;
  ctx.freeSeconds[rank] = free;
  ctx.busySeconds[rank] = busy;
  ctx.liveChunks[rank] = live;
  ctx.peakChunks[rank] = peak;
  return top;
}

function describeDeadlock(ctx: SimContext): string {
  const blocked: string[] = [];
  const { graph } = ctx;
  for (let r = 0; r < graph.rankCount; r += 1) {
    const op = ctx.next[r] ?? 0;
    if (op < (graph.rankStart[r + 1] ?? 0)) {
      const what = `${KIND_NAME[graph.kindOf[op] ?? 0] ?? '?'} micro-batch ${graph.microBatchOf[op] ?? 0} chunk ${graph.chunkOf[op] ?? 0}`;
      blocked.push(`rank ${r} waits forever at op ${op - (graph.rankStart[r] ?? 0)} (${what})`);
    }
  }
  return blocked.length > 0 ? blocked.join('; ') : 'no rank is blocked';
}

/** Runs every op to completion; throws if the programs deadlock (a schedule bug). */
export function runEvents(graph: OpGraph, times: ScheduleTimes, buffers: RunBuffers = createRunBuffers()): SimContext {
  const ctx = runUntilStalled(graph, times, buffers);
  if (ctx.finished !== graph.opCount) throw new Error(`schedule deadlock: ${describeDeadlock(ctx)}`);
  return ctx;
}

/** The run of a folded graph (`op-graph.ts`), or null when it stalls (then run the whole graph). */
export function runFolded(graph: OpGraph, times: ScheduleTimes, buffers: RunBuffers = createRunBuffers()): SimContext | null {
  const ctx = runUntilStalled(graph, times, buffers);
  return ctx.finished === graph.opCount ? ctx : null;
}

/** Runs ops until every rank is done or waits for an input that never comes. */
function runUntilStalled(graph: OpGraph, times: ScheduleTimes, buffers: RunBuffers): SimContext {
  const ctx = new RunContext(graph, times, buffers);
  let size = 0;
  for (let r = graph.rankCount - 1; r >= 0; r -= 1) {
    const first = ctx.next[r] ?? 0;
    if (first < (graph.rankStart[r + 1] ?? 0) && ctx.pending[first] === 0) {
      ctx.runnable[size] = r;
      size += 1;
    }
  }
  while (size > 0) {
    size -= 1;
    size = runRank(ctx, ctx.runnable[size] ?? 0, size);
  }
  return ctx;
}

/** Simulates a compiled op graph with the given times. */
export function simulateGraph(graph: OpGraph, times: ScheduleTimes, options: SimulateOptions = {}): ScheduleSimulation {
  return summarizeRun(runEvents(graph, times), options.recordOps ?? true);
}

/** Simulates explicit rank programs on a placement with the given times. */
export function simulateOps(
  programs: readonly StageOps[],
  placement: Placement,
  times: ScheduleTimes,
  options: SimulateOptions = {},
): ScheduleSimulation {
  return simulateGraph(createOpGraph(programs, placement), times, options);
}
