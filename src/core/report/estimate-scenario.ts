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
import type { StepReport } from '../step/types.js';

export interface ScenarioEstimate {
  readonly layout: Layout;
  readonly memory: MemoryEstimate;
  readonly step: StepReport;
  readonly run: RunEstimate;
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
  return { layout, memory, step, run };
}
