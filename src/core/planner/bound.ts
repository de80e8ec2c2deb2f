/**
 * Lower bounds on `estimateStep(...).time.stepSeconds`, so the planner can skip layouts (and whole
 * sub-trees) that cannot enter the top N without simulating their pipeline. Each bound takes the
 * step model's own pieces (stage costs, layer communication, data-parallel tail, optimizer) and
 * replaces only the schedule simulation by what any schedule must at least spend:
 *
 *  1. rank r is busy for Σ over its chunks of (micro-batches through the chunk) × (F + I + W, plus
 *     the MoE all-to-all that unpaired schedules expose) — the simulator runs exactly these ops;
 *  2. its first op waits for the first micro-batch's forwards through the stages before it
 *     (Σ F + one p2p per rank crossing), on the most favourable route;
 *  3. under GPipe, 1F1B and interleaving its last op is a full backward, which the backwards of the
 *     stages before it must follow (Σ (I + W) + p2p); ZB and DualPipe may end on W: no term;
 *  4. pipeline end ≥ max over ranks of (2) + (1) + (3), and ≥ (2) + (1) + exposed gradient reduce;
 *     then + optimizer + exposed parameter gather, exactly as the step model adds them.
 *
 * `gridFloor` bounds every schedule, vp, sharding and recomputation of a grid at once: the average
 * rank busy time (total compute and TP exposure over pp, no recomputation, all SMs computing)
 * plus the optimizer on the average rank. `planner.test.ts` checks bound ≤ estimate on sampled layouts.
 */
import { createCommLinks, type CommLinks } from '../comm/links.js';
import { placeGroups, type GroupPlacements } from '../comm/place-groups.js';
import type { ComputeShape } from '../compute/types.js';
import { partitionStages, type PipelineRank, type StageChunk, type StagePartition } from '../layout/stages.js';
import type { Layout, Recompute } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import { SCHEDULES } from '../schedules/registry.js';
import type { Placement } from '../schedules/types.js';
import { dataParallelComm, optimizerSeconds, type DataParallelComm, type RankParams } from '../step/data-parallel.js';
import type { StepContext } from '../step/estimate-step.js';
import { layerCommSeconds, pipelineP2pSeconds, type CommContext } from '../step/layer-comm.js';
import type { StepOptions } from '../step/options.js';
import { addParams, chunkParams } from '../step/stage-params.js';
import { estimateStageCost, type StageCost } from '../step/stage-times.js';

/** What the bounds of one GPU count share: the step model's caches and memo tables. */
export interface BoundContext {
  readonly scenario: Scenario;
  readonly options: StepOptions;
  readonly step: StepContext;
  readonly links: CommLinks;
  readonly groups: Map<string, GroupPlacements>;
  readonly placements: Map<string, Placement>;
  readonly partitions: Map<string, StagePartition>;
  readonly pricings: Map<string, StagePricing>;
}

export function createBoundContext(scenario: Scenario, options: StepOptions, step: StepContext): BoundContext {
  return {
    scenario, options, step, links: createCommLinks(scenario.cluster, options.comm),
    groups: new Map(), placements: new Map(), partitions: new Map(), pricings: new Map(),
  };
}

const NO_DP: DataParallelComm = { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };

function isPaired(schedule: Layout['schedule']): boolean {
  return schedule === 'dualpipe' || schedule === 'dualpipev';
}

function groupsOf(bc: BoundContext, layout: Layout): GroupPlacements {
  const key = `${layout.tp}|${layout.cp}|${layout.ep}|${layout.etp}|${layout.dp}|${layout.pp}`;
  const known = bc.groups.get(key);
  if (known !== undefined) return known;
  const groups = placeGroups(layout, layout.order, bc.scenario.cluster);
  bc.groups.set(key, groups);
  return groups;
}

/** The step model's compute shape (estimate-step.ts `computeShape`). */
function stepShape(bc: BoundContext, layout: Layout, recompute: Recompute, pairedSms: boolean): ComputeShape {
  const { scenario, options } = bc;
  const moeOverlap = pairedSms && isPaired(layout.schedule) && scenario.model.moe !== null && layout.ep > 1;
  return {
    microBatch: layout.microBatch, seqLen: scenario.training.seqLen, tp: layout.tp, cp: layout.cp, sp: layout.sequenceParallel,
    ep: layout.ep, etp: layout.etp, precision: scenario.training.precision, tokensPerExpertImbalance: options.moeLoadImbalance,
    recompute, computeSmFraction: moeOverlap ? 1 - options.commSmFraction : 1,
  };
}

