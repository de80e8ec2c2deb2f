/**
 * The last level of the search: the leaves of one skeleton (its shardings × recomputations),
 * bounded and sorted, then per leaf — unless a bound drops it — the memory check (leaf-memory.ts) and the price:
 * the step time from one pipeline simulation per recomputation shared by every sharding
 * (fast-step.ts); then the budget, the deadline, the top N and
 * the Pareto front.
 */
import type { Layout, Recompute } from '../layout/types.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import type { StepReport } from '../step/types.js';
import { dataParallelTail, pipelineBound, stepFloor, type PipelineBound, type RankTail } from './bound.js';
import { leafLayout, leafOptions, type Skeleton } from './enumerate.js';
import { fastStep, simulatePipeline, type FastStep } from './fast-step.js';
import type { ObjectivePoint } from './objective.js';
import { decide, stopHere, verdict, verdictsFree, type Candidate, type SearchState, type World } from './search-state.js';
import { createLeafMemory, type LeafMemory } from './leaf-memory.js';

/** Order of recomputation by memory saved (none stores the most). */
const AGGRESSIVENESS: Readonly<Record<Recompute, number>> = { none: 0, selective: 1, full: 2 };

/** A leaf by its sharding (index into the skeleton's options) and recomputation; its layout is built only when visited. */
interface Leaf {
  readonly shardingIndex: number;
  readonly recompute: Recompute;
  readonly pipeline: PipelineBound;
  readonly tail: readonly RankTail[];
  readonly floor: ObjectivePoint;
}

/** A leaf before its bound: its sharding (index into the skeleton's options) and recomputation. */
interface LeafId {
  readonly shardingIndex: number;
  readonly recompute: Recompute;
}

/**
 * The leaves `ids` (in sharding, then recomputation order) with their bounds, best first: one
 * pipeline bound per recomputation (`plain()`, the one without recomputation, from the skeleton's
 * bound), one tail per sharding; only those the leaves read are built.
 */
function boundLeaves(world: World, skeleton: Skeleton, plain: () => PipelineBound, ids: readonly LeafId[]): Leaf[] {
  const options = leafOptions(world.g, skeleton);
  const quantum = skeleton.dp * skeleton.microBatch;
  const pipelines = new Map<Recompute, PipelineBound>();
  const pipelineAt = (recompute: Recompute): PipelineBound => {
    let pipeline = pipelines.get(recompute);
    if (pipeline === undefined) {
      pipeline = recompute === 'none' ? plain() : pipelineBound(world.bc, leafLayout(world.g, skeleton, { zero: 1, fsdpShardSize: skeleton.dp }, recompute));
      pipelines.set(recompute, pipeline);
    }
    return pipeline;
  };
  const leaves: Leaf[] = [];
  let tail: readonly RankTail[] | null = null;
  let tailOf = -1;
  // Indexed loops here and below: an array iterator allocates a result per leaf while the loop runs cold.
  for (let k = 0; k < ids.length; k += 1) {
    const id = ids[k];
    if (id === undefined) continue;
    const { shardingIndex, recompute } = id;
    const sharding = options.shardings[shardingIndex];
    if (sharding === undefined) continue;
    if (tailOf !== shardingIndex) tail = null;
    // ZeRO-3 without pipelining gathers per layer inside the stages: its own pipeline bound.
    const fsdpPerLayer = sharding.zero === 3 && skeleton.pp === 1;
    const layout = fsdpPerLayer || tail === null ? leafLayout(world.g, skeleton, sharding, recompute) : null;
    const pipeline = layout !== null && fsdpPerLayer ? pipelineBound(world.bc, layout) : pipelineAt(recompute);
    // The tail reads the sharding, not the recomputation: one per sharding.
    tail ??= dataParallelTail(world.bc, layout ?? leafLayout(world.g, skeleton, sharding, recompute));
    tailOf = shardingIndex;
    const floor = world.objective.floor(stepFloor(world.bc, pipeline, tail), quantum, pipeline.minComputeSeconds);
    leaves.push({ shardingIndex, recompute, pipeline, tail, floor });
  }
  return leaves.sort((a, b) => a.floor.score - b.floor.score);
}

/**
 * Visits the leaves of `skeleton`; `plain()` is its pipeline bound without recomputation (zero 1).
 *
 * Without a budget or a deadline (whose verdicts record the rejected bounds for the diagnosis), a
 * leaf whose sharding the floors with the most recomputation rule out (`LeafMemory.outOfMemory`)
 * is dropped before it is bounded (`byMemory`): only
 * leaves the memory check would drop, so the same leaves are priced in the same order with the
 * same thresholds (a dropped leaf changes neither), and a skeleton none of whose leaves fit builds
 * no bound at all.
 */
