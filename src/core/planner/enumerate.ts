/**
 * Lazy enumeration of the valid layouts of a search space, in four nested levels so that the
 * divisibility rules prune whole sub-trees before their inner loops run:
 *
 *   degrees   gpus → tp → sequenceParallel → cp → pp → dp → etp → ep
 *   grid      + microBatch
 *   skeleton  + schedule → vp
 *   leaf      + (zero, fsdpShardSize) → recompute
 *
 * Each level builds its partial layout, fills the fields not yet decided with neutral values that no
 * rule rejects (vp 1, 1f1b, micro-batch 1, zero 1 with shard = dp, no recompute) and asks
 * `checkLayout`. A violation then belongs to the level's own fields, so the partial combination is
 * dropped with everything beneath it and counted once under the violated field (`Tally`): counts
 * are of combinations of the fields decided so far, not of complete layouts. A layout yielded at
 * the leaf level passes every rule (`createLayout` accepts it).
 *
 * The schedule rules read only (pp, vp, schedule, micro-batches) and the sharding rules only (dp,
 * zero, shard size), so their outcomes are memoised per shape (`GpuSpace.memo`): a grid's leaves
 * are counted in O(1) without building them.
 */
import { checkExpertSplit, checkLayout, checkMicroBatch, type LayoutCandidate, type LayoutViolation } from '../layout/create-layout.js';
import type { Layout, Recompute, ScheduleId } from '../layout/types.js';
import {
  cpValues, createGpuSpace, dpValues, epValues, etpValues, microBatchValues, neutralCandidate, ppValues, recomputeValues, scheduleValues,
  sequenceParallelValues, shardingValues, tpValues,
  type GpuSpace, type LeafOptions, type SearchSpace, type Sharding, type SkeletonOptions,
} from './space.js';

/** Parallel degrees of one pipeline stage (level 1). */
export interface Degrees {
  readonly gpus: number;
  readonly tp: number;
  readonly sequenceParallel: boolean;
  readonly cp: number;
  readonly pp: number;
  readonly dp: number;
  readonly etp: number;
  readonly ep: number;
}

/** Degrees and a micro-batch size (level 2). */
export interface Grid extends Degrees {
  readonly microBatch: number;
}

/** A grid with its pipeline schedule (level 3): everything but sharding and recomputation. */
export interface Skeleton extends Grid {
  readonly schedule: ScheduleId;
  readonly vp: number;
}

/** Rejected partial combinations per violated field, with the first violation as an example. */
export interface Tally {
  readonly rejected: Map<string, { count: number; example: LayoutViolation }>;
}

export function createTally(): Tally {
  return { rejected: new Map() };
}

export function reject(tally: Tally, violation: LayoutViolation, count = 1): void {
  if (count <= 0) return;
  const entry = tally.rejected.get(violation.field);
  if (entry === undefined) tally.rejected.set(violation.field, { count, example: violation });
  else entry.count += count;
}

/** Rejections per field as a plain record. */
export function rejectedByRule(tally: Tally): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, entry] of tally.rejected) out[field] = entry.count;
  return out;
}

/*
 * Degrees, grids and skeletons are built field by field in one fixed order (no spread of the level
 * above): each level then has one hidden class, and the code that reads them (the bounds, the
 * pricer's keys) stays monomorphic. A spread copies the source's hidden class and adds to it, so a
 * level built from several shapes, or from objects whose number fields changed representation,
 * spreads into many classes, and every read of them misses V8's inline caches while the search runs.
 */

function degreesOf(outer: Omit<Degrees, 'etp' | 'ep'>, etp: number, ep: number): Degrees {
  return { gpus: outer.gpus, tp: outer.tp, sequenceParallel: outer.sequenceParallel, cp: outer.cp, pp: outer.pp, dp: outer.dp, etp, ep };
}

function gridOf(d: Degrees, microBatch: number): Grid {
  return { gpus: d.gpus, tp: d.tp, sequenceParallel: d.sequenceParallel, cp: d.cp, pp: d.pp, dp: d.dp, etp: d.etp, ep: d.ep, microBatch };
}

/** A grid with a schedule and its virtual stages. */
export function skeletonOf(g: Grid, schedule: ScheduleId, vp: number): Skeleton {
  return { gpus: g.gpus, tp: g.tp, sequenceParallel: g.sequenceParallel, cp: g.cp, pp: g.pp, dp: g.dp, etp: g.etp, ep: g.ep, microBatch: g.microBatch, schedule, vp };
}

function violationOf(g: GpuSpace, given: Partial<LayoutCandidate>): LayoutViolation | null {
  return checkLayout(g.ctx, neutralCandidate(g.ctx, given, g.space.spec.order));
}

function admit(g: GpuSpace, given: Partial<LayoutCandidate>, tally: Tally): boolean {
  const broken = violationOf(g, given);
  if (broken === null) return true;
  reject(tally, broken);
  return false;
}

