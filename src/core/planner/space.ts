/**
 * The search space of `scaleplan plan`: for every layout field, the value the scenario fixes, the
 * list it gives, or — for `auto` — the candidate set below. Candidate sets depend on the fields
 * decided before them (loop order of `enumerate.ts`), so they are functions of those values.
 *
 * | field | `auto` means | default limit |
 * |---|---|---|
 * | tp | divisors of the query heads that pass the tensor rules (kv heads, FFN widths), divide the GPUs and fit in the scale-up domain | ≤ `maxTp` = scale-up domain GPUs |
 * | sequenceParallel | on when tp > 1 (same traffic as plain TP, less memory: never worse in this model) | |
 * | cp | powers of two whose doubled value divides seqLen, dividing GPUs/tp, leaving ≥ `minTokensPerCpRank` tokens per rank | ≤ `maxCp` = 32, ≥ 2048 tokens |
 * | pp | divisors of GPUs/(tp·cp); uneven layer splits allowed | ≤ `maxPp` = ⌊layers/2⌋ (two layers per stage on average) |
 * | dp | the remainder GPUs/(tp·cp·pp) | |
 * | etp | divisors of tp that divide the expert FFN (1 for a dense model) | |
 * | ep | divisors of the expert count dividing tp·cp·dp/etp (1 for a dense model) | |
 * | microBatch | divisors of globalBatch/dp | ≤ `maxMicroBatch` = 16 |
 * | schedule | every schedule (`schedules` option); with pp = 1 only 1f1b, since one stage runs the same program under every schedule | |
 * | vp | interleaved: 2… with pp·vp dividing the layers (or layers + MTP + 2); 1 for the others | ≤ `maxVp` = 8 |
 * | zero | 0, 1, 2, 3 | |
 * | fsdpShardSize | zero 3 only: divisors of dp above 1 (HSDP below dp), dp itself when dp = 1 | |
 * | recompute | none, selective, full | |
 *
 * A schedule left unset (null) follows the scenario default per vp: interleaved when vp > 1, else
 * 1f1b. GPU counts are searched when the planner is given `gpuCounts` (the scenario format holds one
 * count); `order` is never searched.
 */
import { checkLayout, divisors, layoutContext, type LayoutCandidate, type LayoutContext, type LayoutViolation } from '../layout/create-layout.js';
import { SCHEDULE_IDS, type Recompute, type ScheduleId, type ZeroStage } from '../layout/types.js';
import { gpuCountsWithinSitePower } from '../report/site-sizing.js';
import type { Choice, LayoutSpec, Scenario } from '../scenario/types.js';
import { defaultScheduleId, getSchedule } from '../schedules/catalog.js';

/** Limits of the `auto` candidate sets (defaults in the table above). */
export interface SpaceLimits {
  readonly maxTp?: number;
  readonly maxCp?: number;
  readonly minTokensPerCpRank?: number;
  readonly maxPp?: number;
  readonly maxVp?: number;
  readonly maxMicroBatch?: number;
  /** Schedules an `auto` schedule tries. Default: all seven. */
  readonly schedules?: readonly ScheduleId[];
}

export type ResolvedLimits = Required<SpaceLimits>;

/** The whole space: the scenario, the GPU counts and the limits of every `auto`. */
export interface SearchSpace {
  readonly scenario: Scenario;
  readonly spec: LayoutSpec;
  readonly gpuCounts: readonly number[];
  readonly limits: ResolvedLimits;
}

/** One (zero stage, FSDP shard size) option. */
export interface Sharding {
  readonly zero: ZeroStage;
  readonly fsdpShardSize: number;
}

const RECOMPUTES: readonly Recompute[] = ['none', 'selective', 'full'];
const ZEROS: readonly ZeroStage[] = [0, 1, 2, 3];

export function resolveLimits(scenario: Scenario, limits: SpaceLimits = {}): ResolvedLimits {
  return {
    maxTp: limits.maxTp ?? scenario.cluster.scaleUpDomainGpus,
    maxCp: limits.maxCp ?? 32,
    minTokensPerCpRank: limits.minTokensPerCpRank ?? 2048,
    maxPp: limits.maxPp ?? Math.max(1, Math.floor(scenario.model.layers / 2)),
    maxVp: limits.maxVp ?? 8,
    maxMicroBatch: limits.maxMicroBatch ?? 16,
    schedules: limits.schedules ?? SCHEDULE_IDS,
  };
}

