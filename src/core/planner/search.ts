/**
 * Branch and bound over the levels of `enumerate.ts`. Phase 1 enumerates every degrees node and
 * its grids (counting their valid layouts in O(1) per grid) and bounds each node. Phase 2 visits
 * the nodes best bound first; at every level a node is dropped with all its layouts when
 *
 *   its bound cannot meet the budget or the deadline (byBudget, byDeadline), or
 *   its bound cannot beat the N-th best score and is dominated by the Pareto front (byBound),
 *   or its states alone exceed the memory limit (byMemory);
 *
 * otherwise its children are bounded, sorted and visited. A layout that survives is checked
 * against the memory limit, then priced with `estimateStep` (one shared StepContext) and the run
 * model. Every valid layout ends in exactly one count (`PlanCounts`).
 */
import { isInputError } from '../errors.js';
import type { Layout, Recompute } from '../layout/types.js';
import { estimateStep } from '../step/estimate-step.js';
import type { StepReport } from '../step/types.js';
import { dataParallelTail, gridFloor, pipelineBound, skeletonFloor, stepFloor, type PipelineBound, type RankTail } from './bound.js';
import {
  countGridLeaves, enumerateDegrees, enumerateGrids, leafLayout, leafOptions, reject, skeletonsOf,
  type Degrees, type Grid, type Skeleton,
} from './enumerate.js';
import type { ObjectivePoint } from './objective.js';
import { fastStep, simulatePipeline, type FastStep } from './fast-step.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import { createWorld, decide, verdict, type Candidate, type SearchState, type World } from './search-state.js';
import { createGpuSpace, type Sharding } from './space.js';

interface GridNode {
  readonly grid: Grid;
  readonly leaves: number;
}

interface DegreeNode {
  readonly world: World;
  readonly degrees: Degrees;
  readonly grids: readonly GridNode[];
  readonly leaves: number;
  readonly floor: ObjectivePoint;
}

/** Order of recomputation by memory saved (none stores the most). */
const AGGRESSIVENESS: Readonly<Record<Recompute, number>> = { none: 0, selective: 1, full: 2 };

function gridSkeleton(grid: Grid): Skeleton {
  return { ...grid, schedule: '1f1b', vp: 1 };
}

/** The sharding options of a grid and the one to bound its optimizer with (any ZeRO ≥ 1 shards it). */
function gridShardings(world: World, grid: Grid): { all: readonly Sharding[]; floor: Sharding } {
  const all = leafOptions(world.g, gridSkeleton(grid)).shardings;
  return { all, floor: all.find((s) => s.zero >= 1) ?? all[0] ?? { zero: 0, fsdpShardSize: grid.dp } };
}

function gridBound(world: World, grid: Grid): number {
  return gridFloor(world.bc, leafLayout(world.g, gridSkeleton(grid), gridShardings(world, grid).floor, 'none'));
}

/** Phase 1 for one GPU count: degrees nodes with their grids, layout counts and bounds. */
function collectGpuCount(state: SearchState, gpus: number): DegreeNode[] {
  const g = createGpuSpace(state.space, gpus);
  const overLimit = state.options.maxGpus !== undefined && gpus > state.options.maxGpus;
  const world = createWorld(state, g);
  const nodes: DegreeNode[] = [];
  for (const degrees of enumerateDegrees(g, state.tally)) {
    const grids: GridNode[] = [];
    for (const grid of enumerateGrids(g, degrees, state.tally)) {
      const leaves = countGridLeaves(g, grid, state.tally);
      state.total += leaves;
      if (leaves === 0) continue;
      if (overLimit) {
        decide(state, 'byGpuLimit', leaves);
        continue;
      }
      try {
        world.objective.floor(1, grid.dp * grid.microBatch);
      } catch (error) {
        if (!isInputError(error)) throw error;
        reject(state.tally, { field: error.field, value: error.value, rule: `${error.rule} (the batch ramp must fill whole micro-batches of dp·microBatch sequences)` });
        decide(state, 'byRun', leaves);
        continue;
      }
      grids.push({ grid, leaves });
    }
    if (grids.length > 0) nodes.push(boundDegrees(world, degrees, grids));
  }
  return nodes;
}

/** Bound of a degrees node: its largest micro-batch prices the least compute per step (bound.ts). */
function boundDegrees(world: World, degrees: Degrees, grids: readonly GridNode[]): DegreeNode {
  let largest = grids[0]?.grid ?? { ...degrees, microBatch: 1 };
  for (const node of grids) if (node.grid.microBatch > largest.microBatch) largest = node.grid;
  const seconds = gridBound(world, largest);
  let floor = world.objective.floor(seconds, largest.dp * largest.microBatch);
  for (const node of grids) {
    const p = world.objective.floor(seconds, node.grid.dp * node.grid.microBatch);
    floor = { score: Math.min(floor.score, p.score), days: Math.min(floor.days, p.days), usd: Math.min(floor.usd, p.usd), gpus: p.gpus };
  }
  const leaves = grids.reduce((sum, node) => sum + node.leaves, 0);
  return { world, degrees, grids, leaves, floor };
}

