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
 * plus the optimizer on the average rank. `bound.test.ts` checks bound ≤ estimate on sampled layouts.
 */
import type { GroupPlacements } from '../comm/place-groups.js';
import type { StageChunk } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { getSchedule } from '../schedules/catalog.js';
import { optimizerBytesPerParam, optimizerSeconds, type RankParams } from '../step/data-parallel.js';
import { exposedGradReduceSeconds, exposedParamGatherSeconds } from '../step/rank-tail.js';
import { groupsOf, p2pSeconds, pairedStageKey, pairsChunks, partitionOf, stageCosts, unkeptStageCost, type UnscheduledStageShape } from '../step/pricer.js';
import { heldParams, partitionParams, partitionRankCosts, rankParams } from '../step/rank-costs.js';
import { RANK_SUM, RANK_SUM_SLOTS, sumRankInto } from '../step/rank-sums.js';
import type { StageCost } from '../step/stage-times.js';
import { placementOf, scratchEnds, scratchSums, type BoundContext, type PipelineEnds } from './bound-context.js';

export { createBoundContext, type BoundContext } from './bound-context.js';

/** Per-rank inputs of the step bound. */
export interface RankBound {
  readonly startSeconds: number;
  readonly busySeconds: number;
  readonly suffixSeconds: number;
  /** Pure computation of the rank over the step, recomputation included (the step report's computeSeconds on the critical rank). */
  readonly computeSeconds: number;
  readonly params: RankParams;
  /** Transformer layers the rank holds (the last gradient bucket of per-layer reductions). */
  readonly layers: number;
  /** Longest backward (I + W) of its chunks: hides the gradient reduce (estimate-step.ts). */
  readonly windowSeconds: number;
  readonly firstForwardSeconds: number;
}

/** What a skeleton's bound reads of a pipeline (`pipelineSpan`). */
export interface PipelineSpan {
  readonly makespanSeconds: number;
  /** The least compute of any rank: a lower bound of the critical rank's (the step's GPU activity). */
  readonly minComputeSeconds: number;
  /** Parameters per GPU of each pipeline rank (what the optimizer step of a sharding reads). */
  readonly params: readonly RankParams[];
}

export interface PipelineBound extends PipelineSpan {
  readonly ranks: readonly RankBound[];
  readonly groups: GroupPlacements;
  /** One cost per model stage, as estimate-step.ts prices them, and the p2p time per transfer. */
  readonly costs: readonly StageCost[];
  readonly p2pSeconds: number;
}

/**
 * Earliest start and (for schedules ending on a full backward) the backward tail of each rank,
 * written into the context's scratch arrays (read before the next pipeline is bounded).
 */
function pipelineEnds(bc: BoundContext, layout: Layout, costs: readonly StageCost[], p2p: number, paired: boolean): PipelineEnds {
  const placement = placementOf(bc, layout);
  const ends = scratchEnds(bc, layout.pp);
  const { start, suffix } = ends;
  start.fill(Infinity, 0, layout.pp);
  suffix.fill(Infinity, 0, layout.pp);
  const endsOnBackward = getSchedule(layout.schedule).endsOnFullBackward;
  // Plain loops, arrays filled in place: this runs for every pipeline the search bounds.
  const { routes } = placement;
  for (let i = 0; i < routes.length; i += 1) {
    const stages = routes[i]?.rankOfStage ?? [];
    let forward = 0;
    let backward = 0;
    for (let s = 0; s < stages.length; s += 1) {
      const rank = stages[s] ?? 0;
      if (s > 0) {
        const before = costs[s - 1]?.times;
        const cross = stages[s - 1] !== rank ? p2p : 0;
        forward += (before?.forwardSeconds ?? 0) + cross;
        const comm = paired ? 0 : (before?.backwardCommSeconds ?? 0);
        backward += (before === undefined ? 0 : before.backwardInputSeconds + before.backwardWeightSeconds) + comm + cross;
      }
      start[rank] = Math.min(start[rank] ?? Infinity, forward);
      suffix[rank] = Math.min(suffix[rank] ?? Infinity, backward);
    }
  }
  for (let r = 0; r < layout.pp; r += 1) {
    const first = start[r] ?? Infinity;
    const last = suffix[r] ?? Infinity;
    start[r] = Number.isFinite(first) ? first : 0;
    suffix[r] = endsOnBackward && Number.isFinite(last) ? last : 0;
  }
  return ends;
}

