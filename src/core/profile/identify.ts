/**
 * What a set of runs can identify. A parameter is fitted only when the runs' predictions respond to
 * it, and two parameters only when the runs tell them apart:
 *
 *   s_ik = ∂ ln predicted_i / ∂ ln θ_k     (sensitivity of run i to parameter k, dimensionless)
 *
 * - max_i |s_ik| < MIN_SENSITIVITY: the runs barely depend on θ_k (e.g. only through the BF16 LM
 *   head of FP8 runs): not identifiable, it keeps its built-in value;
 * - cos(s_·j, s_·k) > MAX_COLLINEARITY: every run depends on both in the same proportion (e.g. all
 *   runs at one TP size cannot separate TP overlap from GEMM efficiency): the later one keeps its
 *   built-in value, and the fit says which and why.
 */
import type { CalibrationPrior } from '../compute/efficiency-fit.js';
import { responseLnPredicted, type CaseResponse } from '../calibration/response.js';

/** A 100% change of θ must move some run's prediction by at least 5%. */
export const MIN_SENSITIVITY = 0.05;
/** Columns closer than this (cosine) are not separable by the runs. */
export const MAX_COLLINEARITY = 0.999;
const STEP_LN = 1e-3;

export interface RefusedParameter {
  readonly key: string;
  readonly reason: string;
}

function sensitivity(prior: CalibrationPrior, responses: readonly CaseResponse[], values: Readonly<Record<string, number>>, key: string): number[] {
  const up = { ...values, [key]: (values[key] ?? 1) * Math.exp(STEP_LN) };
  return responses.map((r) => (responseLnPredicted(prior, r, up) - responseLnPredicted(prior, r, values)) / STEP_LN);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((v, i) => {
    const w = b[i] ?? 0;
    ab += v * w;
    aa += v * v;
    bb += w * w;
  });
  return aa === 0 || bb === 0 ? 0 : Math.abs(ab) / Math.sqrt(aa * bb);
}

/** The parameters the runs can fit, and those they cannot, each with its reason. */
export function identifyParameters(prior: CalibrationPrior, responses: readonly CaseResponse[], values: Readonly<Record<string, number>>): { free: string[]; refused: RefusedParameter[] } {
  const candidates = [...new Set(responses.flatMap((r) => r.main.term.keys))].sort();
  const free: string[] = [];
  const columns = new Map<string, number[]>();
  const secondaryOnly = [...new Set(responses.flatMap((r) => r.secondary?.term.keys ?? []))].filter((k) => !candidates.includes(k)).sort();
  const refused: RefusedParameter[] = secondaryOnly.map((key) => ({
    key, reason: 'reached only through the 16-bit ops (LM head, router) of low-precision runs, a few % of their time: add runs in this precision',
  }));
  for (const key of candidates) {
    const column = sensitivity(prior, responses, values, key);
    const largest = Math.max(...column.map(Math.abs));
    if (largest < MIN_SENSITIVITY) {
      refused.push({ key, reason: `no run's prediction depends on it by more than ${(100 * largest).toFixed(1)}% per 100% change: add runs that exercise it` });
      continue;
    }
    const twin = free.find((other) => cosine(columns.get(other) ?? [], column) > MAX_COLLINEARITY);
    if (twin !== undefined) {
      refused.push({ key, reason: `cannot be separated from ${twin}: every run depends on both in the same proportion; add runs that vary one without the other` });
      continue;
    }
    free.push(key);
    columns.set(key, column);
  }
  return { free, refused };
}