/** Phase 1 and 2: every GPU count, best bound first. */
export function runSearch(state: SearchState): void {
  const nodes = state.space.gpuCounts.flatMap((gpus) => collectGpuCount(state, gpus));
  nodes.sort((a, b) => a.floor.score - b.floor.score);
  for (const node of nodes) {
    if (!stopHere(state, node.leaves)) visitDegrees(state, node);
  }
}

function stopHere(state: SearchState, leaves: number): boolean {
  if (!state.stopped && !state.options.shouldStop()) return false;
  state.stopped = true;
  decide(state, 'undecided', leaves);
  return true;
}

function statesExceedLimit(state: SearchState, world: World, grid: Grid): boolean {
  const shardings = gridShardings(world, grid);
  const layout = leafLayout(world.g, gridSkeleton(grid), shardings.floor, 'full');
  const states = world.memory.statesFloorBytes(world.g.scenario, layout, shardings.all);
  if (states <= world.memory.limitBytes) return false;
  state.memoryFloorBytes = Math.min(state.memoryFloorBytes, states);
  return true;
}

function visitDegrees(state: SearchState, node: DegreeNode): void {
  const pruned = verdict(state, node.floor);
  if (pruned !== null) return decide(state, pruned, node.leaves);
  const { world } = node;
  const first = node.grids[0]?.grid;
  if (first !== undefined && statesExceedLimit(state, world, first)) return decide(state, 'byMemory', node.leaves);
  const grids = node.grids.map((g) => ({ ...g, floor: world.objective.floor(gridBound(world, g.grid), g.grid.dp * g.grid.microBatch) }));
  grids.sort((a, b) => a.floor.score - b.floor.score);
  for (const g of grids) {
    if (stopHere(state, g.leaves)) continue;
    const v = verdict(state, g.floor);
    if (v !== null) decide(state, v, g.leaves);
    else visitGrid(state, world, g.grid);
  }
}

function visitGrid(state: SearchState, world: World, grid: Grid): void {
  const skeletons = skeletonsOf(world.g, grid);
  const first = skeletons[0];
  if (first === undefined) return;
  const options = leafOptions(world.g, first);
  const perSkeleton = options.shardings.length * options.recomputes.length;
  const quantum = grid.dp * grid.microBatch;
  const bounded = skeletons.map((skeleton) => {
    const plain = leafLayout(world.g, skeleton, { zero: 1, fsdpShardSize: skeleton.dp }, 'none');
    const layouts = options.shardings.map((s) => leafLayout(world.g, skeleton, s, 'none'));
    return { skeleton, floor: world.objective.floor(skeletonFloor(world.bc, pipelineBound(world.bc, plain), layouts), quantum) };
  });
  bounded.sort((a, b) => a.floor.score - b.floor.score);
  for (const { skeleton, floor } of bounded) {
    if (stopHere(state, perSkeleton)) continue;
    const v = verdict(state, floor);
    if (v !== null) decide(state, v, perSkeleton);
    else visitSkeleton(state, world, skeleton);
  }
}

interface Leaf {
  readonly layout: Layout;
  readonly shardingIndex: number;
  readonly pipeline: PipelineBound;
  readonly tail: readonly RankTail[];
  readonly floor: ObjectivePoint;
}

/** Every leaf of a skeleton with its bound, best first: one pipeline bound per recomputation, one tail per sharding. */
function boundLeaves(world: World, skeleton: Skeleton): Leaf[] {
  const options = leafOptions(world.g, skeleton);
  const quantum = skeleton.dp * skeleton.microBatch;
  const pipelines = new Map<Recompute, PipelineBound>();
  for (const r of options.recomputes) pipelines.set(r, pipelineBound(world.bc, leafLayout(world.g, skeleton, { zero: 1, fsdpShardSize: skeleton.dp }, r)));
  const leaves: Leaf[] = [];
  options.shardings.forEach((sharding, shardingIndex) => {
    let tail: RankTail[] | null = null;
    for (const r of options.recomputes) {
      const layout = leafLayout(world.g, skeleton, sharding, r);
      const fsdpPerLayer = layout.zero === 3 && layout.pp === 1;
      const pipeline = fsdpPerLayer ? pipelineBound(world.bc, layout) : pipelines.get(r);
      if (pipeline === undefined) continue;
      tail ??= dataParallelTail(world.bc, layout, pipeline);
      leaves.push({ layout, shardingIndex, pipeline, tail, floor: world.objective.floor(stepFloor(world.bc, pipeline, tail), quantum) });
    }
  });
  return leaves.sort((a, b) => a.floor.score - b.floor.score);
}

