/**
 * What a calibration starts from: the literature priors (`compute/efficiency-params.ts`), the
 * structure that says which free parameters make up each (accelerator, precision) GEMM effMax, and
 * the prior term of the loss.
 *
 *   effMax(accelerator, precision) = f(θ)   (a `GemmTerm`; dimensionless)
 *
 * The loss a fit minimises (natural logs; w_i = the run's weight, see `fit.ts`):
 *
 *   L(θ) = Σ_i w_i · ln²(predicted_i / measured_i) / σ_r²  +  Σ_k ln²(θ_k / θ_k⁰) / σ_k²
 *
 * σ_r is the residual scale (the error a good model still makes on one run), σ_k the prior's
 * uncertainty of parameter k (Infinity: no prior term, the data alone decide).
 *
 * A hierarchical prior centres parameter k on θ_k⁰ · θ_p, with θ_p a pooled parameter fitted with
 * it (`scaledBy`): what the other members of its pool achieve relative to their own θ⁰ then moves
 * the centre of a member with little or no data of its own (Gelman et al., Bayesian Data Analysis,
 * 3rd ed., ch. 5: hierarchical models). A parameter no run informs takes its centre.
 */
import type { EfficiencyParams, GemmEfficiencyRecord } from './efficiency.js';
import type { Precision } from '../hardware/types.js';

/** A GEMM effMax as a function of named parameters. */
export interface GemmTerm {
  /** The parameters it depends on. */
  readonly keys: readonly string[];
  /** effMax (dimensionless) given each parameter's value. */
  readonly evaluate: (value: (key: string) => number) => number;
}

export interface PriorParameter {
  /** Prior value θ⁰ (the datasheet/literature-derived value). */
  readonly value: number;
  /** Prior uncertainty of ln θ; Infinity = no prior term. */
  readonly sigmaLn: number;
  /** Range the fit keeps the value in. */
  readonly min: number;
  readonly max: number;
  readonly description: string;
  /** Hierarchical prior: the centre is value × θ[scaledBy] (a pooled parameter); absent: the centre is value. */
  readonly scaledBy?: string;
}

export interface CalibrationPrior {
  /** Short name of the structure (printed by `npm run calibrate`). */
  readonly structure: string;
  /** Priors for everything; GEMM effMax values are replaced through `term`. */
  readonly efficiency: EfficiencyParams;
  readonly parameters: Readonly<Record<string, PriorParameter>>;
  /** The effMax of a GEMM record as parameters, or null when the record is not calibrated. */
  readonly term: (accelerator: string, precision: Precision) => GemmTerm | null;
  /** The software-efficiency parameter of a stack (`EfficiencyParams.software`), or null (the reference stack). */
  readonly softwareKey: (framework: string | null) => string | null;
  /** σ_r: residual scale of one run, in ln units. */
  readonly residualSigmaLn: number;
  /**
   * τ: systematic error shared by the runs of one source family, in ln units: the prior width of
   * each family's common factor e^{b_f} (fit.ts 'family' weighting, a random intercept).
   */
  readonly familySigmaLn: number;
}

/** The prior centre of parameter `key` under `values`: θ⁰, times the pooled parameter of a hierarchical prior. */
export function priorCentre(prior: CalibrationPrior, key: string, values: Readonly<Record<string, number>>): number {
  const p = prior.parameters[key];
  if (p === undefined) return 1;
  if (p.scaledBy === undefined) return p.value;
  return p.value * (values[p.scaledBy] ?? prior.parameters[p.scaledBy]?.value ?? 1);
}

/** Value of parameter `key`: its value in `values`, else its prior centre. */
export function parameterValue(prior: CalibrationPrior, key: string, values: Readonly<Record<string, number>>): number {
  return values[key] ?? priorCentre(prior, key, values);
}

/** Every parameter of the prior with its value: given in `values`, else its prior centre. */
export function completeValues(prior: CalibrationPrior, values: Readonly<Record<string, number>>): Record<string, number> {
  return { ...Object.fromEntries(Object.keys(prior.parameters).map((k) => [k, parameterValue(prior, k, values)])), ...values };
}

/** Value of a term under parameter values (missing keys take their prior centre). */
export function termValue(prior: CalibrationPrior, term: GemmTerm, values: Readonly<Record<string, number>>): number {
  return term.evaluate((k) => parameterValue(prior, k, values));
}

/** The priors' efficiency data with every calibrated GEMM record and stack factor set from `values`. */
export function applyCalibration(prior: CalibrationPrior, values: Readonly<Record<string, number>>, source: string): EfficiencyParams {
  const gemm = prior.efficiency.gemm.map((record): GemmEfficiencyRecord => {
    const term = prior.term(record.accelerator, record.precision);
    if (term === null) return record;
    return { ...record, effMax: Math.min(1, termValue(prior, term, values)), source };
  });
  const software: Record<string, number> = {};
  for (const key of Object.keys(prior.parameters)) {
    const framework = key.startsWith(SOFTWARE_PREFIX) ? key.slice(SOFTWARE_PREFIX.length) : null;
    if (framework !== null && prior.softwareKey(framework) === key) software[framework] = parameterValue(prior, key, values);
  }
  return { ...prior.efficiency, gemm, software };
}

