/**
 * Leave-one-source-family-out cross-validation: for each source family (`MBRIDGE`, `TORCHTITAN`,
 * ...), the calibration is re-fitted without that family's runs, then the family is predicted by
 * the full step model with those parameters. The error of runs the fit never saw is the honest
 * accuracy figure; the in-sample error flatters.
 */
import { applyCalibration, completeValues, type CalibrationPrior } from '../compute/efficiency-fit.js';
import type { RunCase } from '../runs/types.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import { CALIBRATION_PRIOR } from '../compute/efficiency-params.js';
import { sourceFamily, summarizeErrors } from '../validate/summarize.js';
import type { CrossValidationSummary, ErrorSummary, RunValidation } from '../validate/types.js';
import { isRunValidation, validateCase } from '../validate/validate-runs.js';
import { fitResponses, type CalibrationFit, type FitWeighting } from './fit.js';
import { createResponses, type CaseResponse } from './response.js';

export interface CrossValidation {
  readonly summary: CrossValidationSummary;
  /** Each run predicted by the fit that left its family out. */
  readonly runs: readonly RunValidation[];
}

export interface CalibrationSetup {
  readonly prior: CalibrationPrior;
  readonly weighting: FitWeighting;
  /** Step options of every prediction (their efficiency data is replaced by the calibration's). */
  readonly options: StepOptions;
}

function priorValues(prior: CalibrationPrior): Record<string, number> {
  return completeValues(prior, {});
}

/** Tabulates the runs' responses (the expensive part: ~10 step estimates per run). */
export function createCalibrationResponses(cases: readonly RunCase[], setup: CalibrationSetup): CaseResponse[] {
  return createResponses(cases, setup.prior, priorValues(setup.prior), setup.options);
}

/** The calibration fitted on `cases` (the one fit `npm run calibrate` and cross-validation use). */
export function fitCalibration(cases: readonly RunCase[], setup: CalibrationSetup): CalibrationFit {
  return fitResponses(createCalibrationResponses(cases, setup), setup.prior, setup.weighting);
}

function groupBy(runs: readonly RunValidation[], key: (r: RunValidation) => string): Record<string, ErrorSummary> {
  const groups = new Map<string, number[]>();
  for (const r of runs) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.errorPct]);
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, summarizeErrors(groups.get(k) ?? [])]));
}

/** Cross-validated predictions of every case that compares a metric. */
export function crossValidate(cases: readonly RunCase[], setup: CalibrationSetup, responses: readonly CaseResponse[] = createCalibrationResponses(cases, setup)): CrossValidation {
  const families = [...new Set(cases.map((c) => sourceFamily(c.id)))].sort();
  const runs: RunValidation[] = [];
  for (const family of families) {
    const fit = fitResponses(responses.filter((r) => r.family !== family), setup.prior, setup.weighting);
    const options = { ...setup.options, efficiency: applyCalibration(setup.prior, fit.values, `cross-validation fit without ${family}`) };
    for (const c of cases) {
      if (sourceFamily(c.id) !== family) continue;
      const v = validateCase(c, options);
      if (isRunValidation(v)) runs.push(v);
    }
  }
  const arch = groupBy(runs, (r) => (r.tags.moe ? 'moe' : 'dense'));
  return {
    summary: {
      by: 'family',
      ...summarizeErrors(runs.map((r) => r.errorPct)),
      byFamily: groupBy(runs, (r) => sourceFamily(r.id)),
      byAccelerator: groupBy(runs, (r) => r.tags.accelerator),
      byPrecision: groupBy(runs, (r) => r.tags.precisionClass),
      byArchitecture: { dense: arch.dense ?? summarizeErrors([]), moe: arch.moe ?? summarizeErrors([]) },
    },
    runs,
  };
}

/** The built-in calibration: the structure and priors of `compute/efficiency-params.ts`. */
export const DEFAULT_CALIBRATION_SETUP: CalibrationSetup = { prior: CALIBRATION_PRIOR, weighting: 'family', options: DEFAULT_STEP_OPTIONS };