function visitSkeleton(state: SearchState, world: World, skeleton: Skeleton): void {
  const options = leafOptions(world.g, skeleton);
  const most = options.recomputes.reduce<Recompute>((a, r) => (AGGRESSIVENESS[r] > AGGRESSIVENESS[a] ? r : a), 'none');
  let fitsAtMost: Map<number, boolean> | null = null;
  const simulations = new Map<PipelineBound, ScheduleSimulation>();
  for (const leaf of boundLeaves(world, skeleton)) {
    if (stopHere(state, 1)) continue;
    const v = verdict(state, leaf.floor);
    if (v !== null) {
      decide(state, v, 1);
      continue;
    }
    fitsAtMost ??= shardingsAtMost(state, world, skeleton, options.shardings, most);
    const peak = leafPeak(state, world, leaf, most, fitsAtMost);
    if (peak > world.memory.limitBytes) {
      decide(state, 'byMemory', 1);
      continue;
    }
    admit(state, priceLeaf(state, world, leaf, simulations, peak));
  }
}

/**
 * The leaf's step time: from the simulation of its pipeline, shared by the shardings of a
 * recomputation (fast-step.ts), or — in exact mode — from `estimateStep` itself.
 */
function priceLeaf(state: SearchState, world: World, leaf: Leaf, simulations: Map<PipelineBound, ScheduleSimulation>, peak: number): Candidate {
  if (state.exactSteps) {
    const step = priceStep(state, world, leaf.layout);
    return candidateOf(world, leaf.layout, { stepSeconds: step.time.stepSeconds, computeSeconds: step.time.computeSeconds }, peak, step);
  }
  let sim = simulations.get(leaf.pipeline);
  if (sim === undefined) {
    sim = simulatePipeline(world.stepContext, leaf.layout, leaf.pipeline);
    state.simulations += 1;
    simulations.set(leaf.pipeline, sim);
  }
  state.evaluated += 1;
  return candidateOf(world, leaf.layout, fastStep(world.bc, leaf.pipeline, sim, leaf.tail), peak, null);
}

/**
 * Which shardings can fit at all, from one memory evaluation at the most recomputing variant
 * (memory falls with more recomputation): false when the sharding's states plus activations
 * already exceed the limit, the verdict for the evaluated one, unknown (absent) for the others.
 */
function shardingsAtMost(state: SearchState, world: World, skeleton: Skeleton, shardings: readonly Sharding[], most: Recompute): Map<number, boolean> {
  const fits = new Map<number, boolean>();
  const first = shardings[0];
  if (first === undefined) return fits;
  state.memoryEvaluations += 1;
  const limit = world.memory.limitBytes;
  const { peakBytes, floorsBytes } = world.memory.shardingFloorsBytes(world.g.scenario, leafLayout(world.g, skeleton, first, most), shardings);
  floorsBytes.forEach((floor, i) => {
    if (floor > limit) {
      fits.set(i, false);
      state.memoryFloorBytes = Math.min(state.memoryFloorBytes, floor);
    }
  });
  if (peakBytes > limit) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peakBytes);
  fits.set(0, peakBytes <= limit);
  return fits;
}

/**
 * Peak memory of a leaf, or Infinity when its sharding cannot fit at all: the first leaf of a
 * sharding not yet judged checks its most recomputing variant first.
 */
function leafPeak(state: SearchState, world: World, leaf: Leaf, most: Recompute, fitsAtMost: Map<number, boolean>): number {
  const known = fitsAtMost.get(leaf.shardingIndex);
  if (known === false) return Infinity;
  if (known === undefined) {
    const atMost = leaf.layout.recompute === most ? leaf.layout : { ...leaf.layout, recompute: most };
    const peak = peakOf(state, world, atMost);
    fitsAtMost.set(leaf.shardingIndex, peak <= world.memory.limitBytes);
    if (peak > world.memory.limitBytes) return Infinity;
    if (atMost === leaf.layout) return peak;
  }
  return peakOf(state, world, leaf.layout);
}

/** Peak memory per GPU of a layout, remembering the smallest peak that did not fit (for the diagnosis). */
function peakOf(state: SearchState, world: World, layout: Layout): number {
  state.memoryEvaluations += 1;
  const peak = world.memory.peakBytes(world.g.scenario, layout);
  if (peak > world.memory.limitBytes) state.minRejectedPeakBytes = Math.min(state.minRejectedPeakBytes, peak);
  return peak;
}

export function priceStep(state: SearchState, world: World, layout: Layout): StepReport {
  state.evaluated += 1;
  return estimateStep(world.g.scenario, layout, state.options.stepOptions, world.stepContext);
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
