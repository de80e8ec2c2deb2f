/**
 * `scaleplan calibrate`: the built-in calibration refitted to a user's own runs, as a profile.
 *
 * The fit is the calibration's own (`calibration/fit.ts`: Levenberg–Marquardt on tabulated
 * responses, loss Σ ln²(predicted/measured)/σ_r² + Σ ln²(θ/θ⁰)/σ_θ²), with the built-in values as
 * the prior θ⁰ and the cluster prior width σ_θ (`built-in.ts`): a few runs move it little. Only the
 * parameters the runs identify are free (`identify.ts`); the others keep their built-in value.
 * Every run's error is reported before (built-in) and after (profile), and each run is also
 * predicted by a fit without it (leave-one-out), which is the figure to trust.
 */
import { fitResponses } from '../calibration/fit.js';
import { createResponses, type CaseResponse } from '../calibration/response.js';
import type { CalibrationPrior } from '../compute/efficiency-fit.js';
import type { RunCase } from '../runs/types.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import type { RunValidation } from '../validate/types.js';
import { isRunValidation, validateCase } from '../validate/validate-runs.js';
import { applyCalibration } from '../compute/efficiency-fit.js';
import { CALIBRATION_PRIOR } from '../compute/efficiency-params.js';
import { builtInBase, profileStepOptions, userCalibrationPrior, type CalibrationBase } from './built-in.js';
import { identifyParameters, type RefusedParameter } from './identify.js';
import { PROFILE_VERSION, type CalibrationProfile, type ProfileParameter, type ProfileResidual } from './schema.js';

/** A held parameter's prior width: effectively fixed at its built-in value. */
const HELD_SIGMA_LN = 1e-9;

export interface CalibrateProfileInput {
  readonly name: string;
  /** Where the runs came from (file names), recorded in the profile. */
  readonly inputs: readonly string[];
}

export interface ProfileCalibration {
  readonly profile: CalibrationProfile;
  readonly refused: readonly RefusedParameter[];
  /** Runs that cannot inform the fit, each with its reason. */
  readonly unmodelled: readonly { readonly id: string; readonly reason: string }[];
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** The prior with every parameter but `free` held at its built-in value. */
function holdAllBut(prior: CalibrationPrior, free: readonly string[]): CalibrationPrior {
  const parameters = Object.fromEntries(Object.entries(prior.parameters).map(([k, p]) => [k, free.includes(k) ? p : { ...p, sigmaLn: HELD_SIGMA_LN }]));
  return { ...prior, parameters };
}

function fittedProfile(responses: readonly CaseResponse[], prior: CalibrationPrior, free: readonly string[], input: CalibrateProfileInput): CalibrationProfile {
  const fit = fitResponses(responses, holdAllBut(prior, free), 'run');
  const builtIn = Object.fromEntries(Object.entries(prior.parameters).map(([k, p]) => [k, p.value]));
  const parameters: Record<string, ProfileParameter> = {};
  for (const p of fit.parameters) {
    if (!free.includes(p.key)) continue;
    parameters[p.key] = { value: round(p.value, 4), builtIn: round(builtIn[p.key] ?? p.prior, 4), sigmaLn: round(p.sigmaLn, 3), runs: p.runs };
  }
  return {
    scaleplanProfile: PROFILE_VERSION, name: input.name, structure: prior.structure,
    fittedOn: { inputs: [...input.inputs], runs: responses.length, configurations: fit.configurations },
    parameters, residuals: [], leaveOneOutMeanAbsPct: null,
  };
}

function validation(c: RunCase, options: StepOptions): RunValidation | null {
  const v = validateCase(c, options);
  return isRunValidation(v) ? v : null;
}

function baseOptions(base: CalibrationBase): StepOptions {
  return { ...DEFAULT_STEP_OPTIONS, efficiency: applyCalibration(CALIBRATION_PRIOR, base.values, 'calibration base') };
}

function residualsOf(responses: readonly CaseResponse[], profile: CalibrationProfile, base: CalibrationBase): ProfileResidual[] {
  const before = baseOptions(base);
  const after = profileStepOptions(profile, base);
  return responses.flatMap((r) => {
    const was = validation(r.case, before);
    const now = validation(r.case, after);
    if (was === null || now === null) return [];
    return [{ id: r.id, metric: now.metric, measured: now.measured, beforePct: round(was.errorPct, 2), afterPct: round(now.errorPct, 2) }];
  });
}

/** Mean |error| of each run predicted by the fit without it [%]; null below two runs. */
function leaveOneOut(responses: readonly CaseResponse[], prior: CalibrationPrior, free: readonly string[], input: CalibrateProfileInput, base: CalibrationBase): number | null {
  if (responses.length < 2) return null;
  let sum = 0;
  let n = 0;
  responses.forEach((r, i) => {
    const others = responses.filter((_, j) => j !== i);
    const v = validation(r.case, profileStepOptions(fittedProfile(others, prior, free, input), base));
    if (v === null) return;
    sum += Math.abs(v.errorPct);
    n += 1;
  });
  return n === 0 ? null : round(sum / n, 2);
}

function unmodelledOf(cases: readonly RunCase[], responses: readonly CaseResponse[]): { id: string; reason: string }[] {
  const fitted = new Set(responses.map((r) => r.case));
  return cases.filter((c) => !fitted.has(c)).map((c) => {
    const v = validateCase(c, DEFAULT_STEP_OPTIONS);
    const reason = isRunValidation(v)
      ? `no calibration parameter prices ${c.scenario.cluster.accelerator.id} in ${c.scenario.training.precision}`
      : v.reason;
    return { id: c.id, reason };
  });
}

/**
 * Fits a profile to `cases` (pure and deterministic), starting from `base` (default: the built-in
 * calibration; cross-checks pass a calibration fitted without the cluster's runs).
 */
export function calibrateProfile(cases: readonly RunCase[], input: CalibrateProfileInput, base: CalibrationBase = builtInBase()): ProfileCalibration {
  const prior = userCalibrationPrior(base);
  const values = base.values;
  const responses = createResponses(cases, prior, values, baseOptions(base));
  const { free, refused } = identifyParameters(prior, responses, values);
  const fitted = fittedProfile(responses, prior, free, input);
  const profile: CalibrationProfile = {
    ...fitted,
    residuals: residualsOf(responses, fitted, base),
    leaveOneOutMeanAbsPct: leaveOneOut(responses, prior, free, input, base),
  };
  return { profile, refused, unmodelled: unmodelledOf(cases, responses) };
}
