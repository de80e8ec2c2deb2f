/**
 * Every model the analysis reads, run once for one scenario and layout: step time, memory, the
 * roofline memory wall, per-GPU traffic, the data center and the run (goodput under failures).
 */
import type { DatacenterSizing } from '../datacenter/size.js';
import type { Layout } from '../layout/types.js';
import { estimateMemory } from '../memory/estimate-memory.js';
import type { MemoryEstimate } from '../memory/types.js';
import type { RunEstimate } from '../run/estimate-run.js';
import { estimateScenarioRun } from '../run/scenario-run.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import type { StepReport } from '../step/types.js';
import { estimateMemoryWall, type MemoryWall } from './memory-wall.js';
import type { AnalysisOptions } from './options.js';
import { sizeSite } from './site.js';
import { estimateTraffic, type Traffic } from './traffic.js';

export interface AnalysisEstimates {
  readonly step: StepReport;
  readonly memory: MemoryEstimate;
  readonly memoryWall: MemoryWall;
  readonly traffic: Traffic;
  readonly site: DatacenterSizing;
  readonly run: RunEstimate;
}

/** Runs the step, memory, roofline, traffic, data-center and run models. Throws only InputError. */
export function estimateForAnalysis(scenario: Scenario, layout: Layout, options: AnalysisOptions = {}): AnalysisEstimates {
  const stepOptions = options.step ?? DEFAULT_STEP_OPTIONS;
  const step = estimateStep(scenario, layout, stepOptions);
  const memory = estimateMemory(scenario, layout, { ...options.memory, searchMicroBatch: false });
  const site = sizeSite(scenario.cluster, options.site);
  const run = estimateScenarioRun({
    scenario, layout, stepSeconds: step.time.stepSeconds, pue: site.pue.pue,
    ...(options.goodput === undefined ? {} : { goodput: options.goodput }),
  });
  return {
    step, memory, site, run,
    memoryWall: estimateMemoryWall(scenario, layout, stepOptions),
    traffic: estimateTraffic(scenario, layout, stepOptions),
  };
}
