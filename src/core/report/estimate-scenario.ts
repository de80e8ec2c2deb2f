/**
 * One scenario, end to end: the checked layout, memory per stage, the step-time estimate and the
 * whole run (days, GPU-hours, energy, cost, carbon, goodput). What `scaleplan estimate` prints and
 * the web UI will show; composition only, no formulas.
 */
import { estimateScenarioPue } from './scenario-pue.js';
import { createLayout, type FixedLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import { estimateMemory } from '../memory/estimate-memory.js';
import type { MemoryEstimate } from '../memory/types.js';
import { createProportionalStepTime } from '../run/run-time.js';
import type { RunEstimate } from '../run/estimate-run.js';
import type { Pricing } from '../run/cost.js';
import { estimateScenarioRun, type ScenarioRunInput } from '../run/scenario-run.js';
import type { EconomicsInput } from '../scenario/site-schema.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import type { StepContext } from '../step/pricer.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import type { StepReport, StepThroughput, StepTime } from '../step/types.js';
import { errorBand, type ErrorBand, type ResidualClass } from '../calibration/error-band.js';
import { FITTED_RESIDUAL_CLASSES } from '../calibration/error-bands-fitted.js';
import { PRECISION_CLASS } from '../runs/types.js';

/** The step with its expected-error band (80 %, `calibration/error-band.ts`); Low/High absent without a band. */
export type BandedStep = StepReport & {
  readonly throughput: StepThroughput & { readonly tokensPerSecondPerGpuLow?: number; readonly tokensPerSecondPerGpuHigh?: number };
  readonly time: StepTime & { readonly stepSecondsLow?: number; readonly stepSecondsHigh?: number };
};

/** The run with the same band on its wall-clock days and cost. */
export type BandedRun = RunEstimate & {
  readonly daysLow?: number;
  readonly daysHigh?: number;
  readonly cost: RunEstimate['cost'] & { readonly usdLow?: number; readonly usdHigh?: number };
};

export interface ScenarioEstimate {
  readonly layout: Layout;
  readonly memory: MemoryEstimate;
  readonly step: BandedStep;
  readonly run: BandedRun;
  /** The expected-error band and the cross-validated runs it comes from, or null when none are comparable. */
  readonly band: ErrorBand | null;
}

/** The band of a scenario's estimate: its accelerator, precision, dense/MoE, and the reference stack. */
export function scenarioErrorBand(scenario: Scenario, classes: readonly ResidualClass[] = FITTED_RESIDUAL_CLASSES): ErrorBand | null {
  const q = { accelerator: scenario.cluster.accelerator.id, precisionClass: PRECISION_CLASS[scenario.training.precision], moe: scenario.model.moe !== null, framework: null };
  return errorBand(classes, q);
}

/** Speeds scale by the band's factors, times and costs by their inverses. */
function withBand(step: StepReport, run: RunEstimate, band: ErrorBand | null): { step: BandedStep; run: BandedRun } {
  if (band === null) return { step, run };
  const { lowFactor: lo, highFactor: hi } = band;
  return {
    step: {
      ...step,
      throughput: { ...step.throughput, tokensPerSecondPerGpuLow: step.throughput.tokensPerSecondPerGpu * lo, tokensPerSecondPerGpuHigh: step.throughput.tokensPerSecondPerGpu * hi },
      time: { ...step.time, stepSecondsLow: step.time.stepSeconds / hi, stepSecondsHigh: step.time.stepSeconds / lo },
    },
    run: { ...run, daysLow: run.days / hi, daysHigh: run.days / lo, cost: { ...run.cost, usdLow: run.cost.usd / hi, usdHigh: run.cost.usd / lo } },
  };
}

export interface EstimateScenarioOptions {
  readonly step?: StepOptions;
  /** Layout fields overriding the scenario's (the planner passes a candidate). */
  readonly fixed?: FixedLayout;
  readonly context?: StepContext;
  /** Facility PUE for the run's facility energy; default: the scenario's modeled PUE (scenario-pue.ts), so carbon is on facility energy. */
  readonly pue?: number;
}

/** The scenario's `economics` section as run-estimate options (absent fields keep the run defaults). */
export function economicsOptions(e: EconomicsInput): Pick<ScenarioRunInput, 'pricing' | 'gridGramsCo2ePerKwh' | 'goodput'> {
  const pricing: Pricing = e.basis === 'owned'
    ? { basis: 'owned', ...(e.capexUsdPerGpu === undefined ? {} : { capexUsdPerGpu: e.capexUsdPerGpu }), ...(e.amortisationYears === undefined ? {} : { amortisationYears: e.amortisationYears }), ...(e.electricityUsdPerKwh === undefined ? {} : { electricityUsdPerKwh: e.electricityUsdPerKwh }) }
    : { basis: 'rental', ...(e.usdPerGpuHour === undefined ? {} : { usdPerGpuHour: e.usdPerGpuHour }) };
  return {
    pricing,
    ...(e.gridGramsCo2ePerKwh === undefined ? {} : { gridGramsCo2ePerKwh: e.gridGramsCo2ePerKwh }),
    ...(e.storageBandwidthGBps === undefined ? {} : { goodput: { storageBandwidthBytesPerSec: e.storageBandwidthGBps * 1e9 } }),
  };
}

/**
 * Estimates `scenario` under its layout. During a batch ramp the step time is taken proportional to
 * the global batch (same layout, fewer micro-batches: a named simplification — the pipeline bubble
 * of the smaller steps is not re-simulated). GPU power follows the busy fraction of the step.
 */
export function estimateScenario(scenario: Scenario, options: EstimateScenarioOptions = {}): ScenarioEstimate {
  const layout = createLayout(scenario, options.fixed);
  const stepOptions = options.step ?? DEFAULT_STEP_OPTIONS;
  const memory = estimateMemory(scenario, layout);
  const step = estimateStep(scenario, layout, stepOptions, options.context);
  const busy = Math.min(1, step.time.computeSeconds / step.time.stepSeconds);
  const run = estimateScenarioRun({
    scenario,
    layout,
    stepSeconds: createProportionalStepTime(step.time.stepSeconds, scenario.training.globalBatch),
    power: { gpuActivity: busy },
    ...economicsOptions(scenario.economics),
    pue: options.pue ?? estimateScenarioPue(scenario),
  });
  const band = scenarioErrorBand(scenario);
  return { layout, memory, ...withBand(step, run, band), band };
}
