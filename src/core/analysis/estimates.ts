/**
 * Every model the analysis reads, run once for one scenario and layout: the scenario estimate of
 * `scaleplan estimate` (layout, memory, step, run with goodput — src/core/report), its site (data-center
 * sizing under the scenario's `datacenter` section), the roofline memory wall and per-GPU traffic.
 */
import type { DatacenterSizing } from '../datacenter/size.js';
import type { Layout } from '../layout/types.js';
import type { MemoryEstimate } from '../memory/types.js';
import { estimateScenario } from '../report/estimate-scenario.js';
import { estimateSite } from '../report/estimate-site.js';
import type { RunEstimate } from '../run/estimate-run.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { createStepContext } from '../step/pricer.js';
import type { StepReport } from '../step/types.js';
import { layoutFields } from './evaluate-layout.js';
import { estimateMemoryWall, type MemoryWall } from './memory-wall.js';
import type { AnalysisOptions } from './options.js';
import { estimateTraffic, type Traffic } from './traffic.js';

export interface AnalysisEstimates {
  readonly layout: Layout;
  readonly step: StepReport;
  readonly memory: MemoryEstimate;
  readonly memoryWall: MemoryWall;
  readonly traffic: Traffic;
  readonly site: DatacenterSizing;
  readonly run: RunEstimate;
}

/** Runs the scenario estimate, the site, the roofline and the traffic models. Throws only InputError. */
export function estimateForAnalysis(scenario: Scenario, layout: Layout, options: AnalysisOptions = {}): AnalysisEstimates {
  const stepOptions = options.step ?? DEFAULT_STEP_OPTIONS;
  // One pricer for the step and the traffic: the same layer prices and volumes.
  const context = createStepContext(scenario, stepOptions);
  const estimate = estimateScenario(scenario, { step: stepOptions, fixed: layoutFields(layout), context });
  const site = estimateSite(scenario, estimate);
  return {
    layout: estimate.layout,
    step: estimate.step,
    memory: estimate.memory,
    run: estimate.run,
    site: site.sizing,
    memoryWall: estimateMemoryWall(scenario, estimate.layout, stepOptions),
    traffic: estimateTraffic(scenario, estimate.layout, stepOptions, context),
  };
}
