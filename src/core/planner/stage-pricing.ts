/**
 * What the planner's bounds and its fast step share per GPU count: the step model's compute
 * estimator and compiled schedules (StepContext), the communication links, and memo tables of
 * group placements, stage partitions, schedule placements and stage pricers. Each table is keyed
 * by exactly the layout fields its value reads, so every layout of a search that shares them
 * shares the entry. The prices themselves come from the step model's functions (step/).
 */
import { computeShape } from '../step/estimate-step.js';
import { createCommLinks, type CommLinks } from '../comm/links.js';
import { placeGroups, type GroupPlacements } from '../comm/place-groups.js';
import type { ComputeShape } from '../compute/types.js';
import { partitionStages, type StageChunk, type StagePartition } from '../layout/stages.js';
import type { Layout, Recompute } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import { SCHEDULES } from '../schedules/registry.js';
import type { Placement } from '../schedules/types.js';
import type { DataParallelComm } from '../step/data-parallel.js';
import type { StepContext } from '../step/estimate-step.js';
import { layerCommSeconds, pipelineP2pSeconds, type CommContext } from '../step/layer-comm.js';
import { expertLoadImbalance, type StepOptions } from '../step/options.js';
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

/** No ZeRO-3 per-layer gathers (every layout but ZeRO-3 without pipeline). */
export const NO_DP: DataParallelComm = { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };

export function isPaired(schedule: Layout['schedule']): boolean {
  return schedule === 'dualpipe' || schedule === 'dualpipev';
}

export function groupsOf(bc: BoundContext, layout: Layout): GroupPlacements {
  const key = `${layout.tp}|${layout.cp}|${layout.ep}|${layout.etp}|${layout.dp}|${layout.pp}`;
  const known = bc.groups.get(key);
  if (known !== undefined) return known;
  const groups = placeGroups(layout, layout.order, bc.scenario.cluster);
  bc.groups.set(key, groups);
  return groups;
}

/** The step model's compute shape (`computeShape`), with the recomputation given and, unless `pairedSms`, all SMs computing. */
export function stepShape(bc: BoundContext, layout: Layout, recompute: Recompute, pairedSms: boolean): ComputeShape {
  const shape = computeShape(bc.scenario, { ...layout, recompute }, bc.options);
  return pairedSms ? shape : { ...shape, computeSmFraction: 1 };
}

export interface StagePricing {
  readonly commCtx: CommContext;
  readonly p2pSeconds: number;
  readonly price: (chunk: StageChunk, fsdp: DataParallelComm) => StageCost;
}

/**
 * Layer communication and the stage pricer of a layout's micro-batch shape, memoised per
 * (degrees, micro-batch, recomputation, compute SMs, pairing): every schedule and sharding of a
 * grid shares them (the layout's other fields do not enter layer-comm.ts nor the shape).
 */
export function stagePricing(bc: BoundContext, layout: Layout, shape: ComputeShape, paired: boolean): StagePricing {
  const key = `${layout.tp}|${layout.sequenceParallel}|${layout.cp}|${layout.pp}|${layout.dp}|${layout.ep}|${layout.etp}|${layout.microBatch}|${shape.recompute}|${shape.computeSmFraction}|${paired}`;
  const known = bc.pricings.get(key);
  if (known !== undefined) return known;
  const { scenario, options, step } = bc;
  const commCtx: CommContext = {
    model: scenario.model, layout, seqLen: scenario.training.seqLen, precision: scenario.training.precision,
    groups: groupsOf(bc, layout), links: bc.links, moeLoadImbalance: expertLoadImbalance(scenario.training, options),
  };
  const dense = layerCommSeconds(commCtx, 'dense');
  const moe = layerCommSeconds(commCtx, 'moe');
  const attentionForwardSeconds = step.estimator.estimateLayer(0, shape).byKind.attention / 3.5;
  const costs = new Map<string, StageCost>();
  const price = (chunk: StageChunk, fsdp: DataParallelComm): StageCost => estimateStageCost({
    chunk, estimator: step.estimator, shape, dense, moe, attentionForwardSeconds, fsdp, framework: step.framework, pairedSchedule: paired,
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

export function partitionOf(bc: BoundContext, layout: Layout): StagePartition {
  const key = `${layout.schedule}|${layout.pp}|${layout.vp}`;
  const known = bc.partitions.get(key);
  if (known !== undefined) return known;
  const partition = partitionStages(bc.scenario.model, layout);
  bc.partitions.set(key, partition);
  return partition;
}

export function placementOf(bc: BoundContext, layout: Layout): Placement {
  const key = `${layout.schedule}|${layout.pp}|${layout.vp}`;
  const known = bc.placements.get(key);
  if (known !== undefined) return known;
  // Routes do not depend on the micro-batch count; 2·pp is accepted by every schedule.
  const placement = SCHEDULES[layout.schedule].placement({ pp: layout.pp, vp: layout.vp, microBatches: 2 * layout.pp });
  bc.placements.set(key, placement);
  return placement;
}
