/**
 * Discrete-event run of rank programs (vidur-style: pop, advance the clock, handle, push
 * follow-ups). Each rank runs one compute op at a time, in program order; an op starts at
 * max(rank free, last input arrival). All state lives in one context per run.
 *
 * When an op ends, each of its outgoing edges records the arrival time at the consumer
 * (end + p2pSeconds across ranks, end within a rank). Once a rank is free and its next op has all
 * its inputs accounted for, its start time is known and an op-start event is queued for it.
 * Cost: O(ops · log(ranks) + edges); the queue never holds more than one event per rank.
 */
import { createEventQueue } from './event-queue.js';
import type { EventQueue, SimEvent } from './event-queue.js';
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
  readonly queue: EventQueue;
  /** Inputs of each op that have not arrived yet. */
  readonly pending: Int32Array;
  /** Latest arrival time among the inputs of each op seen so far. */
  readonly readySeconds: Float64Array;
  /** When each rank finished its last op. */
  readonly freeSeconds: Float64Array;
  /** Global index of the next op of each rank. */
  readonly next: Int32Array;
  readonly busy: Uint8Array;
  readonly startSeconds: Float64Array;
  readonly endSeconds: Float64Array;
  finished: number;
}

function createContext(graph: OpGraph, times: ScheduleTimes): SimContext {
  return {
    graph,
    durationSeconds: opDurations(graph, times),
    p2pSeconds: times.p2pSeconds,
    queue: createEventQueue(2 * graph.rankCount),
    pending: graph.inDegree.slice(),
    readySeconds: new Float64Array(graph.opCount),
    freeSeconds: new Float64Array(graph.rankCount),
    next: graph.rankStart.slice(0, graph.rankCount),
    busy: new Uint8Array(graph.rankCount),
    startSeconds: new Float64Array(graph.opCount),
    endSeconds: new Float64Array(graph.opCount),
    finished: 0,
  };
}

/** Queue the start of the rank's next op if the rank is free and all the op's inputs are accounted for. */
function tryStart(ctx: SimContext, rank: number): void {
  if (ctx.busy[rank] === 1) return;
  const op = ctx.next[rank] ?? 0;
  if (op >= (ctx.graph.rankStart[rank + 1] ?? 0) || (ctx.pending[op] ?? 0) > 0) return;
  ctx.busy[rank] = 1;
  ctx.queue.push({ kind: 'op-start', time: Math.max(ctx.readySeconds[op] ?? 0, ctx.freeSeconds[rank] ?? 0), op });
}

function handle(ctx: SimContext, event: SimEvent): void {
  const { graph } = ctx;
  switch (event.kind) {
    case 'op-start':
      ctx.startSeconds[event.op] = event.time;
      ctx.queue.push({ kind: 'op-end', time: event.time + (ctx.durationSeconds[event.op] ?? 0), op: event.op });
      return;
    case 'op-end': {
      const rank = graph.rankOf[event.op] ?? 0;
      ctx.endSeconds[event.op] = event.time;
      ctx.freeSeconds[rank] = event.time;
      ctx.busy[rank] = 0;
      ctx.next[rank] = event.op + 1;
      ctx.finished += 1;
      const last = graph.edgeStart[event.op + 1] ?? 0;
      for (let e = graph.edgeStart[event.op] ?? 0; e < last; e += 1) {
        const consumer = graph.edgeConsumer[e] ?? 0;
        const arrival = graph.edgeCross[e] === 1 ? event.time + ctx.p2pSeconds : event.time;
        if (arrival > (ctx.readySeconds[consumer] ?? 0)) ctx.readySeconds[consumer] = arrival;
        const left = (ctx.pending[consumer] ?? 0) - 1;
        ctx.pending[consumer] = left;
        if (left === 0) tryStart(ctx, graph.rankOf[consumer] ?? 0);
      }
      tryStart(ctx, rank);
      return;
    }
  }
}

function describeDeadlock(ctx: SimContext): string {
  const blocked: string[] = [];
  for (let r = 0; r < ctx.graph.rankCount; r += 1) {
    const op = ctx.next[r] ?? 0;
    const o = ctx.graph.ops[op];
    if (op < (ctx.graph.rankStart[r + 1] ?? 0) && o !== undefined) {
      blocked.push(`rank ${r} waits forever at op ${op - (ctx.graph.rankStart[r] ?? 0)} (${o.kind} micro-batch ${o.microBatch} chunk ${o.chunk})`);
    }
  }
  return blocked.length > 0 ? blocked.join('; ') : 'no rank is blocked';
}

/** Runs the event loop to completion; throws if the programs deadlock (a schedule bug). */
export function runEvents(graph: OpGraph, times: ScheduleTimes): SimContext {
  const ctx = createContext(graph, times);
  for (let r = 0; r < graph.rankCount; r += 1) tryStart(ctx, r);
  for (let event = ctx.queue.pop(); event !== undefined; event = ctx.queue.pop()) handle(ctx, event);
  if (ctx.finished !== graph.opCount) throw new Error(`schedule deadlock: ${describeDeadlock(ctx)}`);
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
