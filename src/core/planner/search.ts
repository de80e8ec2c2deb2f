/**
 * Branch and bound over the levels of `enumerate.ts`. Phase 1 enumerates every degrees node and
 * its grids (counting their valid layouts in O(1) per grid) and bounds each node; without a budget
 * or a deadline it drops first the degrees whose states alone exceed the memory limit. Phase 2 visits
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
import { defaultScheduleId, getSchedule } from '../schedules/catalog.js';
import { averageOptimizerSeconds, gridFloors, pipelineBound, pipelineSpan, skeletonFloor, type GridFloors, type PipelineBound, type PipelineWalk, type ScheduleKinds } from './bound.js';
import { judgeOf, visitBestFirst, type LazyNode } from './best-first.js';
import {
  countGridLeaves, enumerateDegrees, enumerateGrids, gridLeafLayout, leafLayout, leafOptions, reject, skeletonOf, skeletonsOf,
  type Degrees, type Grid, type Skeleton,
} from './enumerate.js';
import type { Layout } from '../layout/types.js';
import type { ObjectivePoint } from './objective.js';
import { counted, createWorld, decide, stopHere, verdict, verdictsFree, type SearchState, type World } from './search-state.js';
import { createGpuSpace, scheduleValues, type Sharding } from './space.js';
import { visitSkeleton } from './visit-skeleton.js';

interface GridNode {
  readonly grid: Grid;
  readonly leaves: number;
  /** The grid's step bound (bound.ts gridFloor) and its objective floor. */
  readonly floor: ObjectivePoint;
  /** The grid's step bounds per kind of schedule (a cheap bound of each of its skeletons). */
  readonly floors: GridFloors;
}

interface DegreeNode {
  readonly world: World;
  readonly degrees: Degrees;
  readonly grids: readonly GridNode[];
  readonly leaves: number;
  readonly floor: ObjectivePoint;
}

function gridSkeleton(grid: Grid): Skeleton {
  return skeletonOf(grid, defaultScheduleId(1), 1);
}

/** The sharding options of a grid and the one to bound its optimizer with (any ZeRO ≥ 1 shards it). */
function gridShardings(world: World, grid: Grid, skeleton: Skeleton = gridSkeleton(grid)): { all: readonly Sharding[]; floor: Sharding } {
  const all = leafOptions(world.g, skeleton).shardings;
  return { all, floor: all.find((s) => s.zero >= 1) ?? all[0] ?? { zero: 0, fsdpShardSize: grid.dp } };
}

/** The kinds of schedule a pipeline depth admits (bound.ts gridFloors). */
function scheduleKinds(world: World, pp: number): ScheduleKinds {
  const options = scheduleValues(world.g, pp);
  const paired = options.some((o) => getSchedule(o.schedule).pairsChunks);
  return { paired, unpaired: options.some((o) => !getSchedule(o.schedule).pairsChunks) };
}

/** What the bounds of the grids of one set of degrees share: the kinds of schedule and the average rank's optimizer. */
interface DegreesBound {
  readonly kinds: ScheduleKinds;
  readonly optimizerSeconds: number;
}

function degreesBound(world: World, grid: Grid): DegreesBound {
  const skeleton = gridSkeleton(grid);
  const layout = leafLayout(world.g, skeleton, gridShardings(world, grid, skeleton).floor, 'none');
  return { kinds: scheduleKinds(world, grid.pp), optimizerSeconds: averageOptimizerSeconds(world.bc, layout) };
}

/** A grid's layout as its bound prices it: no recomputation, no sharding (the optimizer is the degrees'). */
function gridLayout(world: World, grid: Grid): Layout {
  return gridLeafLayout(world.g, grid, defaultScheduleId(1), 1, { zero: 0, fsdpShardSize: grid.dp }, 'none');
}

/** Layouts phase 1 drops, booked when phase 2 starts (phase 1 reports the total as it grows, with little decided). */
interface Dropped {
  byMemory: number;
}

/** Phase 1 for one GPU count: degrees nodes with their grids, layout counts and bounds. */
function collectGpuCount(state: SearchState, gpus: number, dropped: Dropped): DegreeNode[] {
  const g = createGpuSpace(state.space, gpus);
  const overLimit = state.options.maxGpus !== undefined && gpus > state.options.maxGpus;
  const world = createWorld(state, g);
  const nodes: DegreeNode[] = [];
  // Degrees whose states alone exceed the memory limit are dropped here, before their grids are
  // bounded, when verdicts are free: phase 2 would drop them unpriced, by their bound or by memory.
  const memoryFirst = verdictsFree(state);
  for (const degrees of enumerateDegrees(g, state.tally)) {
    const grids: GridNode[] = [];
    let shared: DegreesBound | null = null;
    let overMemory: boolean | null = null;
    for (const grid of enumerateGrids(g, degrees, state.tally)) {
      const leaves = countGridLeaves(g, grid, state.tally);
      counted(state, leaves);
      if (leaves === 0) continue;
      if (overLimit) {
        decide(state, 'byGpuLimit', leaves);
        continue;
      }
      try {
        world.objective.check(grid.dp * grid.microBatch);
      } catch (error) {
        if (!isInputError(error)) throw error;
        const why = error.field === 'batchQuantum' ? ' (the batch ramp must fill whole micro-batches of dp·microBatch sequences)' : '';
        reject(state.tally, { field: error.field, value: error.value, rule: `${error.rule}${why}` });
        decide(state, 'byRun', leaves);
        continue;
      }
      if (memoryFirst && (overMemory ??= statesExceedLimit(state, world, grid))) {
        dropped.byMemory += leaves;
        continue;
      }
      shared ??= degreesBound(world, grid);
      const floors = gridFloors(world.bc, gridLayout(world, grid), shared.kinds, shared.optimizerSeconds);
      grids.push({ grid, leaves, floors, floor: world.objective.floor(Math.min(floors.paired, floors.unpaired), grid.dp * grid.microBatch) });
    }
    if (grids.length > 0) nodes.push(boundDegrees(world, degrees, grids));
  }
  return nodes;
}

