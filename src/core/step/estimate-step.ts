/**
 * `estimateStep` composes one training step: per-stage compute and exposed communication, the
 * pipeline schedule simulated over them, then data-parallel gradient reduction, the optimizer and
 * the parameter gather. It holds no formulas of its own; every cost comes from the module that owns it.
 */
import { createCommLinks } from '../comm/links.js';
import { placeGroups } from '../comm/place-groups.js';
import { createComputeEstimator, type ComputeEstimator } from '../compute/compute-estimator.js';
import type { ComputeShape } from '../compute/types.js';
import { peakFlopsPerSec } from '../hardware/peak-flops.js';
import { partitionStages } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { flopsPerToken } from '../model/flops.js';
import type { Scenario } from '../scenario/types.js';
import { createCompiledScheduleCache, type CompiledScheduleCache } from '../schedules/cache.js';
import { simulateCompiled } from '../schedules/simulate.js';
import { dataParallelComm, optimizerSeconds } from './data-parallel.js';
import { layerCommSeconds, pipelineP2pSeconds, type CommContext } from './layer-comm.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from './options.js';
import { estimateStageCost, type StageCost } from './stage-times.js';
import { addParams, chunkParams } from './stage-params.js';
import type { StepReport } from './types.js';

/** Per-call caches a planner may share across layouts of one scenario (no module state). */
export interface StepContext {
  readonly estimator: ComputeEstimator;
  /** Compiled schedule programs per (schedule, pp, vp, m): building them costs more than running them. */
  readonly schedules: CompiledScheduleCache;
}

export function createStepContext(scenario: Scenario, options: StepOptions = DEFAULT_STEP_OPTIONS): StepContext {
  return {
    estimator: createComputeEstimator(scenario.model, scenario.cluster.accelerator, options.efficiency),
    schedules: createCompiledScheduleCache(),
  };
}

function isPaired(layout: Layout): boolean {
  return layout.schedule === 'dualpipe' || layout.schedule === 'dualpipev';
}

/** The per-GPU compute shape of one micro-batch under `layout` (shared with the analysis). */
export function computeShape(scenario: Scenario, layout: Layout, options: StepOptions): ComputeShape {
  const moeOverlap = isPaired(layout) && scenario.model.moe !== null && layout.ep > 1;
  return {
    microBatch: layout.microBatch,
    seqLen: scenario.training.seqLen,
    tp: layout.tp,
    cp: layout.cp,
    sp: layout.sequenceParallel,
    ep: layout.ep,
    etp: layout.etp,
    precision: scenario.training.precision,
    tokensPerExpertImbalance: options.moeLoadImbalance,
    recompute: layout.recompute,
    computeSmFraction: moeOverlap ? 1 - options.commSmFraction : 1,
  };
}

