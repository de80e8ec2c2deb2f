/**
 * The mutable state of one search (created per `planLayouts` call, never shared) and the per-GPU-count
 * world it prices in: the scenario on that many GPUs, the bound context, the objective floor and the
 * memory gate. Also the two decisions every level takes: `verdict` (drop by a bound) and `decide`
 * (book layouts into one count, report progress).
 */
import { FIT_HEADROOM_FRACTION } from '../memory/types.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import { createStepContext, type StepContext } from '../step/pricer.js';
import { createBoundContext, type BoundContext } from './bound.js';
import { createTally, type Tally } from './enumerate.js';
import { createMemoryGate, type MemoryGate } from './memory-gate.js';
import { createObjectiveModel, type Objective, type ObjectiveModel, type ObjectivePoint, type PlanRunOptions, type RunMetrics } from './objective.js';
import { createParetoFront, createTopList, type ParetoFront, type TopList } from './ranking.js';
import type { GpuSpace, SearchSpace } from './space.js';
import type { PlanCounts, PlanOptions } from './types.js';
import type { Layout } from '../layout/types.js';
import type { StepReport } from '../step/types.js';
import type { EstimateMemoryOptions } from '../memory/types.js';

/** Plan options with every default applied. */
export interface ResolvedPlanOptions {
  readonly objective: Objective;
  readonly top: number;
  readonly headroomFraction: number;
  readonly maxGpus: number | undefined;
  readonly budgetUsd: number | undefined;
  readonly deadlineDays: number | undefined;
  readonly stepOptions: StepOptions;
  readonly memoryOptions: EstimateMemoryOptions;
  readonly run: PlanRunOptions;
  readonly onProgress: (done: number, total: number) => void;
  readonly progressEvery: number;
  readonly shouldStop: () => boolean;
}

/** The planner's default headroom: the fit policy every command shares (memory/types.ts). */
export const DEFAULT_HEADROOM_FRACTION = FIT_HEADROOM_FRACTION;

