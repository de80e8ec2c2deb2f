/**
 * Public API of the layout planner: the search space of a scenario's `auto` fields, a lazy
 * enumeration of its valid layouts, and `planLayouts` (prune by memory, bound, price, rank, explain).
 */
export { planLayouts } from './plan.js';
export {
  checkPlanOptions, MAX_TOP, parseSearchFields, planRequest, type PlannedRequest, type PlanOptionName, type PlanOptionNames, type PlanRequest,
} from './plan-request.js';
export type {
  ComponentDelta, Diagnosis, DiagnosisLine, PlanCounts, PlannedLayout, PlannedMemory, PlanOptions, PlanPruned, PlanResult,
  ScenarioLayoutResult, StepComparison,
} from './types.js';
export { OBJECTIVES, estimateLayoutRun, objectiveValue, runMetrics, type Objective, type ObjectivePoint, type PlanRunOptions, type RunMetrics } from './objective.js';
export type { ParetoAxes } from './ranking.js';
export {
  createSearchSpace, resolveLimits, scenarioWithGpus, searchedFields, type ResolvedLimits, type SearchedField, type SearchSpace, type SpaceLimits,
} from './space.js';
export { createTally, enumerateLayouts, rejectedByRule, type Tally } from './enumerate.js';
export { SEARCHABLE_FIELDS, referenceOf, searchEveryField, withSearchedFields, type SearchableField } from './search-all.js';
export { DEFAULT_HEADROOM_FRACTION } from './search-state.js';
