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
import { createOpGraph, opDurations } from './op-graph.js';
import type { OpGraph } from './op-graph.js';
import { summarizeRun } from './summarize.js';
import type { Placement, ScheduleSimulation, ScheduleTimes, StageOps } from './types.js';

export interface SimulateOptions {
  /** Return every op with its times (for traces). Default true; planners pass false. */
  readonly recordOps?: boolean;
}

/** All mutable state of one run. */
export interface SimContext {
  readonly graph: OpGraph;
  readonly durationSeconds: Float64Array;
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

function createContext(graph: OpGraph, times: ScheduleTimes): SimContext {
  return {
    graph,
    durationSeconds: opDurations(graph, times),
    p2pSeconds: times.p2pSeconds,
    pending: graph.inDegree.slice(),
    readySeconds: new Float64Array(graph.opCount),
    freeSeconds: new Float64Array(graph.rankCount),
    next: graph.rankStart.slice(0, graph.rankCount),
    runnable: new Int32Array(graph.rankCount),
    startSeconds: new Float64Array(graph.opCount),
    endSeconds: new Float64Array(graph.opCount),
    busySeconds: new Float64Array(graph.rankCount),
    liveChunks: new Int32Array(graph.rankCount),
    peakChunks: new Int32Array(graph.rankCount),
    finished: 0,
  };
}

/**
 * Runs rank `rank` until its next op waits for an input or its program ends; pushes every other
 * rank whose next op this completes onto the worklist. Returns the new worklist size.
 */
function runRank(ctx: SimContext, rank: number, size: number): number {
  const { graph, pending, readySeconds, next, runnable, durationSeconds, startSeconds, endSeconds } = ctx;
  const { edgeStart, edgeConsumer, edgeCross, rankOf, kindOf } = graph;
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
    const duration = durationSeconds[op] ?? 0;
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
export function runEvents(graph: OpGraph, times: ScheduleTimes): SimContext {
  const ctx = runUntilStalled(graph, times);
  if (ctx.finished !== graph.opCount) throw new Error(`schedule deadlock: ${describeDeadlock(ctx)}`);
  return ctx;
}

/** The run of a folded graph (`op-graph.ts`), or null when it stalls (then run the whole graph). */
export function runFolded(graph: OpGraph, times: ScheduleTimes): SimContext | null {
  const ctx = runUntilStalled(graph, times);
  return ctx.finished === graph.opCount ? ctx : null;
}

/** Runs ops until every rank is done or waits for an input that never comes. */
function runUntilStalled(graph: OpGraph, times: ScheduleTimes): SimContext {
  const ctx = createContext(graph, times);
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
