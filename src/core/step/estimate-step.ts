/**
 * `estimateStep` composes one training step: per-stage compute and exposed communication, the
 * pipeline schedule simulated over them, then data-parallel gradient reduction, the optimizer and
 * the parameter gather. It holds no formulas of its own; every cost comes from the module that owns it.
 */
import { peakFlopsPerSec } from '../hardware/peak-flops.js';
import type { StagePartition } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { flopsPerToken } from '../model/flops.js';
import type { Scenario } from '../scenario/types.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from './options.js';
import { p2pSeconds, partitionOf, stageCosts, stepPricer, type StepContext, type StepPricer } from './pricer.js';
import { rankCosts, rankParams } from './rank-costs.js';
import { sumRank, type RankSums } from './rank-sums.js';
import { combineRankTails, type RankTailInput, type StepTail } from './rank-tail.js';
import { simulatePipeline } from './simulate-pipeline.js';
import type { StageCost } from './stage-times.js';
import type { StepReport, StepThroughput } from './types.js';

/** Each rank's inputs to the end of the step (rank-tail.ts): gradient reduction, optimizer, parameter gather. */
function rankTails(pricer: StepPricer, layout: Layout, partition: StagePartition, sums: readonly RankSums[], sim: ScheduleSimulation): StepTail {
  const costs = rankCosts(pricer, layout, partition.ranks.map((rank) => rankParams(pricer, layout, rank)), partition.ranks.map((rank) => rank.layers));
  const ranks = partition.ranks.map((rank, i): RankTailInput | undefined => {
    const stats = sim.perStage[rank.rank];
    const s = sums[i];
    const c = costs[i];
    if (stats === undefined || s === undefined || c === undefined) return undefined;
    return {
      lastEndSeconds: stats.lastEndSeconds,
      busySeconds: stats.busySeconds,
      gradReduceSeconds: c.gradReduceSeconds,
      windowSeconds: s.windowSeconds,
      lastBucketSeconds: c.lastBucketSeconds,
      optimizerSeconds: c.optimizerSeconds,
      paramGatherSeconds: c.paramGatherSeconds,
      firstForwardSeconds: s.firstForwardSeconds,
    };
  });
  return combineRankTails(ranks, pricer.framework);
}

/** Attribution on the busiest rank: compute, exposed TP/CP/FSDP as priced, EP = what the simulator kept. */
function attributeBusiestRank(modelStages: number, sums: RankSums | undefined, sim: ScheduleSimulation, critical: number, p2pSeconds: number) {
  const busy = sim.perStage[critical]?.busySeconds ?? 0;
  const compute = sums?.computeSeconds ?? 0;
  const tp = sums?.exposedTpSeconds ?? 0;
  const cp = sums?.exposedCpSeconds ?? 0;
  const fsdp = sums?.exposedFsdpSeconds ?? 0;
  const idle = Math.max(0, sim.makespanSeconds - busy);
  // PP transfers on the critical path: the fill and the drain cross every stage boundary once.
  const pp = Math.min(idle, 2 * (modelStages - 1) * p2pSeconds);
  // EP is what the simulator's busy time holds beyond the priced parts; a residual within the
  // rounding of summing the rank's ops (1e-9 of busy) is no exposure.
  const residual = busy - compute - tp - cp - fsdp;
  return { compute, tp, cp, fsdp, ep: residual > 1e-9 * busy ? residual : 0, pp, bubble: idle - pp };
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

/**
 * Estimates one training step of `scenario` under `layout`. Deterministic; throws only on bad input.
 * Pass one `context` (createStepContext) to calls that price many layouts of a scenario: the
 * prices of every shape they share are then computed once.
 */
export function estimateStep(scenario: Scenario, layout: Layout, options: StepOptions = DEFAULT_STEP_OPTIONS, context?: StepContext): StepReport {
  const pricer = stepPricer(scenario, options, context);
  const partition = partitionOf(pricer, layout);
  const costs = stageCosts(pricer, layout);
  const p2p = p2pSeconds(pricer, layout);
  const sim = simulatePipeline(pricer, layout, costs, p2p, options.recordOps);
  const sums = partition.ranks.map((rank) => sumRank(layout, rank, costs));
  const tail = rankTails(pricer, layout, partition, sums, sim);
  const stepSeconds = tail.pipelineEnd + tail.optimizer + tail.paramGather;
  const a = attributeBusiestRank(partition.modelStages, sums[tail.critical], sim, tail.critical, p2p);

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
      perStage: partition.ranks.map((r) => {
        const st = sim.perStage[r.rank];
        return { rank: r.rank, layers: r.layers, busySeconds: st?.busySeconds ?? 0, bubbleFraction: st?.bubbleFraction ?? 0, peakInFlight: st?.peakInFlight ?? 0 };
      }),
    },
    simulation: sim,
  };
}
