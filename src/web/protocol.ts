/**
 * Messages between the page and its workers. Plain data only (structured clone); the types come
 * from the core's public index, so the page shows exactly what the library computes.
 */
import type {
  BottleneckReport, DpEpComparison, DpEpNotApplicable, Layout, MemoryEstimate, PlanResult, RunEstimate, SiteEstimate,
  StepReport, TpPpComparison, ValidationReport, WhatIfResult,
} from '../core/index.js';

export interface Catalog {
  readonly models: readonly string[];
  readonly accelerators: readonly string[];
  readonly precisions: readonly string[];
  readonly schedules: readonly string[];
  readonly whatIfKeys: readonly string[];
  readonly objectives: readonly string[];
  /** Share of HBM the planner keeps free. */
  readonly headroomFraction: number;
}

export interface ScenarioHeader {
  readonly name: string;
  readonly model: string;
  readonly accelerator: string;
  readonly gpus: number;
  readonly hbmBytes: number;
}

/** What `scaleplan estimate` computes, for the headline figures and the memory, step, pipeline and run charts. */
export interface EstimateView {
  readonly scenario: ScenarioHeader;
  readonly layout: Layout;
  readonly memory: MemoryEstimate;
  readonly step: StepReport;
  readonly run: RunEstimate;
  /** Worker time to parse and estimate [ms]. */
  readonly computeMs: number;
}

/** The slower analyses, sent after the estimate. */
export interface AnalysisView {
  readonly site: SiteEstimate | null;
  readonly siteError: string | null;
  readonly bottlenecks: BottleneckReport;
  readonly whatIf: Omit<WhatIfResult, 'scenario'> | null;
  readonly tpPp: TpPpComparison;
  readonly dpEp: DpEpComparison | DpEpNotApplicable;
}

export type CoreRequest =
  | { readonly kind: 'evaluate'; readonly id: number; readonly text: string; readonly whatIf: string }
  | { readonly kind: 'validate'; readonly runsUrl: string }
  | ({ readonly kind: 'plan' } & PlanRequest);

export type CoreResponse =
  | { readonly kind: 'catalog'; readonly catalog: Catalog }
  | { readonly kind: 'estimate'; readonly id: number; readonly view: EstimateView }
  | { readonly kind: 'analysis'; readonly id: number; readonly view: AnalysisView }
  | { readonly kind: 'error'; readonly id: number; readonly message: string; readonly field: string | null }
  | { readonly kind: 'validate'; readonly report: ValidationReport | null; readonly message: string | null }
  | PlanResponse;

export interface PlanRequest {
  readonly text: string;
  readonly objective: string;
  readonly top: number;
}

export type PlanResponse =
  | { readonly kind: 'plan-progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'plan-result'; readonly result: PlanResult; readonly searchedAll: boolean; readonly elapsedMs: number }
  | { readonly kind: 'plan-error'; readonly message: string };