/**
 * Bound of a degrees node: the least of its grids' bounds. (Not the bound at its largest
 * micro-batch alone: per-step compute need not fall with the micro-batch — GEMM efficiency, tile
 * and wave quantisation — so that would assume a monotonicity the step model does not promise.)
 */
function boundDegrees(world: World, degrees: Degrees, grids: readonly GridNode[]): DegreeNode {
  let score = Infinity;
  let days = Infinity;
  let usd = Infinity;
  let gpus = world.g.gpus;
  let leaves = 0;
  // One record at the end, not one per grid.
  for (let i = 0; i < grids.length; i += 1) {
    const node = grids[i];
    if (node === undefined) continue;
    const p = node.floor;
    score = Math.min(score, p.score);
    days = Math.min(days, p.days);
    usd = Math.min(usd, p.usd);
    gpus = p.gpus;
    leaves += node.leaves;
  }
  return { world, degrees, grids, leaves, floor: { score, days, usd, gpus } };
}

/** Phase 1 and 2: every GPU count, best bound first. */
export function runSearch(state: SearchState): void {
  const dropped: Dropped = { byMemory: 0 };
  const nodes = state.space.gpuCounts.flatMap((gpus) => collectGpuCount(state, gpus, dropped));
  if (dropped.byMemory > 0) decide(state, 'byMemory', dropped.byMemory);
  nodes.sort((a, b) => a.floor.score - b.floor.score);
  for (const node of nodes) {
    if (!stopHere(state, node.leaves)) visitDegrees(state, node);
  }
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
  if (!verdictsFree(state) && first !== undefined && statesExceedLimit(state, world, first)) return decide(state, 'byMemory', node.leaves);
  const grids = [...node.grids];
  grids.sort((a, b) => a.floor.score - b.floor.score);
  for (const g of grids) {
    if (stopHere(state, g.leaves)) continue;
    const v = verdict(state, g.floor);
    if (v !== null) decide(state, v, g.leaves);
    else visitGrid(state, world, g);
  }
}

/**
 * The skeletons of a grid, best bound first (best-first.ts): each starts from the grid's bound for
 * its kind of schedule and is bounded itself (one pipeline bound) only when that cannot drop it.
 */
function visitGrid(state: SearchState, world: World, node: GridNode): void {
  const { grid } = node;
  const skeletons = skeletonsOf(world.g, grid);
  const first = skeletons[0];
  if (first === undefined) return;
  const options = leafOptions(world.g, first);
  const perSkeleton = options.shardings.length * options.recomputes.length;
  const quantum = grid.dp * grid.microBatch;
  // The skeletons' floors read only the shardings' optimizer inputs (zero, dp, cp, edp), which the
  // skeletons of a grid share: one set of layouts per grid.
  const layouts = options.shardings.map((s) => leafLayout(world.g, first, s, 'none'));
  const lazy = skeletons.map((skeleton): LazyNode<Skeleton> => {
    const floor = getSchedule(skeleton.schedule).pairsChunks ? node.floors.paired : node.floors.unpaired;
    return { item: skeleton, leaves: perSkeleton, cheap: world.objective.floor(floor, quantum) };
  });
  // A skeleton's bound reads only its pipeline's span; the ranks' records are built for the
  // skeletons visited (most bounded skeletons are dropped), on the prices their span read.
  const plainLayout = (skeleton: Skeleton): Layout => leafLayout(world.g, skeleton, { zero: 1, fsdpShardSize: skeleton.dp }, 'none');
  const spans = new Map<Skeleton, { layout: Layout; span: PipelineWalk }>();
  const refine = (skeleton: Skeleton): ObjectivePoint => {
    const layout = plainLayout(skeleton);
    const span = pipelineSpan(world.bc, layout);
    spans.set(skeleton, { layout, span });
    return world.objective.floor(skeletonFloor(world.bc, span, layouts), quantum, span.minComputeSeconds);
  };
  const plain = (skeleton: Skeleton): PipelineBound => {
    const refined = spans.get(skeleton);
    return refined === undefined ? pipelineBound(world.bc, plainLayout(skeleton)) : pipelineBound(world.bc, refined.layout, refined.span);
  };
  visitBestFirst(judgeOf(state), lazy, refine, (skeleton) => {
    visitSkeleton(state, world, skeleton, () => plain(skeleton));
    spans.delete(skeleton);
  });
}

