/**
 * The calibration fit: minimises the loss of `compute/efficiency-fit.ts`
 *
 *   L(x) = Σ_i w_i · (ln m_i(x) − ln measured_i)² / σ_r²  +  Σ_k (x_k − x_k⁰)² / σ_k²,   x = ln θ
 *
 * by Levenberg–Marquardt on the tabulated responses (`response.ts`), each x_k kept in its range.
 * Only parameters of some run's recipe path are free; the others keep their prior value.
 * Uncertainty: σ(x_k) = √((JᵀJ)⁻¹)_kk of the weighted, σ-scaled residuals at the optimum (Laplace
 * approximation; prior rows included), reported as a relative uncertainty of θ_k.
 *
 * Weights: 'run' gives every run weight 1; 'configuration' gives each distinct configuration
 * (everything but the id and the measurement; repeated container releases of one benchmark,
 * data/README.md "Duplicates") a total weight of 1; 'family' weighs configurations so and also
 * fits the error the runs of one source family share (one benchmark page, one way of measuring,
 * one release of a stack) as a random effect: run i of family f is predicted as m_i(x) · e^{b_f},
 *
 *   L(x, b) = Σ_i w_i (ln m_i(x) + b_f(i) − ln measured_i)² / σ_r²  +  Σ_k (x_k − x_k⁰)²/σ_k²  +  Σ_f b_f² / τ²
 *
 * (a random-intercept model: Gelman & Hill, Data Analysis Using Regression and Multilevel Models,
 * ch. 12). A family's common offset then does not move the parameters beyond what τ allows, while
 * the contrasts inside one family (two chips, two precisions of one benchmark page) keep the full
 * weight of its configurations; where families overlap (one chip measured by several), b_f is
 * pinned by the overlap. The b_f are nuisances: reported, never applied to a prediction.
 */
import { completeValues, priorCentre, type CalibrationPrior } from '../compute/efficiency-fit.js';
import type { AssumedField } from '../runs/record-conventions.js';
import { responseLnPredicted, type CaseResponse } from './response.js';

export type FitWeighting = 'run' | 'configuration' | 'family';

export interface ParameterEstimate {
  readonly key: string;
  readonly value: number;
  /** Prior centre at the optimum (θ⁰, times the fitted pool for a hierarchical prior). */
  readonly prior: number;
  /** Posterior uncertainty of ln θ (≈ relative uncertainty of θ). */
  readonly sigmaLn: number;
  /** Runs, distinct configurations and source families whose recipe path uses the parameter. */
  readonly runs: number;
  readonly configurations: number;
  readonly families: readonly string[];
}

export interface CalibrationFit {
  readonly structure: string;
  /** Every parameter of the prior: fitted, or its prior centre when no run depends on it. */
  readonly values: Readonly<Record<string, number>>;
  /** The free parameters, sorted by key. */
  readonly parameters: readonly ParameterEstimate[];
  readonly runs: number;
  readonly configurations: number;
  readonly loss: number;
  /** 'family' weighting: each family's fitted common factor e^{b_f} on its predictions (nuisance). */
  readonly familyEffects: Readonly<Record<string, number>>;
}

/** A stable key of everything a run's prediction depends on (not its id, not its measurement). */
export function configurationKey(r: CaseResponse): string {
  const s = r.case.scenario;
  const { id: _id, name: _name, source: _source, published: _published, ...architecture } = s.model;
  return JSON.stringify([architecture, s.cluster.accelerator.id, s.cluster.gpus, s.training, r.case.layout, r.case.flags.forcedBalancedRouting]);
}

function weightsOf(responses: readonly CaseResponse[], weighting: FitWeighting): number[] {
  if (weighting === 'run') return responses.map(() => 1);
  const counts = new Map<string, number>();
  const keys = responses.map(configurationKey);
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return keys.map((k) => 1 / (counts.get(k) ?? 1));
}

/** Range of a family factor e^{b_f}. */
const FAMILY_EFFECT_LN_RANGE = Math.log(2);

