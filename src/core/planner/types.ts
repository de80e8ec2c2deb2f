/** Inputs and outputs of `planLayouts`. SI units inside (seconds, bytes), days/USD/MWh as named. */
import type { FixedLayout, LayoutViolation } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import type { EstimateMemoryOptions } from '../memory/types.js';
import type { RunEstimate } from '../run/estimate-run.js';
import type { StepOptions } from '../step/options.js';
import type { StepReport } from '../step/types.js';
import type { Objective, ObjectivePoint, PlanRunOptions, RunMetrics } from './objective.js';
import type { ParetoAxes } from './ranking.js';
import type { SearchedField, SpaceLimits } from './space.js';

export interface PlanOptions {
  /** What to minimise. Default 'time' (effective training days). */
  readonly objective?: Objective;
  /** Layouts kept and returned in `top`. Default 10. */
  readonly top?: number;
  /** Share of HBM kept free on top of the memory model's own reserves; a layout fits when peak ≤ (1 − f)·HBM. Default FIT_HEADROOM_FRACTION (memory/types.ts), the policy of every command. */
  readonly headroomFraction?: number;
  /** Largest GPU count allowed. Default: none. */
  readonly maxGpus?: number;
  /** Largest run cost allowed [USD]. Default: none. */
  readonly budgetUsd?: number;
  /** Longest effective training time allowed [days]. Default: none. */
  readonly deadlineDays?: number;
  /** GPU counts to search (the scenario format holds one). Default: the scenario's `cluster.gpus`. */
  readonly gpuCounts?: readonly number[];
  /** Limits of the `auto` candidate sets (space.ts). */
  readonly space?: SpaceLimits;
  /** Step-model assumptions. Default DEFAULT_STEP_OPTIONS. */
  readonly stepOptions?: StepOptions;
  /** Memory-model options (flash attention, dropout, buffers…). Default: the memory model's. */
  readonly memoryOptions?: Omit<EstimateMemoryOptions, 'searchMicroBatch' | 'stageLayers'>;
  /**
   * A layout to compare the winner with, as fields over the scenario's (e.g. the published layout
   * while the scenario searches everything). Default: the scenario's own layout when fully given.
   */
  readonly reference?: FixedLayout;
  /** Run pricing, PUE, grid intensity, goodput (pass the scenario's economics for `estimate`'s numbers). */
  readonly run?: PlanRunOptions;
  /**
   * Called every `progressEvery` decided layouts and at the end: (layouts decided, total valid
   * layouts); while the search still counts its layouts, every `progressEvery` found (layouts decided, found so far).
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Default 4096 layouts. */
  readonly progressEvery?: number;
  /** Polled between layouts; true stops the search and returns the best found so far (Ctrl-C). */
  readonly shouldStop?: () => boolean;
}

/** Memory of a layout against the limit the planner applies. */
export interface PlannedMemory {
  readonly peakBytesPerGpu: number;
  readonly capacityBytes: number;
  /** (1 − headroomFraction) · capacity. */
  readonly limitBytes: number;
  readonly fits: boolean;
}

/** One priced layout. */
export interface PlannedLayout {
  readonly gpus: number;
  readonly layout: Layout;
  readonly step: StepReport;
  readonly memory: PlannedMemory;
  /** The whole run at this layout, priced like `scaleplan estimate` (with `options.run`). */
  readonly run: RunEstimate;
  readonly metrics: RunMetrics;
  /** The objective in its unit: days, USD, MWh, or tokens per joule (higher is better for the last). */
  readonly objectiveValue: number;
  readonly point: ObjectivePoint;
}