export function visitSkeleton(state: SearchState, world: World, skeleton: Skeleton, plain: () => PipelineBound): void {
  const options = leafOptions(world.g, skeleton);
  const most = options.recomputes.reduce<Recompute>((a, r) => (AGGRESSIVENESS[r] > AGGRESSIVENESS[a] ? r : a), 'none');
  const memory = createLeafMemory(state, world, skeleton, options.shardings, most);
  const checkFirst = verdictsFree(state);
  const ids: LeafId[] = [];
  for (let shardingIndex = 0; shardingIndex < options.shardings.length; shardingIndex += 1) {
    for (let r = 0; r < options.recomputes.length; r += 1) {
      const recompute = options.recomputes[r] ?? 'none';
      if (!checkFirst) ids.push({ shardingIndex, recompute });
      else if (stopHere(state, 1)) continue;
      else if (memory.outOfMemory(shardingIndex, recompute)) decide(state, 'byMemory', 1);
      else ids.push({ shardingIndex, recompute });
    }
  }
  if (ids.length > 0) visitLeaves(state, world, skeleton, plain, ids, memory, checkFirst);
  memory.release();
}

/** Bounds the leaves `ids` and decides each, best bound first: dropped by its bound or by memory, or priced. */
function visitLeaves(
  state: SearchState, world: World, skeleton: Skeleton, plain: () => PipelineBound, ids: readonly LeafId[], memory: LeafMemory, checkFirst: boolean,
): void {
  const options = leafOptions(world.g, skeleton);
  const simulations = new Map<PipelineBound, ScheduleSimulation>();
  const leaves = boundLeaves(world, skeleton, plain, ids);
  for (let k = 0; k < leaves.length; k += 1) {
    const leaf = leaves[k];
    if (leaf === undefined) continue;
    if (stopHere(state, 1)) continue;
    const v = verdict(state, leaf.floor);
    if (v !== null) {
      decide(state, v, 1);
      continue;
    }
    const sharding = options.shardings[leaf.shardingIndex];
    if (sharding === undefined) continue;
    const layout = leafLayout(world.g, skeleton, sharding, leaf.recompute);
    const peak = memory.peak(leaf.shardingIndex, layout, checkFirst);
    if (peak > world.memory.limitBytes) {
      decide(state, 'byMemory', 1);
      continue;
    }
    admit(state, priceLeaf(state, world, leaf, layout, simulations, peak));
  }
}

/**
 * The leaf's step time: from the simulation of its pipeline, shared by the shardings of a
 * recomputation (fast-step.ts), priced as `estimateStep` prices it.
 */
function priceLeaf(state: SearchState, world: World, leaf: Leaf, layout: Layout, simulations: Map<PipelineBound, ScheduleSimulation>, peak: number): Candidate {
  let sim = simulations.get(leaf.pipeline);
  if (sim === undefined) {
    sim = simulatePipeline(world.bc, layout, leaf.pipeline);
    state.simulations += 1;
    simulations.set(leaf.pipeline, sim);
  }
  state.evaluated += 1;
  return candidateOf(world, layout, fastStep(world.bc, leaf.pipeline, sim, leaf.tail), peak, null);
}

export function candidateOf(world: World, layout: Layout, time: FastStep, peakBytes: number, step: StepReport | null): Candidate {
  const activity = Math.min(1, time.computeSeconds / time.stepSeconds);
  const { point, metrics } = world.objective.point(time.stepSeconds, layout.dp * layout.microBatch, activity);
  return { world, layout, step, stepSeconds: time.stepSeconds, computeSeconds: time.computeSeconds, peakBytes, metrics, point };
}

/** Applies the budget and the deadline; keeps the candidate in the top N and the Pareto front when it passes. */
function admit(state: SearchState, candidate: Candidate): void {
  const { budgetUsd, deadlineDays } = state.options;
  const { point } = candidate;
  if (budgetUsd !== undefined && point.usd > budgetUsd) {
    state.cheapestRejectedUsd = Math.min(state.cheapestRejectedUsd, point.usd);
    return decide(state, 'byBudget', 1);
  }
  if (deadlineDays !== undefined && point.days > deadlineDays) {
    state.fastestRejectedDays = Math.min(state.fastestRejectedDays, point.days);
    return decide(state, 'byDeadline', 1);
  }
  decide(state, 'ranked', 1);
  state.top.offer(candidate);
  state.front.offer(candidate);
}
