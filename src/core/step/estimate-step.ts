/**
 * `estimateStep` composes one training step: per-stage compute and exposed communication, the
 * pipeline schedule simulated over them, then data-parallel gradient reduction, the optimizer and
 * the parameter gather. It holds no formulas of its own; every cost comes from the module that owns it.
 */
import { createCommLinks, type CommLinks } from '../comm/links.js';
import { placeGroups, type GroupPlacements } from '../comm/place-groups.js';
import { createComputeEstimator, type ComputeEstimator } from '../compute/compute-estimator.js';
import type { ComputeShape } from '../compute/types.js';
import { peakFlopsPerSec } from '../hardware/peak-flops.js';
import { partitionStages, type StagePartition } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { frameworkOf } from '../framework/registry.js';
import { flopsPerToken } from '../model/flops.js';
import type { Scenario } from '../scenario/types.js';
import { createCompiledScheduleCache, type CompiledScheduleCache } from '../schedules/cache.js';
import { simulateCompiled } from '../schedules/simulate.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import { dataParallelComm, optimizerSeconds } from './data-parallel.js';
import { layerCommSeconds, pipelineP2pSeconds, type CommContext } from './layer-comm.js';
import { DEFAULT_STEP_OPTIONS, expertLoadImbalance, stepFramework, type StepFramework, type StepOptions } from './options.js';
import { combineRankTails, lastBucketSeconds, type RankTailInput, type StepTail } from './rank-tail.js';
import { estimateStageCost, type StageCost } from './stage-times.js';
import { addParams, chunkParams } from './stage-params.js';
import type { StepReport, StepThroughput } from './types.js';

/** Per-call caches a planner may share across layouts of one scenario (no module state). */
export interface StepContext {
  readonly estimator: ComputeEstimator;
  /** Compiled schedule programs per (schedule, pp, vp, m): building them costs more than running them. */
  readonly schedules: CompiledScheduleCache;
  /** The scenario's software stack with the options' overrides (`framework/`). */
  readonly framework: StepFramework;
}

export function createStepContext(scenario: Scenario, options: StepOptions = DEFAULT_STEP_OPTIONS): StepContext {
  return {
    estimator: createComputeEstimator(scenario.model, scenario.cluster.accelerator, options.efficiency),
    schedules: createCompiledScheduleCache(),
    framework: stepFramework(scenario.training, options),
  };
}

function isPaired(layout: Layout): boolean {
  return layout.schedule === 'dualpipe' || layout.schedule === 'dualpipev';
}

/** The per-GPU compute shape of one micro-batch under `layout` (shared with the analysis). */
export function computeShape(scenario: Scenario, layout: Layout, options: StepOptions): ComputeShape {
  const moeOverlap = isPaired(layout) && scenario.model.moe !== null && layout.ep > 1;
  const framework = frameworkOf(scenario.training);
  return {
    microBatch: layout.microBatch,
    seqLen: scenario.training.seqLen,
    tp: layout.tp,
    cp: layout.cp,
    sp: layout.sequenceParallel,
    ep: layout.ep,
    etp: layout.etp,
    precision: scenario.training.precision,
    tokensPerExpertImbalance: expertLoadImbalance(scenario.training, options),
    recompute: layout.recompute,
    computeSmFraction: moeOverlap ? 1 - options.commSmFraction : 1,
    selectivePolicy: framework.selectiveRecompute === 'torch-op-sac' ? 'torch-op-sac' : 'modules',
    elementwiseTrafficFactor: framework.elementwiseTrafficFactor,
  };
}

interface StepInputs {
  readonly scenario: Scenario;
  readonly layout: Layout;
  readonly options: StepOptions;
  readonly ctx: StepContext;
  readonly groups: GroupPlacements;
  readonly links: CommLinks;
  readonly commCtx: CommContext;
  readonly partition: StagePartition;
}

