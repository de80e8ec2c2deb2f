/**
 * What the planner minimises, from a layout's step time to the whole run (`src/core/run`):
 *
 * | objective | score (lower is better) | reported as |
 * |---|---|---|
 * | time (default) | effective training days (goodput under failures included) | days |
 * | cost | run cost [USD] (rental by default; `run.pricing`) | USD |
 * | energy | facility energy [MWh] (IT × PUE, default PUE 1) | MWh |
 * | tokens-per-joule | facility joules per token | tokens per J |
 *
 * The run is priced as `scaleplan estimate` prices it (report/estimate-scenario.ts): step time
 * proportional to the global batch during a ramp, GPU power at the step's busy fraction
 * a = compute / step time. With the power activity fixed, every metric is linear in the step
 * time (wall = Σ steps · t; goodput's lost fraction does not depend on t) and power is linear in
 * a, so each metric is t·m₀ + min(t, compute)·(m₁ − m₀) with m₀, m₁ the run at a 1-second step
 * and activity 0 and 1 — memoised per ramp quantum — and bounds of t and of the compute bound it.
 */
import { InputError } from '../errors.js';
import type { Layout } from '../layout/types.js';
import type { RunEstimate } from '../run/estimate-run.js';
import { JOULES_PER_MWH } from '../run/power.js';
import { createProportionalStepTime, SECONDS_PER_DAY } from '../run/run-time.js';
import { estimateScenarioRun, estimateScenarioRunPowers, type ScenarioRunInput } from '../run/scenario-run.js';
import type { Scenario } from '../scenario/types.js';
import type { StepReport } from '../step/types.js';

export type Objective = 'time' | 'cost' | 'energy' | 'tokens-per-joule';

export const OBJECTIVES: readonly Objective[] = ['time', 'cost', 'energy', 'tokens-per-joule'];

/** Run-estimate options the planner passes through (the CLI gives the scenario's economics). */
export type PlanRunOptions = Pick<ScenarioRunInput, 'pricing' | 'pue' | 'gridGramsCo2ePerKwh' | 'goodput' | 'power'>;

/** The run metrics of one layout. */
export interface RunMetrics {
  /** Effective training days: failure-free wall time plus goodput losses. */
  readonly days: number;
  readonly usd: number;
  readonly facilityMwh: number;
  readonly tokensPerJoule: number;
}

/** A layout's place in the ranking: its score and the two axes of the Pareto front. */
export interface ObjectivePoint {
  readonly score: number;
  readonly days: number;
  readonly usd: number;
  readonly gpus: number;
}

export function runMetrics(run: RunEstimate): RunMetrics {
  return {
    days: run.goodput.effectiveSeconds / SECONDS_PER_DAY,
    usd: run.cost.usd,
    facilityMwh: run.energy.facilityMwh,
    tokensPerJoule: run.energy.facilityJoules > 0 ? run.tokens / run.energy.facilityJoules : Infinity,
  };
}

export function scoreOf(objective: Objective, m: RunMetrics): number {
  switch (objective) {
    case 'time':
      return m.days;
    case 'cost':
      return m.usd;
    case 'energy':
      return m.facilityMwh;
    case 'tokens-per-joule':
      return 1 / m.tokensPerJoule;
  }
}

/** The value a table shows for the objective (days, USD, MWh or tokens per joule). */
export function objectiveValue(objective: Objective, m: RunMetrics): number {
  return objective === 'tokens-per-joule' ? m.tokensPerJoule : scoreOf(objective, m);
}

/** Whole-run estimate of `layout` at the step model's estimate, priced like `scaleplan estimate`. */
export function estimateLayoutRun(scenario: Scenario, layout: Layout, step: StepReport, options: PlanRunOptions): RunEstimate {
  const busy = stepActivity(step);
  return estimateScenarioRun({
    ...options,
    scenario,
    layout,
    stepSeconds: createProportionalStepTime(step.time.stepSeconds, scenario.training.globalBatch),
    power: { gpuActivity: busy, ...options.power },
  });
}

/** Run metrics per second of step time at GPU activity 0 and 1, for one ramp quantum. */
interface Coefficients {
  readonly days: number;
  readonly usd: readonly [number, number];
  readonly facilityMwh: readonly [number, number];
  readonly tokens: number;
}