export function resolvePlanOptions(options: PlanOptions): ResolvedPlanOptions {
  return {
    objective: options.objective ?? 'time',
    top: options.top ?? 10,
    headroomFraction: options.headroomFraction ?? DEFAULT_HEADROOM_FRACTION,
    maxGpus: options.maxGpus,
    budgetUsd: options.budgetUsd,
    deadlineDays: options.deadlineDays,
    stepOptions: options.stepOptions ?? DEFAULT_STEP_OPTIONS,
    memoryOptions: options.memoryOptions ?? {},
    run: options.run ?? {},
    onProgress: options.onProgress ?? (() => undefined),
    progressEvery: options.progressEvery ?? 4096,
    shouldStop: options.shouldStop ?? (() => false),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface SearchState {
  readonly space: SearchSpace;
  readonly options: ResolvedPlanOptions;
  readonly tally: Tally;
  readonly top: TopList<Candidate>;
  readonly front: ParetoFront<Candidate>;
  readonly stepContext: StepContext;
  readonly counts: Mutable<Omit<PlanCounts, 'enumerated'>>;
  /** Valid layouts found (phase 1) and decided so far. */
  total: number;
  done: number;
  nextProgress: number;
  /** Phase 1 reports progress every `progressEvery` valid layouts found (`counted`). */
  nextCounted: number;
  evaluated: number;
  simulations: number;
  memoryEvaluations: number;
  stopped: boolean;
  /** For the diagnosis: smallest peak that did not fit, smallest states floor that did not fit. */
  minRejectedPeakBytes: number;
  memoryFloorBytes: number;
  /** Memory evaluations the diagnosis needs, run only when the search finds nothing (leaf-memory.ts). */
  readonly memoryReplays: (() => void)[];
  cheapestRejectedUsd: number;
  fastestRejectedDays: number;
}

export function createSearchState(space: SearchSpace, options: ResolvedPlanOptions): SearchState {
  return {
    space,
    options,
    tally: createTally(),
    top: createTopList(options.top),
    front: createParetoFront(space.gpuCounts.length > 1 ? 'time-gpus' : 'time-cost'),
    stepContext: createStepContext(space.scenario, options.stepOptions),
    counts: { byGpuLimit: 0, byRun: 0, byMemory: 0, byBudget: 0, byDeadline: 0, byBound: 0, ranked: 0, undecided: 0 },
    total: 0,
    done: 0,
    nextProgress: options.progressEvery,
    nextCounted: options.progressEvery,
    evaluated: 0,
    simulations: 0,
    memoryEvaluations: 0,
    stopped: false,
    minRejectedPeakBytes: Infinity,
    memoryFloorBytes: Infinity,
    memoryReplays: [],
    cheapestRejectedUsd: Infinity,
    fastestRejectedDays: Infinity,
  };
}

/** One GPU count: where layouts are bounded, checked and priced. */
export interface World {
  readonly g: GpuSpace;
  readonly bc: BoundContext;
  readonly objective: ObjectiveModel;
  readonly memory: MemoryGate;
  readonly stepContext: StepContext;
}

export function createWorld(state: SearchState, g: GpuSpace): World {
  const { options } = state;
  return {
    g,
    bc: createBoundContext(g.scenario, options.stepOptions, state.stepContext),
    objective: createObjectiveModel(options.objective, g.scenario, options.run),
    memory: createMemoryGate(g.scenario, options.headroomFraction, options.memoryOptions),
    stepContext: state.stepContext,
  };
}

/** A priced layout during the search (the whole-run record is built only for the returned ones). */
export interface Candidate {
  readonly world: World;
  readonly layout: Layout;
  /** The step model's report when it was run (exact mode, or the returned layouts); null otherwise. */
  readonly step: StepReport | null;
  readonly stepSeconds: number;
  /** Computation of the critical rank over the step [s] (the GPU activity is compute / step). */
  readonly computeSeconds: number;
  readonly peakBytes: number;
  readonly metrics: RunMetrics;
  readonly point: ObjectivePoint;
}

export type Decision = keyof SearchState['counts'];

/**
 * Adds `layouts` valid layouts found by phase 1 to the total and reports progress (none decided yet)
 * every `progressEvery` of them, so a listener sees a large search's size while it is counted.
 */
export function counted(state: SearchState, layouts: number): void {
  state.total += layouts;
  if (state.total >= state.nextCounted) {
    state.options.onProgress(state.done, state.total);
    state.nextCounted = state.total + state.options.progressEvery;
  }
}

/** Books `layouts` layouts into one count and reports progress every `progressEvery`. */
export function decide(state: SearchState, decision: Decision, layouts: number): void {
  state.counts[decision] += layouts;
  state.done += layouts;
  if (state.done >= state.nextProgress) {
    state.options.onProgress(state.done, state.total);
    state.nextProgress = state.done + state.options.progressEvery;
  }
}

/**
 * True when a verdict has no side effects: without a budget or a deadline, whose verdicts record the
 * cheapest and fastest rejected bound for the diagnosis. A search may then drop a node on a cheaper
 * ground first (memory, an unrefined bound) and book the same layouts.
 */
export function verdictsFree(state: SearchState): boolean {
  return state.options.budgetUsd === undefined && state.options.deadlineDays === undefined;
}

/**
 * Why a node whose objective is at least `floor` can be dropped unpriced, or null: it exceeds the
 * budget or the deadline even at its bound, or it cannot enter the top N and the Pareto front
 * already holds a layout at least as good on both axes.
 */
export function verdict(state: SearchState, floor: ObjectivePoint): Decision | null {
  const { budgetUsd, deadlineDays } = state.options;
  if (budgetUsd !== undefined && floor.usd > budgetUsd) {
    state.cheapestRejectedUsd = Math.min(state.cheapestRejectedUsd, floor.usd);
    return 'byBudget';
  }
  if (deadlineDays !== undefined && floor.days > deadlineDays) {
    state.fastestRejectedDays = Math.min(state.fastestRejectedDays, floor.days);
    return 'byDeadline';
  }
  // Strictly worse only: an equal score may still rank first by its smaller memory peak (ranking.ts).
  if (floor.score > state.top.threshold() && state.front.dominates(floor)) return 'byBound';
  return null;
}

/** True (and the layouts booked as undecided) once the search is told to stop. */
export function stopHere(state: SearchState, leaves: number): boolean {
  if (!state.stopped && !state.options.shouldStop()) return false;
  state.stopped = true;
  decide(state, 'undecided', leaves);
  return true;
}