/**
 * The expert splits of `outer`, admitted by `enumerateDegrees` with ep = etp = 1: only the rules that
 * read ep or etp are asked (`checkExpertSplit`).
 */
function* expertDegrees(g: GpuSpace, outer: Omit<Degrees, 'etp' | 'ep'>, tally: Tally): Generator<Degrees> {
  const neutral = neutralCandidate(g.ctx, outer, g.space.spec.order);
  for (const etp of etpValues(g.space, g.ctx, outer.tp)) {
    for (const ep of epValues(g.space, g.ctx, outer.tp * outer.cp * outer.dp, etp)) {
      const broken = checkExpertSplit(g.ctx, neutral, ep, etp);
      if (broken === null) yield degreesOf(outer, etp, ep);
      else reject(tally, broken);
    }
  }
}

/** Level 1: every admissible set of degrees on the GPU count of `g`. */
export function* enumerateDegrees(g: GpuSpace, tally: Tally): Generator<Degrees> {
  const { space, ctx, gpus } = g;
  for (const tp of tpValues(space, ctx)) {
    for (const sequenceParallel of sequenceParallelValues(space, tp)) {
      for (const cp of cpValues(space, ctx, tp)) {
        for (const pp of ppValues(space, ctx, tp, cp)) {
          for (const dp of dpValues(space, ctx, tp, cp, pp)) {
            const outer = { gpus, tp, sequenceParallel, cp, pp, dp };
            if (!Number.isInteger(dp)) {
              reject(tally, { field: 'layout.dp', value: 'auto', rule: `cluster.gpus ${gpus} is not divisible by tp·cp·pp = ${tp}·${cp}·${pp} = ${tp * cp * pp}` });
              continue;
            }
            if (admit(g, outer, tally)) yield* expertDegrees(g, outer, tally);
          }
        }
      }
    }
  }
}

/**
 * Level 2: the micro-batch sizes of one set of degrees (admitted by `enumerateDegrees`: its neutral
 * candidate, micro-batch 1, passes every rule, so only the rules that read the micro-batch size are
 * asked, `checkMicroBatch`).
 */
export function* enumerateGrids(g: GpuSpace, degrees: Degrees, tally: Tally): Generator<Grid> {
  const neutral = neutralCandidate(g.ctx, degrees, g.space.spec.order);
  const sizes = microBatchValues(g.space, g.ctx, degrees.dp);
  for (let i = 0; i < sizes.length; i += 1) {
    const microBatch = sizes[i] ?? 1;
    const broken = checkMicroBatch(g.ctx, neutral, microBatch);
    if (broken === null) yield gridOf(degrees, microBatch);
    else reject(tally, broken);
  }
}

/** Micro-batches per pipeline per step of a grid. */
export function microBatchesOf(g: GpuSpace, grid: Grid): number {
  return g.ctx.globalBatch / (grid.dp * grid.microBatch);
}

/** The schedules a grid admits; memoised per (pp, micro-batches), the only inputs of their rules. */
export function skeletonOptions(g: GpuSpace, grid: Grid): SkeletonOptions {
  const m = microBatchesOf(g, grid);
  let byM = g.memo.skeletonsByShape.get(grid.pp);
  if (byM === undefined) {
    byM = new Map();
    g.memo.skeletonsByShape.set(grid.pp, byM);
  }
  const known = byM.get(m);
  if (known !== undefined) return known;
  const valid: { schedule: ScheduleId; vp: number }[] = [];
  const rejected: LayoutViolation[] = [];
  for (const option of scheduleValues(g, grid.pp)) {
    const broken = violationOf(g, { ...grid, ...option });
    if (broken === null) valid.push(option);
    else rejected.push(broken);
  }
  const options = { valid, rejected };
  byM.set(m, options);
  return options;
}

/** Level 3: the schedules (and vp) of one grid; rejections are tallied by `countGridLeaves`. */
export function skeletonsOf(g: GpuSpace, grid: Grid): Skeleton[] {
  return skeletonOptions(g, grid).valid.map((option) => skeletonOf(grid, option.schedule, option.vp));
}

/** The key of `leafOptions`' memo: dp, negative when pipelined. */
function leavesKey(shape: Pick<Degrees, 'dp' | 'pp'>): number {
  return shape.pp > 1 ? -shape.dp : shape.dp;
}

/** Sharding and recomputation options under a skeleton; memoised per dp and pipelining (the sharding rules read dp and zero only). */
export function leafOptions(g: GpuSpace, skeleton: Skeleton): LeafOptions {
  const key = leavesKey(skeleton);
  const known = g.memo.leavesByDp.get(key);
  if (known !== undefined) return known;
  const shardings: Sharding[] = [];
  const rejected: LayoutViolation[] = [];
  for (const sharding of shardingValues(g.space, skeleton.dp, skeleton.pp > 1)) {
    const broken = violationOf(g, { ...skeleton, ...sharding });
    if (broken === null) shardings.push(sharding);
    else rejected.push(broken);
  }
  const options = { shardings, rejected, recomputes: recomputeValues(g.space) };
  g.memo.leavesByDp.set(key, options);
  return options;
}