export function createSearchSpace(scenario: Scenario, gpuCounts: readonly number[] | undefined, limits: SpaceLimits = {}): SearchSpace {
  const given = gpuCounts === undefined || gpuCounts.length === 0 ? [scenario.cluster.gpus] : [...new Set(gpuCounts)].sort((a, b) => a - b);
  const counts = gpuCountsWithinSitePower(scenario, given);
  return { scenario, spec: scenario.layout, gpuCounts: counts, limits: resolveLimits(scenario, limits) };
}

/** The scenario on `gpus` GPUs (the same object when the count is the scenario's). */
export function scenarioWithGpus(scenario: Scenario, gpus: number): Scenario {
  if (scenario.cluster.gpus === gpus) return scenario;
  return { ...scenario, cluster: { ...scenario.cluster, gpus } };
}

/** A layout field the scenario leaves to the search: `auto`, or the list it gives. */
export interface SearchedField {
  readonly field: keyof Omit<LayoutSpec, 'order'>;
  readonly kind: 'auto' | 'list';
  /** The given list; null for `auto` (the table above says what it means). */
  readonly values: readonly (number | string | boolean)[] | null;
}

const SPEC_FIELDS = ['tp', 'sequenceParallel', 'cp', 'pp', 'vp', 'dp', 'ep', 'etp', 'microBatch', 'schedule', 'zero', 'fsdpShardSize', 'recompute'] as const;

/** The fields `spec` leaves to the search, in loop order (`dp: auto` is the remainder, not a search). */
export function searchedFields(spec: LayoutSpec): SearchedField[] {
  const out: SearchedField[] = [];
  for (const field of SPEC_FIELDS) {
    const choice: Choice<number | string | boolean> | null = spec[field];
    if (field === 'dp' && choice === 'auto') continue;
    if (choice === 'auto') out.push({ field, kind: 'auto', values: null });
    else if (Array.isArray(choice) && choice.length > 1) out.push({ field, kind: 'list', values: [...choice] });
  }
  return out;
}

export function isSearched<T>(choice: Choice<T> | null): boolean {
  return choice === 'auto' || (Array.isArray(choice) && choice.length > 1);
}

function isList<T>(choice: Choice<T>): choice is readonly T[] {
  return Array.isArray(choice);
}

function isAuto<T>(choice: T | 'auto'): choice is 'auto' {
  return choice === 'auto';
}

/** Values of a field: the fixed value, the given list (deduplicated, in order), or `auto()`. */
export function choiceValues<T>(choice: Choice<T>, auto: () => T[]): T[] {
  if (isList(choice)) return [...new Set<T>(choice)];
  if (isAuto(choice)) return auto();
  return [choice];
}

/** A candidate every rule accepts in the fields not given (the neutral inner values of `enumerate.ts`). */
export function neutralCandidate(ctx: LayoutContext, given: Partial<LayoutCandidate>, order: LayoutCandidate['order']): LayoutCandidate {
  const tp = given.tp ?? 1;
  const cp = given.cp ?? 1;
  const pp = given.pp ?? 1;
  const dp = given.dp ?? ctx.gpus / (tp * cp * pp);
  return {
    tp, cp, pp, dp,
    vp: given.vp ?? 1,
    ep: given.ep ?? 1,
    etp: given.etp ?? 1,
    sequenceParallel: given.sequenceParallel ?? tp > 1,
    zero: given.zero ?? 1,
    fsdpShardSize: given.fsdpShardSize ?? dp,
    recompute: given.recompute ?? 'none',
    microBatch: given.microBatch ?? 1,
    schedule: given.schedule ?? defaultScheduleId(1),
    order,
  };
}

/** True unless `checkLayout` blames `field` for the candidate built from `given`. */
function passes(space: SearchSpace, ctx: LayoutContext, given: Partial<LayoutCandidate>, field: string): boolean {
  return checkLayout(ctx, neutralCandidate(ctx, given, space.spec.order))?.field !== field;
}