/**
 * Objective points from step times without a full run estimate: the run at a 1-second step for
 * GPU activity 0 and 1, memoised per ramp quantum, scaled by the step time and interpolated in the
 * activity (power is linear in it). `point` is exact for the run model; `floor` takes the lowest
 * activity, so a step-time bound gives an objective bound.
 */
export interface ObjectiveModel {
  point(stepSeconds: number, quantum: number, gpuActivity: number): { point: ObjectivePoint; metrics: RunMetrics };
  /**
   * Bound of the objective from bounds of the step time and of the critical rank's compute
   * (default 0): energy = t·e₀ + min(t, compute)·(e₁ − e₀) grows with both.
   */
  floor(stepSecondsFloor: number, quantum: number, computeSecondsFloor?: number): ObjectivePoint;
  /** Throws the run model's InputError for a ramp quantum it rejects (what `point` and `floor` would throw), else nothing. */
  check(quantum: number): void;
}

export function createObjectiveModel(objective: Objective, scenario: Scenario, options: PlanRunOptions): ObjectiveModel {
  // A quantum the run model rejects (batch ramp) is remembered with its error: thrown again, not recomputed.
  const memo = new Map<number, Coefficients | InputError>();
  const fixedActivity = options.power?.gpuActivity;
  // The run at activity 0 and 1 (one step plan and goodput for both: estimateScenarioRunPowers).
  const runsAt = (quantum: number): RunEstimate[] => estimateScenarioRunPowers({
    ...options,
    scenario,
    batchQuantum: quantum,
    stepSeconds: createProportionalStepTime(1, scenario.training.globalBatch),
  }, [{ ...options.power, gpuActivity: fixedActivity ?? 0 }, { ...options.power, gpuActivity: fixedActivity ?? 1 }]);
  const coefficients = (quantum: number): Coefficients => {
    const known = memo.get(quantum);
    if (known instanceof InputError) throw known;
    if (known !== undefined) return known;
    let runs: RunEstimate[];
    try {
      runs = runsAt(quantum);
    } catch (error) {
      if (error instanceof InputError) memo.set(quantum, error);
      throw error;
    }
    const [idle, busy] = runs;
    if (idle === undefined || busy === undefined) throw new RangeError('two runs expected');
    const c: Coefficients = {
      days: idle.goodput.effectiveSeconds / SECONDS_PER_DAY,
      usd: [idle.cost.usd, busy.cost.usd],
      facilityMwh: [idle.energy.facilityMwh, busy.energy.facilityMwh],
      tokens: idle.tokens,
    };
    memo.set(quantum, c);
    return c;
  };
  const metricsAt = (t: number, quantum: number, activity: number): RunMetrics => {
    const c = coefficients(quantum);
    const a = fixedActivity === undefined ? activity : 0;
    const mwh = t * (c.facilityMwh[0] + a * (c.facilityMwh[1] - c.facilityMwh[0]));
    return { days: t * c.days, usd: t * (c.usd[0] + a * (c.usd[1] - c.usd[0])), facilityMwh: mwh, tokensPerJoule: mwh > 0 ? c.tokens / (mwh * JOULES_PER_MWH) : Infinity };
  };
  const pointOf = (metrics: RunMetrics): ObjectivePoint => ({ score: scoreOf(objective, metrics), days: metrics.days, usd: metrics.usd, gpus: scenario.cluster.gpus });
  return {
    point: (t, quantum, activity) => {
      const metrics = metricsAt(t, quantum, activity);
      return { point: pointOf(metrics), metrics };
    },
    // No record around the point: the search takes a floor for every grid, skeleton and leaf it bounds.
    floor: (t, quantum, compute = 0) => pointOf(metricsAt(t, quantum, t > 0 ? Math.min(1, compute / t) : 0)),
    check: (quantum) => {
      coefficients(quantum);
    },
  };
}

/** GPU activity of a step as `scaleplan estimate` takes it: compute over step time. */
export function stepActivity(step: StepReport): number {
  return Math.min(1, step.time.computeSeconds / step.time.stepSeconds);
}