/** One cost per model stage; DualPipe holds each stage twice (both copies price the same). */
function priceModelStages(i: StepInputs): StageCost[] {
  const { scenario, layout, options, ctx } = i;
  const shape = computeShape(scenario, layout, options);
  const dense = layerCommSeconds(i.commCtx, 'dense');
  const moe = layerCommSeconds(i.commCtx, 'moe');
  // Attention-core forward of one layer: byKind.attention sums forward (1) and backward (2.5).
  const attentionForwardSeconds = ctx.estimator.estimateLayer(0, shape).byKind.attention / 3.5;
  const stageCosts = new Array<StageCost | undefined>(i.partition.modelStages);
  for (const rank of i.partition.ranks) {
    for (const chunk of rank.chunks) {
      if (stageCosts[chunk.modelStage] !== undefined) continue;
      const fsdp = layout.zero === 3 && layout.pp === 1
        ? dataParallelComm(chunkParams(scenario.model, layout, chunk), i.groups, layout, i.links.collective, ctx.framework.gradReduceBytes)
        : { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };
      stageCosts[chunk.modelStage] = estimateStageCost({
        chunk, estimator: ctx.estimator, shape, dense, moe, attentionForwardSeconds, fsdp, framework: ctx.framework, pairedSchedule: isPaired(layout),
      });
    }
  }
  return stageCosts.map((c, index) => {
    if (c === undefined) throw new Error(`model stage ${index} has no chunk`);
    return c;
  });
}

/** Each rank's inputs to the end of the step (rank-tail.ts): gradient reduction, optimizer, parameter gather. */
function dataParallelTail(i: StepInputs, costs: readonly StageCost[], sim: ScheduleSimulation): StepTail {
  const { scenario, layout } = i;
  const ranks = i.partition.ranks.map((rank): RankTailInput | undefined => {
    const stats = sim.perStage[rank.rank];
    if (stats === undefined) return undefined;
    let params = { dense: 0, expert: 0 };
    let window = 0;
    let firstForward = Infinity;
    for (const chunk of rank.chunks) {
      params = addParams(params, chunkParams(scenario.model, layout, chunk));
      const t = costs[chunk.modelStage]?.times;
      if (t === undefined) continue;
      window += t.backwardInputSeconds + t.backwardWeightSeconds;
      firstForward = Math.min(firstForward, t.forwardSeconds);
    }
    const dp = dataParallelComm(params, i.groups, layout, i.links.collective, i.ctx.framework.gradReduceBytes);
    const layers = rank.chunks.reduce((sum, c) => sum + c.layers, 0);
    return {
      lastBucketSeconds: lastBucketSeconds(dp.gradReduceSeconds, params, layers, i.ctx.framework.profile.gradBucketParams),
      lastEndSeconds: stats.lastEndSeconds,
      busySeconds: stats.busySeconds,
      gradReduceSeconds: dp.gradReduceSeconds,
      windowSeconds: window,
      optimizerSeconds: optimizerSeconds(params, layout, layout.edp, scenario.cluster.accelerator.hbmBandwidthBytesPerSec),
      paramGatherSeconds: dp.paramGatherSeconds,
      firstForwardSeconds: firstForward,
    };
  });
  return combineRankTails(ranks, i.ctx.framework.overlap);
}

/** Attribution on the busiest rank: compute, exposed TP/CP/FSDP as priced, EP = what the simulator kept. */
function attributeBusiestRank(i: StepInputs, costs: readonly StageCost[], sim: ScheduleSimulation, critical: number, p2pSeconds: number) {
  const busy = sim.perStage[critical]?.busySeconds ?? 0;
  let compute = 0;
  let tp = 0;
  let cp = 0;
  let fsdp = 0;
  // Micro-batches through each chunk: all m, except DualPipe whose two copies take m/2 each.
  const perChunk = i.layout.schedule === 'dualpipe' ? i.layout.microBatches / 2 : i.layout.microBatches;
  for (const chunk of i.partition.ranks[critical]?.chunks ?? []) {
    const c = costs[chunk.modelStage];
    if (c === undefined) continue;
    compute += perChunk * (c.compute.forwardSeconds + c.compute.backwardInputSeconds + c.compute.backwardWeightSeconds + c.compute.recomputeSeconds);
    tp += perChunk * c.exposedTpSeconds;
    cp += perChunk * c.exposedCpSeconds;
    fsdp += perChunk * c.exposedFsdpSeconds;
  }
  const idle = Math.max(0, sim.makespanSeconds - busy);
  // PP transfers on the critical path: the fill and the drain cross every stage boundary once.
  const pp = Math.min(idle, 2 * (i.partition.modelStages - 1) * p2pSeconds);
  return { compute, tp, cp, fsdp, ep: Math.max(0, busy - compute - tp - cp - fsdp), pp, bubble: idle - pp };
}