/** True when two chunk lists hold the same stage costs in order (interned by the pricer: the same price, the same object). */
function sameCosts(a: readonly StageChunk[], b: readonly StageChunk[], costs: readonly StageCost[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k += 1) {
    if (costs[a[k]?.modelStage ?? -1] !== costs[b[k]?.modelStage ?? -1]) return false;
  }
  return true;
}

/** A pipeline's stage costs, p2p time and span (`pipelineSpan`); its ranks' bounds pushed to `out` when given. */
export interface PipelineWalk extends PipelineSpan {
  readonly costs: readonly StageCost[];
  readonly p2pSeconds: number;
}

/** The walk of `layout`'s pipeline; `walked`, an earlier walk of the same layout, lends its prices. */
function walkPipeline(bc: BoundContext, layout: Layout, out: RankBound[] | null, walked: PipelineWalk | null = null): PipelineWalk {
  const { pricer } = bc;
  const paired = pairsChunks(layout.schedule);
  const costs = walked?.costs ?? stageCosts(pricer, layout);
  const p2p = walked?.p2pSeconds ?? p2pSeconds(pricer, layout);
  const ends = pipelineEnds(bc, layout, costs, p2p, paired);
  const partition = partitionOf(pricer, layout);
  const params = walked?.params ?? partitionParams(pricer, layout, partition);
  let makespan = 0;
  let minCompute = Infinity;
  // Ranks holding chunks of the same stage costs have the same sums: the middle ranks of a deep
  // pipeline are summed once, into the context's scratch (no record per rank).
  const { ranks } = partition;
  const sums = scratchSums(bc, ranks.length);
  const { summedChunks } = bc;
  for (let i = 0; i < ranks.length; i += 1) {
    const rank = ranks[i];
    if (rank === undefined) continue;
    let at = -1;
    for (let j = 0; j < summedChunks.length && at < 0; j += 1) {
      if (sameCosts(summedChunks[j] ?? [], rank.chunks, costs)) at = j * RANK_SUM_SLOTS;
    }
    if (at < 0) {
      at = summedChunks.length * RANK_SUM_SLOTS;
      sumRankInto(layout, rank, costs, sums, at);
      summedChunks.push(rank.chunks);
    }
    const start = ends.start[rank.rank] ?? 0;
    const busy = (sums[at + RANK_SUM.opSeconds] ?? 0) + (paired ? 0 : (sums[at + RANK_SUM.allToAllSeconds] ?? 0));
    const suffix = ends.suffix[rank.rank] ?? 0;
    const compute = sums[at + RANK_SUM.computeSeconds] ?? 0;
    makespan = Math.max(makespan, start + busy + suffix);
    minCompute = Math.min(minCompute, compute);
    if (out === null) continue;
    const firstForward = sums[at + RANK_SUM.firstForwardSeconds] ?? Infinity;
    out.push({
      startSeconds: start, busySeconds: busy, suffixSeconds: suffix, computeSeconds: compute,
      params: params[i] ?? rankParams(pricer, layout, rank), layers: rank.layers, windowSeconds: sums[at + RANK_SUM.windowSeconds] ?? 0,
      firstForwardSeconds: Number.isFinite(firstForward) ? firstForward : 0,
    });
  }
  return { makespanSeconds: makespan, minComputeSeconds: minCompute, params, costs, p2pSeconds: p2p };
}

/**
 * Pipeline part of the bound for a concrete layout: stage costs from the step pricer (recomputation
 * and ZeRO-3 per-layer gathers included), ranks' busy time, start and backward tail. `span`, the
 * `pipelineSpan` of the same layout when it was refined first, lends its stage costs, p2p time and
 * rank parameters (the pricer's own, so the same numbers).
 */