/** Solves A·x = b (A symmetric positive definite up to rounding) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    const pivotRow = m[p] ?? [];
    m[p] = m[c] ?? [];
    m[c] = pivotRow;
    const pivot = pivotRow[c] ?? 0;
    if (Math.abs(pivot) < 1e-300) continue;
    for (let r = 0; r < n; r += 1) {
      const row = m[r] ?? [];
      if (r === c) continue;
      const f = (row[c] ?? 0) / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k += 1) row[k] = (row[k] ?? 0) - f * (pivotRow[k] ?? 0);
    }
  }
  return m.map((row, i) => {
    const d = row[i] ?? 0;
    return Math.abs(d) < 1e-300 ? 0 : (row[n] ?? 0) / d;
  });
}

/**
 * Whether a run may be fitted on: every layout field that matters is given, fixed by a sourced
 * convention (`runs/record-conventions.ts`), or a micro-batch chosen by the planner. A field left
 * unknown, or a vp or recomputation chosen by the planner (`validate/resolve-by-planner.ts`), keeps
 * the run out of the fit; it is still validated. The planner's choice is the model's own: its vp
 * moves the bubble and its recomputation the recomputed forward by tens of percent of the step,
 * which the fit would absorb into the efficiencies; a micro-batch moves only the GEMM shapes.
 * Measured (README, Accuracy): keeping planner-vp runs out lowers the cross-validated error
 * 10.85 → 10.6 %; keeping planner micro-batch runs out too (10.4 %) leaves Hopper BF16 to runs of
 * other precisions and stacks and lifts the Llama 3 70B planner winner above the published MFU.
 *
 * Unknown inputs besides the layout follow the same rule by how far they move a prediction: a MoE
 * run's routing imbalance (`runs/record-routing.ts`) moves the ms-swift Qwen3-30B-A3B step 3.1 → 8.4 s
 * over 1–4, so such runs stay out; a packed run's sample length (`runs/record-packing.ts`) moves
 * the 4K–32K packed fine-tunes by about 3 % at most anywhere in 256–2,048 tokens, under the fit's
 * residual width σ_r = 10 %, so they are fitted on.
 */
const TOLERATED_UNKNOWNS: readonly AssumedField['field'][] = ['documentTokens'];

export function isFittable(r: CaseResponse): boolean {
  return !r.case.assumed.some((a) => (a.basis === 'unknown' && !TOLERATED_UNKNOWNS.includes(a.field)) || (a.basis === 'planner' && a.field !== 'microBatch'));
}

/**
 * Fits the prior's parameters to the runs of `responses`, leaving out runs with an unknown or
 * planner-chosen layout field (`isFittable`). Pure and deterministic.
 */
