/** The whole validation: throughput of every modelable run, peak memory where measured, and optionally the cross-validated errors. */
import { DEFAULT_CALIBRATION_SETUP, crossValidate } from '../calibration/cross-validate.js';
import type { RunRecord } from '../runs/record-schema.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import type { RunValidation, ValidationReport } from './types.js';
import { validateMemory } from './validate-memory.js';
import { collectCases, validateThroughput } from './validate-runs.js';

export interface ValidateRunsOptions {
  /** Step options of the in-sample predictions. */
  readonly step?: StepOptions;
  /** 'family': also re-fit the calibration with each source family left out and predict it. */
  readonly crossValidate?: 'family' | null;
}

export function validateRuns(records: readonly RunRecord[], opts: ValidateRunsOptions = {}): ValidationReport {
  const step = opts.step ?? DEFAULT_STEP_OPTIONS;
  const throughput = validateThroughput(records, step);
  const memory = validateMemory(records);
  if (opts.crossValidate !== 'family') return { summary: throughput.summary, runs: throughput.runs, memory, skipped: throughput.skipped };
  const cv = crossValidate(collectCases(records).cases, { ...DEFAULT_CALIBRATION_SETUP, options: step });
  const byId = new Map(cv.runs.map((r) => [r.id, r]));
  const runs = throughput.runs.map((r): RunValidation => {
    const held = byId.get(r.id);
    return held === undefined ? r : { ...r, crossValidated: { predicted: held.predicted, errorPct: held.errorPct } };
  });
  return { summary: { ...throughput.summary, crossValidation: cv.summary }, runs, memory, skipped: throughput.skipped };
}