export function pipelineBound(bc: BoundContext, layout: Layout, span: PipelineWalk | null = null): PipelineBound {
  const ranks: RankBound[] = [];
  const walk = walkPipeline(bc, layout, ranks, span);
  // Field by field, not a spread of the walk: one hidden class for every bound (reads stay monomorphic).
  return {
    makespanSeconds: walk.makespanSeconds, minComputeSeconds: walk.minComputeSeconds, params: walk.params, costs: walk.costs, p2pSeconds: walk.p2pSeconds,
    ranks, groups: groupsOf(bc.pricer, layout),
  };
}

/** `pipelineBound` without its ranks' records: what a skeleton's bound reads (`skeletonFloor`), with the prices it read. */
export function pipelineSpan(bc: BoundContext, layout: Layout): PipelineWalk {
  return walkPipeline(bc, layout, null);
}

/** What sharding adds after the pipeline on one rank, as the step model prices it [s]. */
export interface RankTail {
  readonly gradReduceSeconds: number;
  readonly lastBucketSeconds: number;
  readonly paramGatherSeconds: number;
  readonly optimizerSeconds: number;
}

/**
 * Data-parallel tail of every rank of `layout` (gradient reduce and parameter gather before
 * overlap, optimizer step). Depends on the sharding and the ranks' parameters, not on the
 * recomputation; ranks holding the same parameters share one computation.
 */
export function dataParallelTail(bc: BoundContext, layout: Layout): readonly RankTail[] {
  return partitionRankCosts(bc.pricer, layout, partitionOf(bc.pricer, layout));
}

/** Step-time bound from a pipeline bound and the tail of each rank, combined as estimate-step.ts combines them. */
export function stepFloor(bc: BoundContext, pipeline: PipelineBound, tail: readonly RankTail[]): number {
  const { framework } = bc.pricer;
  let pipelineEnd = pipeline.makespanSeconds;
  let optimizer = 0;
  let gather = 0;
  // A plain loop: this runs for every leaf the search bounds (no closure, no object per rank).
  const { ranks } = pipeline;
  for (let i = 0; i < ranks.length; i += 1) {
    const r = ranks[i];
    const t = tail[i];
    if (r === undefined || t === undefined) continue;
    const grad = exposedGradReduceSeconds(t, r.windowSeconds, framework);
    pipelineEnd = Math.max(pipelineEnd, r.startSeconds + r.busySeconds + grad);
    optimizer = Math.max(optimizer, t.optimizerSeconds);
    gather = Math.max(gather, exposedParamGatherSeconds(t.paramGatherSeconds, r.firstForwardSeconds, framework));
  }
  return pipelineEnd + optimizer + gather;
}

/** True when a layout before `i` has the same optimizer inputs as layout `i`. */
function pricedBefore(layouts: readonly Pick<Layout, 'zero' | 'dp' | 'cp' | 'edp'>[], i: number): boolean {
  const l = layouts[i];
  for (let j = 0; j < i; j += 1) {
    const o = layouts[j];
    if (o !== undefined && l !== undefined && o.zero === l.zero && o.dp === l.dp && o.cp === l.cp && o.edp === l.edp) return true;
  }
  return false;
}

/**
 * Bound over every sharding of a pipeline: its makespan plus the smallest optimizer step. The
 * optimizer step reads only (zero, dp, cp, edp) of a layout, so `layouts` need carry no more, and
 * layouts equal in those are priced once (the shardings of a grid share dp, cp and edp).
 */
export function skeletonFloor(bc: BoundContext, pipeline: PipelineSpan, layouts: readonly Pick<Layout, 'zero' | 'dp' | 'cp' | 'edp'>[]): number {
  const hbm = bc.scenario.cluster.accelerator.hbmBandwidthBytesPerSec;
  const bytesPerParam = optimizerBytesPerParam(bc.scenario.training);
  let optimizer = Infinity;
  for (let i = 0; i < layouts.length; i += 1) {
    const layout = layouts[i];
    if (layout === undefined || pricedBefore(layouts, i)) continue;
    let slowest = 0;
    const { params } = pipeline;
    for (let r = 0; r < params.length; r += 1) {
      const rank = params[r];
      if (rank !== undefined) slowest = Math.max(slowest, optimizerSeconds(rank, layout, layout.edp, hbm, bytesPerParam));
    }
    optimizer = Math.min(optimizer, slowest);
  }
  return pipeline.makespanSeconds + (Number.isFinite(optimizer) ? optimizer : 0);
}