/** The space at one GPU count: the scenario on that many GPUs and its rule inputs. */
export interface GpuSpace {
  readonly space: SearchSpace;
  readonly gpus: number;
  readonly scenario: Scenario;
  readonly ctx: LayoutContext;
  /** Memo tables of `enumerate.ts`, filled on first use (per search, never shared). */
  readonly memo: {
    readonly schedulesByPp: Map<number, readonly { schedule: ScheduleId; vp: number }[]>;
    /** By pp, then micro-batches per step (numbers, no key string per grid). */
    readonly skeletonsByShape: Map<number, Map<number, SkeletonOptions>>;
    /** Keyed by dp, negative when pipelined (pp > 1 drops the shardings that tie ZeRO-1). */
    readonly leavesByDp: Map<number, LeafOptions>;
  };
}

/** Schedules (with vp) that a (pp, micro-batches) shape admits, and the rejections of the others. */
export interface SkeletonOptions {
  readonly valid: readonly { schedule: ScheduleId; vp: number }[];
  readonly rejected: readonly LayoutViolation[];
}

/** Sharding options of a data-parallel degree split by the rules, and the recomputation options. */
export interface LeafOptions {
  readonly shardings: readonly Sharding[];
  readonly rejected: readonly LayoutViolation[];
  readonly recomputes: readonly Recompute[];
}

export function createGpuSpace(space: SearchSpace, gpus: number): GpuSpace {
  const scenario = scenarioWithGpus(space.scenario, gpus);
  return {
    space, gpus, scenario, ctx: layoutContext(scenario),
    memo: { schedulesByPp: new Map(), skeletonsByShape: new Map(), leavesByDp: new Map() },
  };
}

export function tpValues(space: SearchSpace, ctx: LayoutContext): number[] {
  const limit = Math.min(space.limits.maxTp, space.scenario.cluster.scaleUpDomainGpus);
  return choiceValues(space.spec.tp, () =>
    divisors(ctx.model.attention.heads).filter((t) => t <= limit && ctx.gpus % t === 0 && passes(space, ctx, { tp: t, dp: ctx.gpus / t }, 'layout.tp')),
  );
}

export function sequenceParallelValues(space: SearchSpace, tp: number): boolean[] {
  const spec = space.spec.sequenceParallel;
  if (spec === null || spec === 'auto') return [tp > 1];
  return [...new Set(choiceValues(spec, () => [tp > 1]).map((sp) => sp && tp > 1))];
}

export function cpValues(space: SearchSpace, ctx: LayoutContext, tp: number): number[] {
  const { maxCp, minTokensPerCpRank } = space.limits;
  return choiceValues(space.spec.cp, () => {
    const out: number[] = [];
    for (let c = 1; c <= maxCp; c *= 2) {
      if (c > 1 && ctx.seqLen / c < minTokensPerCpRank) break;
      if ((ctx.gpus / tp) % c === 0 && passes(space, ctx, { tp, cp: c, dp: ctx.gpus / (tp * c) }, 'layout.cp')) out.push(c);
    }
    return out;
  });
}

export function ppValues(space: SearchSpace, ctx: LayoutContext, tp: number, cp: number): number[] {
  const rest = ctx.gpus / (tp * cp);
  return choiceValues(space.spec.pp, () => (Number.isInteger(rest) ? divisors(rest).filter((p) => p <= Math.min(space.limits.maxPp, ctx.model.layers)) : []));
}

/** dp `auto` = the remainder (possibly fractional: the product rule then rejects it). */
export function dpValues(space: SearchSpace, ctx: LayoutContext, tp: number, cp: number, pp: number): number[] {
  return choiceValues(space.spec.dp, () => [ctx.gpus / (tp * cp * pp)]);
}

export function etpValues(space: SearchSpace, ctx: LayoutContext, tp: number): number[] {
  if (ctx.model.moe === null) return choiceValues(space.spec.etp, () => [1]);
  return choiceValues(space.spec.etp, () => divisors(tp).filter((e) => passes(space, ctx, { tp, etp: e }, 'layout.etp')));
}

