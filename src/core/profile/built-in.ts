/**
 * The built-in calibration a profile starts from and applies over: the literature prior structure
 * (`compute/efficiency-params.ts`) with the values fitted on the published runs
 * (`compute/efficiency-fitted.ts`). A profile's values replace some of them; the rest stay.
 */
import type { CalibrationPrior } from '../compute/efficiency-fit.js';
import { applyCalibration, completeValues, fittedValues } from '../compute/efficiency-fit.js';
import { FITTED_CALIBRATION } from '../compute/efficiency-fitted.js';
import { CALIBRATION_PRIOR } from '../compute/efficiency-params.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import type { CalibrationProfile } from './schema.js';
import type { ScenarioCalibration } from '../scenario/types.js';

/**
 * How far a user's cluster and software may sit from the published runs before any of its runs is
 * seen, in ln units: 0.15 ≈ ±15%, the spread of the source families' errors in the leave-one-family-
 * out cross-validation of the published runs (`validate --cross-validate family`, README "Accuracy").
 * It is the prior width of a user fit: one run moves a parameter about σ_c²/(σ_c² + σ_r²) of the way
 * to what that run alone says (σ_r = the calibration's residual scale), several runs move it further.
 */
export const CLUSTER_PRIOR_SIGMA_LN = 0.15;

/** The calibration a profile starts from: every parameter's value and the uncertainty of its ln. */
export interface CalibrationBase {
  readonly values: Readonly<Record<string, number>>;
  readonly sigmaLn: Readonly<Record<string, number>>;
}

/** The built-in values of every calibration parameter (its prior centre where the published runs fit none). */
export function builtInValues(): Record<string, number> {
  return completeValues(CALIBRATION_PRIOR, fittedValues(FITTED_CALIBRATION));
}

/** The built-in calibration as a base: fitted values with their fit uncertainties. */
export function builtInBase(): CalibrationBase {
  return {
    values: builtInValues(),
    sigmaLn: Object.fromEntries(FITTED_CALIBRATION.parameters.map((p) => [p.key, p.sigmaLn ?? 0])),
  };
}

/**
 * The prior of a user fit: the base values, each within ±CLUSTER_PRIOR_SIGMA_LN (plus its own fit
 * uncertainty). The base values already carry the pooled ratios, so no prior is scaled again.
 */
export function userCalibrationPrior(base: CalibrationBase = builtInBase()): CalibrationPrior {
  const parameters = Object.fromEntries(Object.entries(CALIBRATION_PRIOR.parameters).map(([key, { scaledBy: _pooled, ...p }]) => {
    const value = base.values[key] ?? p.value;
    const sigmaLn = Math.hypot(CLUSTER_PRIOR_SIGMA_LN, base.sigmaLn[key] ?? 0);
    return [key, { ...p, value, sigmaLn, description: `${p.description} (built-in ${value.toFixed(3)})` }];
  }));
  return { ...CALIBRATION_PRIOR, parameters };
}

/** The calibration structure a profile must have been fitted for. */
export function calibrationStructure(): string {
  return CALIBRATION_PRIOR.structure;
}

/** Every parameter key a profile may set. */
export function calibrationKeys(): string[] {
  return Object.keys(CALIBRATION_PRIOR.parameters).sort();
}

/** Step options with a profile's values in force (the built-in values elsewhere). */
export function profileStepOptions(profile: CalibrationProfile, base: CalibrationBase = builtInBase(), step: StepOptions = DEFAULT_STEP_OPTIONS): StepOptions {
  const values = { ...base.values, ...Object.fromEntries(Object.entries(profile.parameters).map(([k, p]) => [k, p.value])) };
  return { ...step, efficiency: applyCalibration(CALIBRATION_PRIOR, values, `calibration profile "${profile.name}"`) };
}

/** The scenario with a profile in force: every estimate of it prices with the profile's values. */
export function withCalibrationProfile<S extends object>(scenario: S, profile: CalibrationProfile, file: string): S & { readonly calibration: ScenarioCalibration } {
  return { ...scenario, calibration: { name: profile.name, file, efficiency: profileStepOptions(profile).efficiency } };
}