/** Valid layouts under a grid, with the rejected schedules and shardings beneath it tallied. O(1) after memoisation. */
export function countGridLeaves(g: GpuSpace, grid: Grid, tally: Tally): number {
  const skeletons = skeletonOptions(g, grid);
  // Indexed loops, and a skeleton built only when the grid's dp has no options yet: this runs per grid.
  for (let i = 0; i < skeletons.rejected.length; i += 1) {
    const broken = skeletons.rejected[i];
    if (broken !== undefined) reject(tally, broken);
  }
  const first = skeletons.valid[0];
  if (first === undefined) return 0;
  const leaves = g.memo.leavesByDp.get(leavesKey(grid)) ?? leafOptions(g, skeletonOf(grid, first.schedule, first.vp));
  const n = skeletons.valid.length;
  for (let i = 0; i < leaves.rejected.length; i += 1) {
    const broken = leaves.rejected[i];
    if (broken !== undefined) reject(tally, broken, n * leaves.recomputes.length);
  }
  return n * leaves.shardings.length * leaves.recomputes.length;
}

/** The complete candidate of a skeleton with one sharding and one recomputation. */
export function leafCandidate(space: SearchSpace, skeleton: Skeleton, sharding: Sharding, recompute: Recompute): LayoutCandidate {
  return {
    tp: skeleton.tp, pp: skeleton.pp, vp: skeleton.vp, ep: skeleton.ep, etp: skeleton.etp, cp: skeleton.cp, dp: skeleton.dp,
    sequenceParallel: skeleton.sequenceParallel, zero: sharding.zero, fsdpShardSize: sharding.fsdpShardSize, recompute,
    microBatch: skeleton.microBatch, schedule: skeleton.schedule, order: space.spec.order,
  };
}

/** A checked candidate with its derived fields, as `createLayout` would return it. */
export function layoutOf(g: GpuSpace, c: LayoutCandidate): Layout {
  return {
    tp: c.tp, pp: c.pp, vp: c.vp, ep: c.ep, etp: c.etp, cp: c.cp, dp: c.dp,
    edp: (c.tp * c.cp * c.dp) / (c.ep * c.etp),
    sequenceParallel: c.sequenceParallel, zero: c.zero, fsdpShardSize: c.fsdpShardSize, recompute: c.recompute,
    microBatch: c.microBatch, microBatches: g.ctx.globalBatch / (c.dp * c.microBatch), schedule: c.schedule, order: c.order,
  };
}

/**
 * The layout of a skeleton with one sharding and one recomputation: `layoutOf(leafCandidate(…))`
 * built in one object (the search builds one per leaf it bounds, checks or prices).
 */
export function leafLayout(g: GpuSpace, skeleton: Skeleton, sharding: Sharding, recompute: Recompute): Layout {
  return gridLeafLayout(g, skeleton, skeleton.schedule, skeleton.vp, sharding, recompute);
}

/** `leafLayout` of the skeleton of `grid` with `schedule` and `vp`, without building the skeleton. */
export function gridLeafLayout(g: GpuSpace, grid: Grid, schedule: ScheduleId, vp: number, sharding: Sharding, recompute: Recompute): Layout {
  const { tp, pp, ep, etp, cp, dp, microBatch } = grid;
  return {
    tp, pp, vp, ep, etp, cp, dp,
    edp: (tp * cp * dp) / (ep * etp),
    sequenceParallel: grid.sequenceParallel, zero: sharding.zero, fsdpShardSize: sharding.fsdpShardSize, recompute,
    microBatch, microBatches: g.ctx.globalBatch / (dp * microBatch), schedule, order: g.space.spec.order,
  };
}

/** Level 4: the valid layouts of one skeleton. */
export function* enumerateLeaves(g: GpuSpace, skeleton: Skeleton): Generator<LayoutCandidate> {
  const options = leafOptions(g, skeleton);
  for (const sharding of options.shardings) {
    for (const recompute of options.recomputes) yield leafCandidate(g.space, skeleton, sharding, recompute);
  }
}

/**
 * Every valid layout of the space, lazily, with the rejected combinations counted in `tally`.
 * Yields `{ gpus, candidate }`; `createLayout` (on the scenario with that GPU count) accepts each.
 */
export function* enumerateLayouts(space: SearchSpace, tally: Tally = createTally()): Generator<{ gpus: number; candidate: LayoutCandidate }> {
  for (const gpus of space.gpuCounts) {
    const g = createGpuSpace(space, gpus);
    for (const degrees of enumerateDegrees(g, tally)) {
      for (const grid of enumerateGrids(g, degrees, tally)) {
        countGridLeaves(g, grid, tally);
        for (const skeleton of skeletonsOf(g, grid)) {
          for (const candidate of enumerateLeaves(g, skeleton)) yield { gpus, candidate };
        }
      }
    }
  }
}
