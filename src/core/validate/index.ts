/** Validation against published runs: per-run predicted vs measured, and error summaries. */
export { collectCases, describeLayout, isRunValidation, pickMetric, validateCase, validateCases, validateThroughput } from './validate-runs.js';
export { validateRuns, type ValidateRunsOptions } from './validate-report.js';
export { sourceFamily, summarizeErrors, summarizeValidation } from './summarize.js';
export type { CrossValidationSummary, ErrorSummary, MemoryBound, MemoryValidation, RunValidation, SkippedRun, ValidationMetric, ValidationReport, ValidationSummary } from './types.js';
export { validateMemory } from './validate-memory.js';
export { groupSkipReasons, type SkipReasonCount } from './skip-reasons.js';