/** Where every valid layout went. `enumerated` = Σ of the other layout counts. */
export interface PlanCounts {
  /** Layouts that pass every layout rule (the search space proper). */
  readonly enumerated: number;
  /** Layouts whose GPU count exceeds `maxGpus`. */
  readonly byGpuLimit: number;
  /**
   * Layouts the run model rejects (its rule is in `pruned.byRule`): dp·microBatch not dividing the
   * batch ramp's span, or a GPU count whose failure rate leaves the run no progress.
   */
  readonly byRun: number;
  readonly byMemory: number;
  readonly byBudget: number;
  readonly byDeadline: number;
  /** Layouts whose lower bound could not beat the top N nor join the Pareto front (never priced). */
  readonly byBound: number;
  /** Priced layouts that passed every constraint (candidates for `top`). */
  readonly ranked: number;
  /** Layouts not decided because the search was stopped. */
  readonly undecided: number;
}

export interface PlanPruned {
  /** Rejected combinations per violated field (`enumerate.ts`: combinations of the fields decided so far). */
  readonly byRule: Record<string, number>;
  readonly byMemory: number;
  readonly byBudget: number;
  readonly byDeadline: number;
  readonly byGpuLimit: number;
  readonly byBound: number;
}

/** One component of the step time in two layouts [s]. */
export interface ComponentDelta {
  readonly component: 'compute' | 'exposed tp' | 'exposed ep' | 'exposed cp' | 'exposed dp' | 'exposed pp' | 'bubble' | 'optimizer';
  readonly bestSeconds: number;
  readonly otherSeconds: number;
  /** best − other: negative where the best layout spends less. */
  readonly deltaSeconds: number;
}

/** How the best layout's step differs from another's. */
export interface StepComparison {
  readonly against: 'runner-up' | 'scenario';
  readonly bestStepSeconds: number;
  readonly otherStepSeconds: number;
  readonly deltaSeconds: number;
  /** Layout fields that differ, as `{ field, best, other }`. */
  readonly changes: readonly { readonly field: string; readonly best: string; readonly other: string }[];
  /** Every component, largest |delta| first. */
  readonly components: readonly ComponentDelta[];
}

/** The scenario's own layout when it is fully given: its estimate, or why the planner could not consider it. */
export type ScenarioLayoutResult =
  | { readonly status: 'priced'; readonly planned: PlannedLayout; readonly note: string | null }
  | { readonly status: 'invalid'; readonly violation: LayoutViolation };

/** One constraint of an empty search, with what to relax. */
export interface DiagnosisLine {
  readonly constraint: string;
  readonly eliminated: number;
  /** 'layouts' (complete) or 'combinations' (partial, rejected by a layout rule). */
  readonly unit: 'layouts' | 'combinations';
  readonly detail: string;
  readonly suggestion: string;
}

export interface Diagnosis {
  readonly summary: string;
  readonly lines: readonly DiagnosisLine[];
}

export interface PlanResult {
  readonly objective: Objective;
  readonly best: PlannedLayout | null;
  /** Up to `top` layouts, best first. */
  readonly top: readonly PlannedLayout[];
  /** Non-dominated layouts, fastest first. */
  readonly pareto: readonly PlannedLayout[];
  readonly paretoAxes: ParetoAxes;
  /** Layouts priced (an exact step time and run metrics), each from a pipeline simulation shared by its shardings. */
  readonly evaluated: number;
  /** Pipeline simulations run while pricing (one per skeleton and recomputation, fast-step.ts). */
  readonly simulations: number;
  /** Peak-memory evaluations run. */
  readonly memoryEvaluations: number;
  readonly counts: PlanCounts;
  readonly pruned: PlanPruned;
  /** The reference layout (`options.reference`, else the scenario's own when every field is given); null otherwise. */
  readonly scenarioLayout: ScenarioLayoutResult | null;
  /**
   * The winner against the runner-up — the best returned layout whose step time differs from the
   * winner's (sharding twins tie exactly), else the second — and against the reference layout.
   */
  readonly explanation: { readonly vsRunnerUp: StepComparison | null; readonly vsScenario: StepComparison | null };
  /** Why nothing survived (null when `best` exists). */
  readonly diagnosis: Diagnosis | null;
  readonly stoppedEarly: boolean;
  /** GPU counts searched. */
  readonly gpuCounts: readonly number[];
  /** Layout fields searched (`auto` or a list), in loop order. */
  readonly searched: readonly SearchedField[];
}
