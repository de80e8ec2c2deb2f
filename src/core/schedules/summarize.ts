/**
 * Turns the timed op arrays of a finished run into named records: per-rank busy, bubble and
 * peak in-flight activations, and (optionally) the timed ops for traces.
 *
 * In-flight activations: a (micro-batch, chunk) is in flight from the start of its forward to
 * the end of its backward-for-inputs (I, B, or the backward half of an F&B pair). Weight
 * gradients (W) keep only the smaller M_W buffers and are not counted (Qi et al. 2023, Table 1/2).
 */
import { KIND } from './op-edges.js';
import type { SimContext } from './simulate-ops.js';
import type { RankStats, ScheduleSimulation, TimedOp } from './types.js';

/** A rank's record from its busy time and active window [s]: bubble = makespan − busy; window idle = window − busy. */
export function createRankStats(r: {
  rank: number; makespan: number; busy: number; firstStart: number; lastEnd: number; peakInFlight: number; peakInFlightChunks: number;
}): RankStats {
  return {
    rank: r.rank,
    busySeconds: r.busy,
    bubbleSeconds: r.makespan - r.busy,
    bubbleFraction: r.makespan > 0 ? (r.makespan - r.busy) / r.makespan : 0,
    firstStartSeconds: r.firstStart,
    lastEndSeconds: r.lastEnd,
    windowIdleSeconds: r.lastEnd - r.firstStart - r.busy,
    peakInFlight: r.peakInFlight,
    peakInFlightChunks: r.peakInFlightChunks,
  };
}

function peakChunks(ctx: SimContext, first: number, last: number): number {
  const { kindOf } = ctx.graph;
  let live = 0;
  let peak = 0;
  for (let i = first; i < last; i += 1) {
    const kind = kindOf[i];
    if (kind === KIND.F || kind === KIND.FB) live += 1;
    if (live > peak) peak = live;
    if (kind === KIND.B || kind === KIND.I || kind === KIND.FB) live -= 1;
  }
  return peak;
}

function rankStats(ctx: SimContext, rank: number, makespan: number, fraction: number): RankStats {
  const first = ctx.graph.rankStart[rank] ?? 0;
  const last = ctx.graph.rankStart[rank + 1] ?? 0;
  let busy = 0;
  for (let i = first; i < last; i += 1) busy += ctx.durationSeconds[i] ?? 0;
  const firstStart = last > first ? (ctx.startSeconds[first] ?? 0) : 0;
  const lastEnd = last > first ? (ctx.endSeconds[last - 1] ?? 0) : 0;
  const chunks = peakChunks(ctx, first, last);
  return createRankStats({ rank, makespan, busy, firstStart, lastEnd, peakInFlight: chunks * fraction, peakInFlightChunks: chunks });
}

function timedOps(ctx: SimContext): TimedOp[] {
  const { graph } = ctx;
  return graph.ops.map((op, i) => {
    const common = {
      rank: graph.rankOf[i] ?? 0,
      kind: op.kind,
      microBatch: op.microBatch,
      chunk: op.chunk,
      stage: graph.stageOf[i] ?? 0,
      startSeconds: ctx.startSeconds[i] ?? 0,
      endSeconds: ctx.endSeconds[i] ?? 0,
    };
    if (op.kind !== 'FB') return common;
    const backward = { microBatch: op.backwardMicroBatch, chunk: op.backwardChunk, stage: graph.backwardStageOf[i] ?? 0 };
    return { ...common, backward };
  });
}

/** A run's record from its ranks' records: busy = the busiest rank, bubble = makespan − busy [s]. */
export function createSimulation(makespan: number, perStage: RankStats[], p2pTransfers: number, ops: TimedOp[]): ScheduleSimulation {
  const busy = perStage.reduce((max, st) => Math.max(max, st.busySeconds), 0);
  return {
    makespanSeconds: makespan,
    busySeconds: busy,
    bubbleSeconds: makespan - busy,
    bubbleFraction: makespan > 0 ? (makespan - busy) / makespan : 0,
    windowBubbleSeconds: perStage.reduce((max, st) => Math.max(max, st.windowIdleSeconds), 0),
    p2pTransfers,
    perStage,
    ops,
  };
}

export function summarizeRun(ctx: SimContext, recordOps: boolean): ScheduleSimulation {
  const fraction = ctx.graph.placement.chunkStageFraction;
  let makespan = 0;
  for (const end of ctx.endSeconds) if (end > makespan) makespan = end;
  const perStage: RankStats[] = [];
  for (let r = 0; r < ctx.graph.rankCount; r += 1) perStage.push(rankStats(ctx, r, makespan, fraction));
  return createSimulation(makespan, perStage, ctx.graph.p2pTransfers, recordOps ? timedOps(ctx) : []);
}