export function epValues(space: SearchSpace, ctx: LayoutContext, stageRanks: number, etp: number): number[] {
  const moe = ctx.model.moe;
  if (moe === null) return choiceValues(space.spec.ep, () => [1]);
  return choiceValues(space.spec.ep, () => divisors(moe.experts).filter((e) => stageRanks % (e * etp) === 0));
}

export function microBatchValues(space: SearchSpace, ctx: LayoutContext, dp: number): number[] {
  const perReplica = ctx.globalBatch / dp;
  return choiceValues(space.spec.microBatch, () =>
    Number.isInteger(perReplica) ? divisors(perReplica).filter((b) => b <= space.limits.maxMicroBatch) : [],
  );
}

/** Schedules with their vp values, in a fixed order. `null` schedule = the scenario default per vp. */
export function scheduleValues(g: GpuSpace, pp: number): readonly { schedule: ScheduleId; vp: number }[] {
  const known = g.memo.schedulesByPp.get(pp);
  if (known !== undefined) return known;
  const values = listSchedules(g.space, g.ctx, pp);
  g.memo.schedulesByPp.set(pp, values);
  return values;
}

function listSchedules(space: SearchSpace, ctx: LayoutContext, pp: number): { schedule: ScheduleId; vp: number }[] {
  const out: { schedule: ScheduleId; vp: number }[] = [];
  const spec = space.spec.schedule;
  if (spec === null) {
    for (const vp of vpValues(space, ctx, pp, defaultScheduleId(2), true)) out.push({ schedule: defaultScheduleId(vp), vp });
    return out;
  }
  const schedules = choiceValues<ScheduleId>(spec, () => (pp === 1 ? [defaultScheduleId(1)] : [...space.limits.schedules]));
  for (const schedule of schedules) for (const vp of vpValues(space, ctx, pp, schedule, false)) out.push({ schedule, vp });
  return out;
}

/** vp values of one schedule: one with virtual chunks takes 2… (`withOne` adds 1 for the default schedule), others 1. */
function vpValues(space: SearchSpace, ctx: LayoutContext, pp: number, schedule: ScheduleId, withOne: boolean): number[] {
  return choiceValues(space.spec.vp, () => {
    if (!getSchedule(schedule).virtualChunks || pp === 1) return [1];
    const out = withOne ? [1] : [];
    for (let v = 2; v <= space.limits.maxVp; v += 1) {
      if (passes(space, ctx, { pp, vp: v, dp: ctx.gpus / pp, schedule }, 'layout.vp')) out.push(v);
    }
    return out;
  });
}

/**
 * (zero, fsdpShardSize) pairs for a data-parallel degree. With a pipeline (`pipelined`: pp > 1)
 * ZeRO-2, and ZeRO-3 over the whole dp group, are priced exactly as ZeRO-1 (memory/states.ts,
 * step/data-parallel.ts), so a search that also offers ZeRO-1 leaves them out instead of listing
 * rows that tie it; HSDP shards below dp stay (they shard and communicate differently).
 */
export function shardingValues(space: SearchSpace, dp: number, pipelined = false): Sharding[] {
  const out: Sharding[] = [];
  const zeros = choiceValues(space.spec.zero, () => [...ZEROS]);
  const tiesZeroOne = (zero: number, shard: number): boolean => pipelined && zeros.includes(1) && (zero === 2 || (zero === 3 && shard === dp));
  for (const zero of zeros) {
    if (zero !== 3) {
      if (tiesZeroOne(zero, dp)) continue;
      const given = space.spec.fsdpShardSize;
      // A shard size applies only to zero 3; a given one stays (and the rule rejects it) otherwise.
      for (const shard of given === null || given === 'auto' ? [dp] : choiceValues(given, () => [dp])) out.push({ zero, fsdpShardSize: shard });
      continue;
    }
    const shards = choiceValues(space.spec.fsdpShardSize ?? 'auto', () => (dp === 1 ? [1] : divisors(dp).filter((s) => s > 1)));
    for (const shard of shards) if (!tiesZeroOne(zero, shard)) out.push({ zero, fsdpShardSize: shard });
  }
  return out;
}

export function recomputeValues(space: SearchSpace): Recompute[] {
  return choiceValues(space.spec.recompute, () => [...RECOMPUTES]);
}