/** Estimates one training step of `scenario` under `layout`. Deterministic; throws only on bad input. */
export function estimateStep(scenario: Scenario, layout: Layout, options: StepOptions = DEFAULT_STEP_OPTIONS, context?: StepContext): StepReport {
  const { model, cluster, training } = scenario;
  const ctx = context ?? createStepContext(scenario, options);
  const groups = placeGroups(layout, layout.order, cluster);
  const links = createCommLinks(cluster, options.comm);
  const commCtx: CommContext = { model, layout, seqLen: training.seqLen, precision: training.precision, groups, links, moeLoadImbalance: options.moeLoadImbalance };
  const shape = computeShape(scenario, layout, options);
  const dense = layerCommSeconds(commCtx, 'dense');
  const moe = layerCommSeconds(commCtx, 'moe');
  const attentionForwardSeconds = ctx.estimator.estimateLayer(0, shape).byKind.attention / 3.5;
  const partition = partitionStages(model, layout);

  // One cost per model stage; DualPipe holds each stage twice (both copies price the same).
  const stageCosts = new Array<StageCost>(partition.modelStages);
  for (const rank of partition.ranks) {
    for (const chunk of rank.chunks) {
      if (stageCosts[chunk.modelStage] !== undefined) continue;
      const fsdp = layout.zero === 3 && layout.pp === 1
        ? dataParallelComm(chunkParams(model, layout, chunk), groups, layout, links.collective, options.gradReduceBytes)
        : { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };
      stageCosts[chunk.modelStage] = estimateStageCost({
        chunk, estimator: ctx.estimator, shape, dense, moe, attentionForwardSeconds, fsdp, overlap: options.overlap, pairedSchedule: isPaired(layout),
      });
    }
  }
  const costs = stageCosts.map((c, i) => {
    if (c === undefined) throw new Error(`model stage ${i} has no chunk`);
    return c;
  });

  const p2pSeconds = pipelineP2pSeconds(commCtx);
  const compiled = ctx.schedules.compile(layout.schedule, { pp: layout.pp, vp: layout.vp, microBatches: layout.microBatches });
  const sim = simulateCompiled(compiled, { stages: costs.map((c) => c.times), p2pSeconds }, { recordOps: options.recordOps });

  // Data parallelism and the optimizer, per pipeline rank.
  const m = layout.microBatches;
  let pipelineEnd = 0;
  let optimizer = 0;
  let paramGather = 0;
  let critical = 0;
  for (const rank of partition.ranks) {
    const stats = sim.perStage[rank.rank];
    if (stats === undefined) continue;
    let params = { dense: 0, expert: 0 };
    let window = 0;
    let firstForward = Infinity;
    for (const chunk of rank.chunks) {
      params = addParams(params, chunkParams(model, layout, chunk));
      const t = costs[chunk.modelStage]?.times;
      if (t === undefined) continue;
      window = Math.max(window, t.backwardInputSeconds + t.backwardWeightSeconds);
      firstForward = Math.min(firstForward, t.forwardSeconds);
    }
    const dp = dataParallelComm(params, groups, layout, links.collective, options.gradReduceBytes);
    const gradExposed = options.overlap.dpGradReduce ? Math.max(0, dp.gradReduceSeconds - window) : dp.gradReduceSeconds;
    pipelineEnd = Math.max(pipelineEnd, stats.lastEndSeconds + gradExposed);
    optimizer = Math.max(optimizer, optimizerSeconds(params, layout, layout.edp, cluster.accelerator.hbmBandwidthBytesPerSec));
    const gather = options.overlap.dpParamGather ? Math.max(0, dp.paramGatherSeconds - firstForward) : dp.paramGatherSeconds;
    paramGather = Math.max(paramGather, gather);
    if (stats.busySeconds > (sim.perStage[critical]?.busySeconds ?? 0)) critical = rank.rank;
  }
  const stepSeconds = pipelineEnd + optimizer + paramGather;

  // Attribution on the busiest rank: compute, exposed TP/CP/FSDP as priced, EP = what the simulator kept.
  const criticalRank = partition.ranks[critical];
  const busy = sim.perStage[critical]?.busySeconds ?? 0;
  let compute = 0;
  let tp = 0;
  let cp = 0;
  let fsdp = 0;
  let recomputeFlops = 0;
  // Micro-batches through each chunk: all m, except DualPipe whose two copies take m/2 each.
  const perChunk = layout.schedule === 'dualpipe' ? m / 2 : m;
  for (const chunk of criticalRank?.chunks ?? []) {
    const c = costs[chunk.modelStage];
    if (c === undefined) continue;
    compute += perChunk * (c.compute.forwardSeconds + c.compute.backwardInputSeconds + c.compute.backwardWeightSeconds + c.compute.recomputeSeconds);
    tp += perChunk * c.exposedTpSeconds;
    cp += perChunk * c.exposedCpSeconds;
    fsdp += perChunk * c.exposedFsdpSeconds;
  }
  for (const c of costs) recomputeFlops += c.compute.flops.recompute;
  const ep = Math.max(0, busy - compute - tp - cp - fsdp);
  const idle = Math.max(0, sim.makespanSeconds - busy);
  const pp = Math.min(idle, 2 * (partition.modelStages - 1) * p2pSeconds);

  const tokensPerStep = training.globalBatch * training.seqLen;
  const tokensPerSecond = tokensPerStep / stepSeconds;
  const tokensPerSecondPerGpu = tokensPerSecond / cluster.gpus;
  const modelFlopsPerToken = flopsPerToken(model, training.seqLen).total;
  // Recomputed FLOPs per token: per-GPU recompute FLOPs of every stage × the tp·cp GPUs sharing a micro-batch.
  const hardwareFlopsPerToken = modelFlopsPerToken + (recomputeFlops * layout.tp * layout.cp) / (layout.microBatch * training.seqLen);
  const peak = peakFlopsPerSec(cluster.accelerator, training.precision);
  const peakBf16 = peakFlopsPerSec(cluster.accelerator, 'bf16');
  const achieved = tokensPerSecondPerGpu * modelFlopsPerToken;

  return {
    layout,
    time: {
      stepSeconds,
      pipelineSeconds: sim.makespanSeconds,
      computeSeconds: compute,
      exposed: { tp, ep, cp, dp: fsdp + (pipelineEnd - sim.makespanSeconds) + paramGather, pp },
      bubbleSeconds: idle - pp,
      optimizerSeconds: optimizer,
    },
    throughput: {
      tokensPerStep,
      tokensPerSecond,
      tokensPerSecondPerGpu,
      modelFlopsPerToken,
      hardwareFlopsPerToken,
      modelFlopsPerSecondPerGpu: achieved,
      mfu: achieved / peak,
      mfuBf16: achieved / peakBf16,
      hfu: (tokensPerSecondPerGpu * hardwareFlopsPerToken) / peak,
    },
    schedule: {
      id: layout.schedule,
      microBatches: m,
      bubbleFraction: sim.bubbleFraction,
      perStage: partition.ranks.map((r) => {
        const s = sim.perStage[r.rank];
        return { rank: r.rank, layers: r.layers, busySeconds: s?.busySeconds ?? 0, bubbleFraction: s?.bubbleFraction ?? 0, peakInFlight: s?.peakInFlight ?? 0 };
      }),
    },
    simulation: sim,
  };
}
