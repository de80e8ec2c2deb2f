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
import { decide, stopHere, verdict, type Candidate, type SearchState, type World } from './search-state.js';
import { createLeafMemory, type LeafPeak } from './leaf-memory.js';

/** Order of recomputation by memory saved (none stores the most). */
const AGGRESSIVENESS: Readonly<Record<Recompute, number>> = { none: 0, selective: 1, full: 2 };

interface Leaf {
  readonly layout: Layout;
  readonly shardingIndex: number;
  readonly pipeline: PipelineBound;
  readonly tail: readonly RankTail[];
  readonly floor: ObjectivePoint;
}

/**
 * Every leaf of a skeleton with its bound, best first: one pipeline bound per recomputation
 * (`plain`, the one without recomputation, comes from the skeleton's bound), one tail per sharding.
 */
function boundLeaves(world: World, skeleton: Skeleton, plain: PipelineBound): Leaf[] {
  const options = leafOptions(world.g, skeleton);
  const quantum = skeleton.dp * skeleton.microBatch;
  const pipelines = new Map<Recompute, PipelineBound>([['none', plain]]);
  for (const r of options.recomputes) {
    if (r !== 'none') pipelines.set(r, pipelineBound(world.bc, leafLayout(world.g, skeleton, { zero: 1, fsdpShardSize: skeleton.dp }, r)));
  }
  const leaves: Leaf[] = [];
  options.shardings.forEach((sharding, shardingIndex) => {
    let tail: readonly RankTail[] | null = null;
    for (const r of options.recomputes) {
      const layout = leafLayout(world.g, skeleton, sharding, r);
      const fsdpPerLayer = layout.zero === 3 && layout.pp === 1;
      const pipeline = fsdpPerLayer ? pipelineBound(world.bc, layout) : pipelines.get(r);
      if (pipeline === undefined) continue;
      tail ??= dataParallelTail(world.bc, layout);
      const floor = world.objective.floor(stepFloor(world.bc, pipeline, tail), quantum, pipeline.minComputeSeconds);
      leaves.push({ layout, shardingIndex, pipeline, tail, floor });
    }
  });
  return leaves.sort((a, b) => a.floor.score - b.floor.score);
}

/** Visits the leaves of `skeleton`; `plain` is its pipeline bound without recomputation (zero 1). */
export function visitSkeleton(state: SearchState, world: World, skeleton: Skeleton, plain: PipelineBound): void {
  const options = leafOptions(world.g, skeleton);
  const most = options.recomputes.reduce<Recompute>((a, r) => (AGGRESSIVENESS[r] > AGGRESSIVENESS[a] ? r : a), 'none');
  let peakOf: LeafPeak | null = null;
  const simulations = new Map<PipelineBound, ScheduleSimulation>();
  for (const leaf of boundLeaves(world, skeleton, plain)) {
    if (stopHere(state, 1)) continue;
    const v = verdict(state, leaf.floor);
    if (v !== null) {
      decide(state, v, 1);
      continue;
    }
    peakOf ??= createLeafMemory(state, world, skeleton, options.shardings, most);
    const peak = peakOf(leaf.shardingIndex, leaf.layout);
    if (peak > world.memory.limitBytes) {
      decide(state, 'byMemory', 1);
      continue;
    }
    admit(state, priceLeaf(state, world, leaf, simulations, peak));
  }
}

/**
 * The leaf's step time: from the simulation of its pipeline, shared by the shardings of a
 * recomputation (fast-step.ts), priced as `estimateStep` prices it.
 */
function priceLeaf(state: SearchState, world: World, leaf: Leaf, simulations: Map<PipelineBound, ScheduleSimulation>, peak: number): Candidate {
  let sim = simulations.get(leaf.pipeline);
  if (sim === undefined) {
    sim = simulatePipeline(world.bc, leaf.layout, leaf.pipeline);
    state.simulations += 1;
    simulations.set(leaf.pipeline, sim);
  }
  state.evaluated += 1;
  return candidateOf(world, leaf.layout, fastStep(world.bc, leaf.pipeline, sim, leaf.tail), peak, null);
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