interface StagePricing {
  readonly commCtx: CommContext;
  readonly p2pSeconds: number;
  readonly price: (chunk: StageChunk, fsdp: DataParallelComm) => StageCost;
}

/**
 * Layer communication and the stage pricer of a layout's micro-batch shape, memoised per
 * (degrees, micro-batch, recomputation, compute SMs, pairing): every schedule and sharding of a
 * grid shares them (the layout's other fields do not enter layer-comm.ts nor the shape).
 */
function stagePricing(bc: BoundContext, layout: Layout, shape: ComputeShape, paired: boolean): StagePricing {
  const key = `${layout.tp}|${layout.sequenceParallel}|${layout.cp}|${layout.pp}|${layout.dp}|${layout.ep}|${layout.etp}|${layout.microBatch}|${shape.recompute}|${shape.computeSmFraction}|${paired}`;
  const known = bc.pricings.get(key);
  if (known !== undefined) return known;
  const { scenario, options, step } = bc;
  const commCtx: CommContext = {
    model: scenario.model, layout, seqLen: scenario.training.seqLen, precision: scenario.training.precision,
    groups: groupsOf(bc, layout), links: bc.links, moeLoadImbalance: options.moeLoadImbalance,
  };
  const dense = layerCommSeconds(commCtx, 'dense');
  const moe = layerCommSeconds(commCtx, 'moe');
  const attentionForwardSeconds = step.estimator.estimateLayer(0, shape).byKind.attention / 3.5;
  const costs = new Map<string, StageCost>();
  const price = (chunk: StageChunk, fsdp: DataParallelComm): StageCost => estimateStageCost({
    chunk, estimator: step.estimator, shape, dense, moe, attentionForwardSeconds, fsdp, overlap: options.overlap, pairedSchedule: paired,
  });
  const pricing: StagePricing = {
    commCtx,
    p2pSeconds: pipelineP2pSeconds(commCtx),
    price: (chunk, fsdp) => {
      // Without ZeRO-3 gathers a stage's cost depends only on what it holds (stage-times.ts).
      if (fsdp !== NO_DP) return price(chunk, fsdp);
      const key = `${chunk.denseLayers}|${chunk.moeLayers}|${chunk.hasEmbedding}|${chunk.hasOutputHead}|${chunk.hasMtp}`;
      const known = costs.get(key);
      if (known !== undefined) return known;
      const cost = price(chunk, fsdp);
      costs.set(key, cost);
      return cost;
    },
  };
  bc.pricings.set(key, pricing);
  return pricing;
}

function partitionOf(bc: BoundContext, layout: Layout): StagePartition {
  const key = `${layout.schedule}|${layout.pp}|${layout.vp}`;
  const known = bc.partitions.get(key);
  if (known !== undefined) return known;
  const partition = partitionStages(bc.scenario.model, layout);
  bc.partitions.set(key, partition);
  return partition;
}

/** Per-rank inputs of the step bound. */
export interface RankBound {
  readonly startSeconds: number;
  readonly busySeconds: number;
  readonly suffixSeconds: number;
  /** Pure computation of the rank over the step, recomputation included (the step report's computeSeconds on the critical rank). */
  readonly computeSeconds: number;
  readonly params: RankParams;
  /** Longest backward (I + W) of its chunks: hides the gradient reduce (estimate-step.ts). */
  readonly windowSeconds: number;
  readonly firstForwardSeconds: number;
}

export interface PipelineBound {
  readonly ranks: readonly RankBound[];
  readonly makespanSeconds: number;
  readonly groups: GroupPlacements;
  /** One cost per model stage, as estimate-step.ts prices them, and the p2p time per transfer. */
  readonly costs: readonly StageCost[];
  readonly p2pSeconds: number;
}

function placementOf(bc: BoundContext, layout: Layout): Placement {
  const key = `${layout.schedule}|${layout.pp}|${layout.vp}`;
  const known = bc.placements.get(key);
  if (known !== undefined) return known;
  // Routes do not depend on the micro-batch count; 2·pp is accepted by every schedule.
  const placement = SCHEDULES[layout.schedule].placement({ pp: layout.pp, vp: layout.vp, microBatches: 2 * layout.pp });
  bc.placements.set(key, placement);
  return placement;
}