/** Which kinds of schedule a grid may run: paired (DualPipe, DualPipeV) and the others. */
export interface ScheduleKinds {
  readonly paired: boolean;
  readonly unpaired: boolean;
}

/** A grid's bound for each kind of schedule (Infinity for a kind the grid does not admit). */
export interface GridFloors {
  readonly paired: number;
  readonly unpaired: number;
}

const BOTH_KINDS: ScheduleKinds = { paired: true, unpaired: true };

/**
 * The optimizer step of the average rank of `layout`'s degrees (`layout.zero` sets its sharding):
 * the whole model's parameters over pp. It reads neither the micro-batch nor the schedule, so the
 * grids of one set of degrees share it.
 */
export function averageOptimizerSeconds(bc: BoundContext, layout: Pick<Layout, 'tp' | 'ep' | 'etp' | 'pp' | 'zero' | 'dp' | 'cp' | 'edp'>): number {
  const params = heldParams(bc.pricer, layout, bc.wholeModel);
  const average = { dense: params.dense / layout.pp, expert: params.expert / layout.pp };
  return optimizerSeconds(average, layout, layout.edp, bc.scenario.cluster.accelerator.hbmBandwidthBytesPerSec, optimizerBytesPerParam(bc.scenario.training));
}

/**
 * What every micro-batch costs in the whole model with no recomputation and no ZeRO-3 gathers,
 * under a paired schedule or not [s]. Kept per layer shape in the context: the grids of a search
 * share layer shapes, and the whole model's cost objects would serve nothing else.
 */
function busySeconds(bc: BoundContext, layout: UnscheduledStageShape, paired: boolean): number {
  const key = pairedStageKey(bc.pricer, layout, bc.wholeModel, paired);
  const known = bc.busySeconds.get(key);
  if (known !== undefined) return known;
  const cost = unkeptStageCost(bc.pricer, layout, bc.wholeModel, paired);
  const t = cost.times;
  const comm = paired ? 0 : (t.forwardCommSeconds ?? 0) + (t.backwardCommSeconds ?? 0);
  const busy = t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds - cost.exposedCpSeconds + comm;
  bc.busySeconds.set(key, busy);
  return busy;
}

/**
 * Bound over every schedule, vp, sharding and recomputation of `layout`'s degrees and micro-batch,
 * per kind of schedule: the average rank busy time with no recomputation plus the optimizer on the
 * average rank (`averageOptimizerSeconds`, by default of `layout`). Context-parallel exchanges count
 * as hidden. For a MoE with ep > 1 the all-to-all is either exposed (unpaired schedules) or hidden
 * by pairs whose compute runs on the SMs left by the communication kernels (estimate-step.ts).
 */
export function gridFloors(
  bc: BoundContext, layout: Layout, kinds: ScheduleKinds = BOTH_KINDS, optimizer = averageOptimizerSeconds(bc, layout),
): GridFloors {
  // No recomputation and no ZeRO-3 per-layer gathers: both only add time. The price reads only
  // whether the schedule pairs chunks: either kind is priced on the same layout.
  const plain = layout.recompute === 'none' && layout.zero === 0 ? layout : { ...layout, recompute: 'none' as const, zero: 0 as const };
  const slowedByPairs = bc.scenario.model.moe !== null && layout.ep > 1;
  const unpaired = kinds.unpaired || (kinds.paired && !slowedByPairs) ? busySeconds(bc, plain, false) : Infinity;
  // Without an all-to-all to hide, pairing changes no price: the unpaired busy time stands for both.
  const paired = !kinds.paired ? Infinity : slowedByPairs ? busySeconds(bc, plain, true) : unpaired;
  const floorOf = (perMicroBatch: number): number => (layout.microBatches * perMicroBatch) / layout.pp + optimizer;
  return { paired: floorOf(paired), unpaired: floorOf(unpaired) };
}

/** `gridFloors`' least: the bound over every schedule kind of `kinds`. */
export function gridFloor(bc: BoundContext, layout: Layout, kinds: ScheduleKinds = BOTH_KINDS): number {
  const floors = gridFloors(bc, layout, kinds);
  return Math.min(floors.paired, floors.unpaired);
}