function stepThroughput(scenario: Scenario, layout: Layout, costs: readonly StageCost[], stepSeconds: number): StepThroughput {
  const { model, cluster, training } = scenario;
  const tokensPerStep = training.globalBatch * training.seqLen;
  const tokensPerSecond = tokensPerStep / stepSeconds;
  const tokensPerSecondPerGpu = tokensPerSecond / cluster.gpus;
  const modelFlopsPerToken = flopsPerToken(model, training.seqLen).total;
  let recomputeFlops = 0;
  for (const c of costs) recomputeFlops += c.compute.flops.recompute;
  // Recomputed FLOPs per token: per-GPU recompute FLOPs of every stage × the tp·cp GPUs sharing a micro-batch.
  const hardwareFlopsPerToken = modelFlopsPerToken + (recomputeFlops * layout.tp * layout.cp) / (layout.microBatch * training.seqLen);
  const peak = peakFlopsPerSec(cluster.accelerator, training.precision);
  const achieved = tokensPerSecondPerGpu * modelFlopsPerToken;
  return {
    tokensPerStep,
    tokensPerSecond,
    tokensPerSecondPerGpu,
    modelFlopsPerToken,
    hardwareFlopsPerToken,
    modelFlopsPerSecondPerGpu: achieved,
    mfu: achieved / peak,
    mfuBf16: achieved / peakFlopsPerSec(cluster.accelerator, 'bf16'),
    hfu: (tokensPerSecondPerGpu * hardwareFlopsPerToken) / peak,
  };
}

/** Estimates one training step of `scenario` under `layout`. Deterministic; throws only on bad input. */
export function estimateStep(scenario: Scenario, layout: Layout, options: StepOptions = DEFAULT_STEP_OPTIONS, context?: StepContext): StepReport {
  const { model, cluster, training } = scenario;
  const groups = placeGroups(layout, layout.order, cluster);
  const links = createCommLinks(cluster, options.comm);
  const commCtx: CommContext = { model, layout, seqLen: training.seqLen, precision: training.precision, groups, links, moeLoadImbalance: expertLoadImbalance(training, options) };
  const inputs: StepInputs = { scenario, layout, options, ctx: context ?? createStepContext(scenario, options), groups, links, commCtx, partition: partitionStages(model, layout) };

  const costs = priceModelStages(inputs);
  const p2pSeconds = pipelineP2pSeconds(commCtx);
  const compiled = inputs.ctx.schedules.compile(layout.schedule, { pp: layout.pp, vp: layout.vp, microBatches: layout.microBatches });
  const sim = simulateCompiled(compiled, { stages: costs.map((c) => c.times), p2pSeconds }, { recordOps: options.recordOps });
  const tail = dataParallelTail(inputs, costs, sim);
  const stepSeconds = tail.pipelineEnd + tail.optimizer + tail.paramGather;
  const a = attributeBusiestRank(inputs, costs, sim, tail.critical, p2pSeconds);

  return {
    layout,
    time: {
      stepSeconds,
      pipelineSeconds: sim.makespanSeconds,
      computeSeconds: a.compute,
      exposed: { tp: a.tp, ep: a.ep, cp: a.cp, dp: a.fsdp + (tail.pipelineEnd - sim.makespanSeconds) + tail.paramGather, pp: a.pp },
      bubbleSeconds: a.bubble,
      optimizerSeconds: tail.optimizer,
    },
    throughput: stepThroughput(scenario, layout, costs, stepSeconds),
    schedule: {
      id: layout.schedule,
      microBatches: layout.microBatches,
      bubbleFraction: sim.bubbleFraction,
      perStage: inputs.partition.ranks.map((r) => {
        const st = sim.perStage[r.rank];
        return { rank: r.rank, layers: r.layers, busySeconds: st?.busySeconds ?? 0, bubbleFraction: st?.bubbleFraction ?? 0, peakInFlight: st?.peakInFlight ?? 0 };
      }),
    },
    simulation: sim,
  };
}