/** Earliest start and (for schedules ending on a full backward) the backward tail, per rank. */
function pipelineEnds(bc: BoundContext, layout: Layout, costs: readonly StageCost[], p2p: number, paired: boolean): { start: number[]; suffix: number[] } {
  const placement = placementOf(bc, layout);
  const start = new Array<number>(layout.pp).fill(Infinity);
  const suffix = new Array<number>(layout.pp).fill(Infinity);
  const endsOnBackward = layout.schedule === 'gpipe' || layout.schedule === '1f1b' || layout.schedule === 'interleaved';
  for (const route of placement.routes) {
    let forward = 0;
    let backward = 0;
    route.rankOfStage.forEach((rank, s) => {
      if (s > 0) {
        const before = costs[s - 1]?.times;
        const cross = route.rankOfStage[s - 1] !== rank ? p2p : 0;
        forward += (before?.forwardSeconds ?? 0) + cross;
        const comm = paired ? 0 : (before?.backwardCommSeconds ?? 0);
        backward += (before === undefined ? 0 : before.backwardInputSeconds + before.backwardWeightSeconds) + comm + cross;
      }
      start[rank] = Math.min(start[rank] ?? Infinity, forward);
      suffix[rank] = Math.min(suffix[rank] ?? Infinity, backward);
    });
  }
  return { start: start.map((x) => (Number.isFinite(x) ? x : 0)), suffix: suffix.map((x) => (endsOnBackward && Number.isFinite(x) ? x : 0)) };
}

/**
 * Pipeline part of the bound for a concrete layout: stage costs as the step model prices them
 * (recomputation and ZeRO-3 per-layer gathers included), ranks' busy time, start and backward tail.
 */
export function pipelineBound(bc: BoundContext, layout: Layout): PipelineBound {
  const model = bc.scenario.model;
  const paired = isPaired(layout.schedule);
  const pricing = stagePricing(bc, layout, stepShape(bc, layout, layout.recompute, true), paired);
  const partition = partitionOf(bc, layout);
  const costs = new Array<StageCost>(partition.modelStages);
  const links = bc.links.collective;
  for (const rank of partition.ranks) {
    for (const c of rank.chunks) {
      if (costs[c.modelStage] !== undefined) continue;
      const fsdp = layout.zero === 3 && layout.pp === 1 ? dataParallelComm(chunkParams(model, layout, c), pricing.commCtx.groups, layout, links, bc.options.gradReduceBytes) : NO_DP;
      costs[c.modelStage] = pricing.price(c, fsdp);
    }
  }
  const p2p = pricing.p2pSeconds;
  const ends = pipelineEnds(bc, layout, costs, p2p, paired);
  let makespan = 0;
  const ranks = partition.ranks.map((rank) => {
    const r = rankBound(bc, layout, rank, costs, ends.start[rank.rank] ?? 0, ends.suffix[rank.rank] ?? 0);
    makespan = Math.max(makespan, r.startSeconds + r.busySeconds + r.suffixSeconds);
    return r;
  });
  return { ranks, makespanSeconds: makespan, groups: pricing.commCtx.groups, costs, p2pSeconds: p2p };
}

/** Busy time, compute, parameters and overlap windows of one rank (estimate-step.ts reads the same). */
function rankBound(bc: BoundContext, layout: Layout, rank: PipelineRank, costs: readonly StageCost[], startSeconds: number, suffixSeconds: number): RankBound {
  const paired = isPaired(layout.schedule);
  // Micro-batches through each chunk: all m, except DualPipe whose two copies take m/2 each.
  const perChunk = layout.schedule === 'dualpipe' ? layout.microBatches / 2 : layout.microBatches;
  let busy = 0;
  let compute = 0;
  let params: RankParams = { dense: 0, expert: 0 };
  let window = 0;
  let firstForward = Infinity;
  for (const c of rank.chunks) {
    params = addParams(params, chunkParams(bc.scenario.model, layout, c));
    const cost = costs[c.modelStage];
    if (cost === undefined) continue;
    const t = cost.times;
    const comm = paired ? 0 : (t.forwardCommSeconds ?? 0) + (t.backwardCommSeconds ?? 0);
    busy += perChunk * (t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds + comm);
    const k = cost.compute;
    compute += perChunk * (k.forwardSeconds + k.backwardInputSeconds + k.backwardWeightSeconds + k.recomputeSeconds);
    window = Math.max(window, t.backwardInputSeconds + t.backwardWeightSeconds);
    firstForward = Math.min(firstForward, t.forwardSeconds);
  }
  return {
    startSeconds, busySeconds: busy, suffixSeconds, computeSeconds: compute, params,
    windowSeconds: window, firstForwardSeconds: Number.isFinite(firstForward) ? firstForward : 0,
  };
}

