/**
 * The response of one published run to the calibrated GEMM efficiencies, tabulated once so that a
 * fit (and every fold of a cross-validation) costs arithmetic instead of thousands of step
 * estimates.
 *
 * A run with recipe p on accelerator a prices its GEMMs on two paths (`compute/precision.ts`):
 * the recipe's path (effMax E_p) and the BF16-only path (LM head, router: E_b). The predicted
 * metric m is tabulated along E_p on a log grid (the step model evaluated at each point, E_b at
 * its reference), and E_b enters through its elasticity at the reference:
 *
 *   ln m(E_p, E_b) ≈ G(ln E_p) + ε_b · ln(E_b / E_b,ref),   ε_b = ∂ln m / ∂ln E_b      (1)
 *
 * G is interpolated by a cubic Hermite (Catmull–Rom) spline in (ln E, ln m). For 16-bit recipes
 * both paths are one and (1) is exact up to interpolation. The fit only uses (1); predictions that
 * are reported (in-sample and cross-validated) always run the full step model.
 */
import { applyCalibration, pathTerm, termValue, type CalibrationPrior, type GemmTerm } from '../compute/efficiency-fit.js';
import type { EfficiencyParams, GemmEfficiencyRecord } from '../compute/efficiency.js';
import { gemmCurve } from '../compute/efficiency.js';
import type { Precision } from '../hardware/types.js';
import type { RunCase } from '../runs/types.js';
import type { StepOptions } from '../step/options.js';
import { sourceFamily } from '../validate/summarize.js';
import { isRunValidation, validateCase } from '../validate/validate-runs.js';

/** Grid of ln effMax: 10 points from 0.1 to 1. */
const LN_EFF_MIN = Math.log(0.1);
const LN_EFF_MAX = 0;
const GRID_POINTS = 10;
/** Relative step of E_b for the elasticity ε_b. */
const ELASTICITY_STEP = 1.1;

export interface CaseResponse {
  readonly id: string;
  readonly family: string;
  readonly case: RunCase;
  /** Measured value of the compared metric, ln. */
  readonly lnMeasured: number;
  /** G of (1): ln of the predicted metric at each grid point of ln E_p. */
  readonly main: { readonly term: GemmTerm; readonly lnPredicted: readonly number[] };
  readonly secondary: { readonly term: GemmTerm; readonly lnEffRef: number; readonly elasticity: number } | null;
}

function gridLnEff(i: number): number {
  return LN_EFF_MIN + ((LN_EFF_MAX - LN_EFF_MIN) * i) / (GRID_POINTS - 1);
}

/** Efficiency data with the run's two GEMM paths set to E_p and E_b (knees kept). */
function withPaths(base: EfficiencyParams, accelerator: string, recipe: Precision, effMain: number, bf16: Precision | null, effBf16: number): EfficiencyParams {
  const record = (precision: Precision, effMax: number): GemmEfficiencyRecord => ({
    accelerator, precision, effMax, halfSaturationSeconds: gemmCurve(base, accelerator, precision).halfSaturationSeconds, source: 'calibration grid',
  });
  const overrides = [record(recipe, effMain), ...(bf16 === null ? [] : [record(bf16, effBf16)])];
  // The run's stack factor is part of the path terms: none on top.
  return { ...base, gemm: [...overrides, ...base.gemm], software: {} };
}

function lnMetric(c: RunCase, options: StepOptions): { lnPredicted: number; lnMeasured: number } | null {
  const v = validateCase(c, options);
  if (!isRunValidation(v)) return null;
  return { lnPredicted: Math.log(v.predicted), lnMeasured: Math.log(v.measured) };
}

/**
 * The response of each case that compares a metric and whose recipe path is calibrated. `values`
 * are the reference parameter values (E_b,ref and the base efficiency data).
 */
