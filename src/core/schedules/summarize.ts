/**
 * Turns the timed op arrays of a finished run into named records: per-rank busy, bubble and
 * peak in-flight activations, and (optionally) the timed ops for traces.
 *
 * In-flight activations: a (micro-batch, chunk) is in flight from the start of its forward to
 * the end of its backward-for-inputs (I, B, or the backward half of an F&B pair). Weight
 * gradients (W) keep only the smaller M_W buffers and are not counted (Qi et al. 2023, Table 1/2).
 */
import { KIND_NAME } from './op-edges.js';
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

/** Record of pipeline rank `rank` from the ops of listed rank `listed` (the same, or its mirror). */
function rankStats(ctx: SimContext, listed: number, rank: number, makespan: number, fraction: number): RankStats {
  const first = ctx.graph.rankStart[listed] ?? 0;
  const last = ctx.graph.rankStart[listed + 1] ?? 0;
  const firstStart = last > first ? (ctx.startSeconds[first] ?? 0) : 0;
  const lastEnd = last > first ? (ctx.endSeconds[last - 1] ?? 0) : 0;
  const chunks = ctx.peakChunks[listed] ?? 0;
  return createRankStats({ rank, makespan, busy: ctx.busySeconds[listed] ?? 0, firstStart, lastEnd, peakInFlight: chunks * fraction, peakInFlightChunks: chunks });
}

function timedOps(ctx: SimContext): TimedOp[] {
  const { graph } = ctx;
  const ops: TimedOp[] = [];
  for (let i = 0; i < graph.opCount; i += 1) {
    const kind = KIND_NAME[graph.kindOf[i] ?? 0] ?? 'F';
    const common = {
      rank: graph.rankOf[i] ?? 0,
      kind,
      microBatch: graph.microBatchOf[i] ?? 0,
      chunk: graph.chunkOf[i] ?? 0,
      stage: graph.stageOf[i] ?? 0,
      startSeconds: ctx.startSeconds[i] ?? 0,
      endSeconds: ctx.endSeconds[i] ?? 0,
    };
    if (kind !== 'FB') {
      ops.push(common);
      continue;
    }
    const backward = { microBatch: graph.backwardMicroBatchOf[i] ?? 0, chunk: graph.backwardChunkOf[i] ?? 0, stage: graph.backwardStageOf[i] ?? 0 };
    ops.push({ ...common, backward });
  }
  return ops;
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
  // A rank's ops end in program order, so the makespan is the latest of the ranks' last ends.
  let makespan = 0;
  for (let r = 0; r < ctx.graph.rankCount; r += 1) {
    const last = ctx.graph.rankStart[r + 1] ?? 0;
    const end = last > (ctx.graph.rankStart[r] ?? 0) ? (ctx.endSeconds[last - 1] ?? 0) : 0;
    if (end > makespan) makespan = end;
  }
  const perStage: RankStats[] = [];
  // A folded graph's rank r also stands for rank pipelineRanks−1−r, which ran the same times.
  const { rankCount, pipelineRanks } = ctx.graph;
  for (let r = 0; r < pipelineRanks; r += 1) perStage.push(rankStats(ctx, r < rankCount ? r : pipelineRanks - 1 - r, r, makespan, fraction));
  if (recordOps && pipelineRanks !== rankCount) throw new Error('a folded graph does not record ops; simulate the whole graph for a trace');
  return createSimulation(makespan, perStage, ctx.graph.p2pTransfers, recordOps ? timedOps(ctx) : []);
}