/** What sharding adds after the pipeline on one rank, as the step model prices it [s]. */
export interface RankTail {
  readonly gradReduceSeconds: number;
  readonly paramGatherSeconds: number;
  readonly optimizerSeconds: number;
}

/**
 * Data-parallel tail of every rank of `layout` (gradient reduce and parameter gather before
 * overlap, optimizer step). Depends on the sharding and the ranks' parameters, not on the
 * recomputation; ranks holding the same parameters share one computation.
 */
export function dataParallelTail(bc: BoundContext, layout: Layout, pipeline: PipelineBound): RankTail[] {
  const hbm = bc.scenario.cluster.accelerator.hbmBandwidthBytesPerSec;
  const seen = new Map<string, RankTail>();
  return pipeline.ranks.map((r) => {
    const key = `${r.params.dense}|${r.params.expert}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    const dp = dataParallelComm(r.params, pipeline.groups, layout, bc.links.collective, bc.options.gradReduceBytes);
    const tail = { gradReduceSeconds: dp.gradReduceSeconds, paramGatherSeconds: dp.paramGatherSeconds, optimizerSeconds: optimizerSeconds(r.params, layout, layout.edp, hbm) };
    seen.set(key, tail);
    return tail;
  });
}

/** Step-time bound from a pipeline bound and the tail of each rank, combined as estimate-step.ts combines them. */
export function stepFloor(bc: BoundContext, pipeline: PipelineBound, tail: readonly RankTail[]): number {
  const { overlap } = bc.options;
  let pipelineEnd = pipeline.makespanSeconds;
  let optimizer = 0;
  let gather = 0;
  pipeline.ranks.forEach((r, i) => {
    const t = tail[i];
    if (t === undefined) return;
    const grad = overlap.dpGradReduce ? Math.max(0, t.gradReduceSeconds - r.windowSeconds) : t.gradReduceSeconds;
    pipelineEnd = Math.max(pipelineEnd, r.startSeconds + r.busySeconds + grad);
    optimizer = Math.max(optimizer, t.optimizerSeconds);
    gather = Math.max(gather, overlap.dpParamGather ? Math.max(0, t.paramGatherSeconds - r.firstForwardSeconds) : t.paramGatherSeconds);
  });
  return pipelineEnd + optimizer + gather;
}

/** Bound over every sharding of a pipeline: its makespan plus the smallest optimizer step. */
export function skeletonFloor(bc: BoundContext, pipeline: PipelineBound, layouts: readonly Layout[]): number {
  const hbm = bc.scenario.cluster.accelerator.hbmBandwidthBytesPerSec;
  let optimizer = Infinity;
  for (const layout of layouts) {
    let slowest = 0;
    for (const r of pipeline.ranks) slowest = Math.max(slowest, optimizerSeconds(r.params, layout, layout.edp, hbm));
    optimizer = Math.min(optimizer, slowest);
  }
  return pipeline.makespanSeconds + (Number.isFinite(optimizer) ? optimizer : 0);
}

/** The whole model as one chunk (what every micro-batch passes through once). */
function wholeModel(bc: BoundContext): StageChunk {
  const model = bc.scenario.model;
  const denseLayers = model.moe === null ? model.layers : Math.min(model.layers, model.moe.denseLayers);
  return {
    chunk: 0, modelStage: 0, firstLayer: 0, layers: model.layers, denseLayers, moeLayers: model.layers - denseLayers,
    hasEmbedding: true, hasOutputHead: true, hasMtp: model.mtpDepth > 0,
  };
}

/**
 * Bound over every schedule, vp, sharding (ZeRO stage ≥ `minZero`'s optimizer) and recomputation
 * of `layout`'s degrees and micro-batch: average rank busy time with no recomputation, all SMs
 * computing, MoE all-to-all and context-parallel exchanges taken as hidden, plus the optimizer
 * on the average rank. `layout` is any layout of the grid (its zero sets the optimizer sharding).
 */
export function gridFloor(bc: BoundContext, layout: Layout): number {
  const model = bc.scenario.model;
  const chunk = wholeModel(bc);
  const cost = stagePricing(bc, layout, stepShape(bc, layout, 'none', false), true).price(chunk, NO_DP);
  const t = cost.times;
  const perMicroBatch = t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds - cost.exposedCpSeconds;
  const params = chunkParams(model, layout, chunk);
  const average = { dense: params.dense / layout.pp, expert: params.expert / layout.pp };
  const optimizer = optimizerSeconds(average, layout, layout.edp, bc.scenario.cluster.accelerator.hbmBandwidthBytesPerSec);
  return (layout.microBatches * perMicroBatch) / layout.pp + optimizer;
}