export function createResponses(cases: readonly RunCase[], prior: CalibrationPrior, values: Readonly<Record<string, number>>, options: StepOptions): CaseResponse[] {
  const base = applyCalibration(prior, values, 'calibration reference');
  const out: CaseResponse[] = [];
  for (const c of cases) {
    const accelerator = c.scenario.cluster.accelerator.id;
    const recipe = c.scenario.training.precision;
    const framework = c.tags.framework;
    const mainTerm = pathTerm(prior, accelerator, recipe, framework);
    if (mainTerm === null) continue;
    const sixteenBit = recipe === 'bf16' || recipe === 'fp16';
    const bf16Term = sixteenBit ? null : pathTerm(prior, accelerator, 'bf16', framework);
    const effBf16Ref = bf16Term === null ? 1 : Math.min(1, termValue(prior, bf16Term, values));
    const at = (lnEff: number, effBf16: number) =>
      lnMetric(c, { ...options, efficiency: withPaths(base, accelerator, recipe, Math.exp(lnEff), bf16Term === null ? null : 'bf16', effBf16) });
    const lnPredicted: number[] = [];
    let lnMeasured = 0;
    for (let i = 0; i < GRID_POINTS; i += 1) {
      const r = at(gridLnEff(i), effBf16Ref);
      if (r === null) break;
      lnPredicted.push(r.lnPredicted);
      lnMeasured = r.lnMeasured;
    }
    if (lnPredicted.length < GRID_POINTS) continue;
    let secondary: CaseResponse['secondary'] = null;
    if (bf16Term !== null) {
      const lnEffRef = Math.log(effBf16Ref);
      const iRef = Math.round(((Math.log(Math.min(1, termValue(prior, mainTerm, values))) - LN_EFF_MIN) / (LN_EFF_MAX - LN_EFF_MIN)) * (GRID_POINTS - 1));
      const i = Math.max(0, Math.min(GRID_POINTS - 1, iRef));
      const down = at(gridLnEff(i), effBf16Ref / ELASTICITY_STEP);
      const ref = lnPredicted[i];
      if (down !== null && ref !== undefined) secondary = { term: bf16Term, lnEffRef, elasticity: (ref - down.lnPredicted) / Math.log(ELASTICITY_STEP) };
    }
    out.push({ id: c.id, family: sourceFamily(c.id), case: c, lnMeasured, main: { term: mainTerm, lnPredicted }, secondary });
  }
  return out;
}

/** Catmull–Rom interpolation of the tabulated G at ln E (clamped to the grid). */
function interpolate(table: readonly number[], lnEff: number): number {
  const x = ((Math.min(LN_EFF_MAX, Math.max(LN_EFF_MIN, lnEff)) - LN_EFF_MIN) / (LN_EFF_MAX - LN_EFF_MIN)) * (GRID_POINTS - 1);
  const i = Math.min(GRID_POINTS - 2, Math.floor(x));
  const t = x - i;
  const at = (j: number): number => table[Math.max(0, Math.min(GRID_POINTS - 1, j))] ?? 0;
  const p0 = at(i - 1);
  const p1 = at(i);
  const p2 = at(i + 1);
  const p3 = at(i + 2);
  const m1 = i === 0 ? p2 - p1 : (p2 - p0) / 2;
  const m2 = i + 1 === GRID_POINTS - 1 ? p2 - p1 : (p3 - p1) / 2;
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * p1 + (t3 - 2 * t2 + t) * m1 + (-2 * t3 + 3 * t2) * p2 + (t3 - t2) * m2;
}

/** ln of the predicted metric under parameter values, by (1). */
export function responseLnPredicted(prior: CalibrationPrior, r: CaseResponse, values: Readonly<Record<string, number>>): number {
  const lnMain = Math.log(Math.min(1, termValue(prior, r.main.term, values)));
  let v = interpolate(r.main.lnPredicted, lnMain);
  if (r.secondary !== null) v += r.secondary.elasticity * (Math.log(Math.min(1, termValue(prior, r.secondary.term, values))) - r.secondary.lnEffRef);
  return v;
}