/** Parameter keys of stack software efficiencies: `software:<framework>`. */
export const SOFTWARE_PREFIX = 'software:';

/**
 * The term a run's GEMM path reads, as `gemmCurve` resolves the record (its own record, FP16 →
 * the accelerator's BF16 record, else the generic prior: not calibrated, null), times the run's
 * stack software efficiency.
 */
export function pathTerm(prior: CalibrationPrior, accelerator: string, precision: Precision, framework: string | null): GemmTerm | null {
  const has = (p: Precision): boolean => prior.efficiency.gemm.some((r) => r.accelerator === accelerator && r.precision === p);
  const record = has(precision) ? prior.term(accelerator, precision) : precision === 'fp16' && has('bf16') ? prior.term(accelerator, 'bf16') : null;
  if (record === null) return null;
  const software = prior.softwareKey(framework);
  if (software === null) return record;
  return { keys: [...record.keys, software], evaluate: (v) => record.evaluate(v) * v(software) };
}

/**
 * One free effMax per calibration group = (accelerator, precision) after two physically motivated
 * ties:
 *
 * - same silicon: the H800 is the H100 SXM die with reduced NVLink and FP64 (DeepSeek ISCA'25 §4.1;
 *   hardware.json notes), so its GEMM rates are the H100 SXM's;
 * - same tensor-core path: FP16 runs at the BF16 rate; DeepSeek-style block-scaled FP8 (`fp8-block`)
 *   runs the FP8 tensor cores with extra CUDA-core promotion every 128 elements (TR §3.3.2), so it
 *   keeps the prior's ratio to per-tensor FP8 (0.60 / 0.65) times the fitted FP8 value.
 *
 * Tied records scale by their prior ratio to the group's prior; knees (τ½) stay at their priors.
 * No prior term (σ = Infinity): each group is decided by its own runs alone.
 */
export const SAME_SILICON: Readonly<Record<string, string>> = { h800: 'h100-sxm' };
export const SAME_TENSOR_PATH: Readonly<Partial<Record<Precision, Precision>>> = { fp16: 'bf16', 'fp8-block': 'fp8' };

function groupOf(accelerator: string, precision: Precision): { accelerator: string; precision: Precision } {
  return { accelerator: SAME_SILICON[accelerator] ?? accelerator, precision: SAME_TENSOR_PATH[precision] ?? precision };
}

function priorEffMax(efficiency: EfficiencyParams, accelerator: string, precision: Precision): number {
  const own = efficiency.gemm.find((r) => r.accelerator === accelerator && r.precision === precision);
  return (own ?? efficiency.generic.gemm[precision]).effMax;
}

export function createGroupPrior(efficiency: EfficiencyParams): CalibrationPrior {
  const parameters: Record<string, PriorParameter> = {};
  for (const r of efficiency.gemm) {
    const g = groupOf(r.accelerator, r.precision);
    const key = `${g.accelerator}/${g.precision}`;
    parameters[key] ??= { value: priorEffMax(efficiency, g.accelerator, g.precision), sigmaLn: Infinity, min: 0.1, max: 1, description: `GEMM effMax of ${key}` };
  }
  return {
    structure: 'one effMax per (accelerator, precision) group',
    efficiency,
    parameters,
    term: (accelerator, precision) => {
      const g = groupOf(accelerator, precision);
      const key = `${g.accelerator}/${g.precision}`;
      if (parameters[key] === undefined) return null;
      const factor = priorEffMax(efficiency, accelerator, precision) / priorEffMax(efficiency, g.accelerator, g.precision);
      return { keys: [key], evaluate: (v) => factor * v(key) };
    },
    softwareKey: () => null,
    residualSigmaLn: 0.1,
    familySigmaLn: 0,
  };
}

/** One fitted parameter as the calibration script writes it. */
export interface FittedParameter {
  readonly key: string;
  readonly value: number;
  /** Posterior uncertainty of ln θ (null: not computed). */
  readonly sigmaLn: number | null;
  /** Runs, distinct configurations and source families whose predictions depend on it. */
  readonly runs: number;
  readonly configurations: number | null;
  readonly families: readonly string[] | null;
  /** Mean |error| of those runs after the fit [%]. */
  readonly residualMeanAbsPct: number;
}

export interface FittedCalibration {
  readonly structure: string;
  readonly data: string;
  readonly parameters: readonly FittedParameter[];
}

/** Parameter values of a fitted calibration, by key. */
export function fittedValues(fitted: FittedCalibration): Record<string, number> {
  return Object.fromEntries(fitted.parameters.map((p) => [p.key, p.value]));
}