export function fitResponses(all: readonly CaseResponse[], prior: CalibrationPrior, weighting: FitWeighting): CalibrationFit {
  const responses = all.filter(isFittable);
  const used = new Set<string>();
  // Free: parameters of some run's recipe path, and the pooled parameters their priors are scaled
  // by. A parameter reached only through the BF16-only ops of low-precision runs (a few % of their
  // time) is not identifiable from them and keeps its value; one with a hierarchical prior and no
  // runs of its own follows the fitted pool (its prior centre).
  for (const r of responses) for (const k of r.main.term.keys) used.add(k);
  for (const k of [...used]) {
    const pool = prior.parameters[k]?.scaledBy;
    if (pool !== undefined) used.add(pool);
  }
  const free = [...used].filter((k) => prior.parameters[k] !== undefined).sort();
  const sigmaR = prior.residualSigmaLn;
  const tau = prior.familySigmaLn;
  const weights = weightsOf(responses, weighting);
  // Unknowns: ln θ of the free parameters, then b_f of each family ('family' weighting).
  const families = weighting === 'family' && tau > 0 ? [...new Set(responses.map((r) => r.family))].sort() : [];
  const effectIndex = responses.map((r) => (families.includes(r.family) ? free.length + families.indexOf(r.family) : -1));
  const unknowns = free.length + families.length;

  const valuesOf = (x: readonly number[]): Record<string, number> => completeValues(prior, Object.fromEntries(free.map((k, i) => [k, Math.exp(x[i] ?? 0)])));
  const residuals = (x: readonly number[]): number[] => {
    const values = valuesOf(x);
    const out = responses.map((r, i) => {
      const effect = x[effectIndex[i] ?? -1] ?? 0;
      return (Math.sqrt(weights[i] ?? 0) * (responseLnPredicted(prior, r, values) + effect - r.lnMeasured)) / sigmaR;
    });
    free.forEach((k, i) => {
      const p = prior.parameters[k];
      if (p !== undefined && Number.isFinite(p.sigmaLn)) out.push(((x[i] ?? 0) - Math.log(priorCentre(prior, k, values))) / p.sigmaLn);
    });
    families.forEach((_, f) => out.push((x[free.length + f] ?? 0) / tau));
    return out;
  };
  const lossOf = (r: readonly number[]): number => r.reduce((s, v) => s + v * v, 0);
  const clamp = (x: readonly number[]): number[] => x.map((v, i) => {
    if (i >= free.length) return Math.min(FAMILY_EFFECT_LN_RANGE, Math.max(-FAMILY_EFFECT_LN_RANGE, v));
    const p = prior.parameters[free[i] ?? ''];
    return p === undefined ? v : Math.min(Math.log(p.max), Math.max(Math.log(p.min), v));
  });
  const jacobian = (x: readonly number[], r0: readonly number[]): number[][] => Array.from({ length: unknowns }, (_, k) => {
    const h = 1e-4;
    const xh = x.map((v, i) => (i === k ? v + h : v));
    return residuals(xh).map((v, i) => (v - (r0[i] ?? 0)) / h);
  });
  const normal = (jt: readonly number[][]): number[][] => jt.map((a) => jt.map((b) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0)));

  let x = clamp([...free.map((k) => Math.log(prior.parameters[k]?.value ?? 1)), ...families.map(() => 0)]);
  let r = residuals(x);
  let loss = lossOf(r);
  let lambda = 1e-3;
  for (let iter = 0; iter < 200 && unknowns > 0; iter += 1) {
    const jt = jacobian(x, r);
    const a = normal(jt);
    const g = jt.map((row) => row.reduce((s, v, i) => s + v * (r[i] ?? 0), 0));
    const damped = a.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-12 : v)));
    const step = solve(damped, g.map((v) => -v));
    const xNew = clamp(x.map((v, i) => v + (step[i] ?? 0)));
    const rNew = residuals(xNew);
    const lossNew = lossOf(rNew);
    if (lossNew < loss) {
      const moved = Math.max(...xNew.map((v, i) => Math.abs(v - (x[i] ?? 0))));
      x = xNew; r = rNew; loss = lossNew; lambda = Math.max(1e-7, lambda / 3);
      if (moved < 1e-6) break;
    } else {
      lambda *= 4;
      if (lambda > 1e8) break;
    }
  }

  const jt = jacobian(x, r);
  const a = normal(jt);
  const values = valuesOf(x);
  const configs = responses.map(configurationKey);
  const parameters = free.map((key, k): ParameterEstimate => {
    const unit = Array.from({ length: unknowns }, (_, i) => (i === k ? 1 : 0));
    const variance = solve(a.map((row, i) => row.map((v, j) => (i === j ? v + 1e-12 : v))), unit)[k] ?? 0;
    const pooled = (k: string): boolean => k === key || prior.parameters[k]?.scaledBy === key;
    const dependent = responses.map((resp, i) => ({ resp, i })).filter(({ resp }) => resp.main.term.keys.some(pooled));
    return {
      key,
      value: values[key] ?? 0,
      prior: priorCentre(prior, key, values),
      sigmaLn: Math.sqrt(Math.max(0, variance)),
      runs: dependent.length,
      configurations: new Set(dependent.map(({ i }) => configs[i])).size,
      families: [...new Set(dependent.map(({ resp }) => resp.family))].sort(),
    };
  });
  const familyEffects = Object.fromEntries(families.map((f, i) => [f, Math.exp(x[free.length + i] ?? 0)]));
  return { structure: prior.structure, values, parameters, runs: responses.length, configurations: new Set(configs).size, loss, familyEffects };
}
