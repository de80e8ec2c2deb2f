/** Validation against published runs: per-run predicted vs measured, and error summaries. */
export { collectCases, describeLayout, isRunValidation, pickMetric, validateCase, validateCases, validateRuns, validateThroughput } from './validate-runs.js';
export { sourceFamily, summarizeErrors, summarizeValidation } from './summarize.js';
export type { ErrorSummary, MemoryValidation, RunValidation, SkippedRun, ValidationMetric, ValidationReport, ValidationSummary } from './types.js';
export { validateMemory } from './validate-memory.js';
