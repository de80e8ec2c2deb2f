/**
 * The core in a Web Worker: parses the scenario text and answers with the estimate first (the
 * headline figures), then the slower analyses. A newer request supersedes an older one: the page
 * ignores answers whose id is not its latest.
 */
import {
  ACCELERATOR_IDS, DEFAULT_HEADROOM_FRACTION, MODEL_IDS, OBJECTIVES, PRECISIONS, SCHEDULE_IDS, WHAT_IF_KEYS,
  analyzeBottlenecks, compareDpEp, compareTpPp, createStepOptions, estimateScenario, estimateSite, isInputError,
  parseRunsFile, parseScenarioText, runWhatIf, validateRuns,
  type Scenario, type ScenarioEstimate,
} from '../core/index.js';
import type { AnalysisView, CoreRequest, CoreResponse, EstimateView } from './protocol.js';

const post = (message: CoreResponse): void => self.postMessage(message);

function describeError(error: unknown): { message: string; field: string | null } {
  if (isInputError(error)) return { message: error.message, field: error.field };
  return { message: `internal error (please report): ${error instanceof Error ? error.message : String(error)}`, field: null };
}

function estimateView(scenario: Scenario, estimate: ScenarioEstimate, computeMs: number): EstimateView {
  return {
    scenario: { name: scenario.name, model: scenario.model.id, accelerator: scenario.cluster.accelerator.id, gpus: scenario.cluster.gpus, hbmBytes: scenario.cluster.accelerator.hbmBytes },
    layout: estimate.layout, memory: estimate.memory, step: estimate.step, run: estimate.run, computeMs,
  };
}

function analysisView(scenario: Scenario, estimate: ScenarioEstimate, whatIfSpec: string): AnalysisView {
  let site = null;
  let siteError = null;
  try {
    site = estimateSite(scenario, estimate);
  } catch (error) {
    siteError = describeError(error).message;
  }
  const layout = estimate.layout;
  let whatIf = null;
  let bottlenecks;
  if (whatIfSpec.trim() === '') bottlenecks = analyzeBottlenecks(scenario, layout);
  else {
    const { scenario: _changed, ...result } = runWhatIf(scenario, layout, whatIfSpec);
    whatIf = result;
    bottlenecks = result.before;
  }
  return { site, siteError, bottlenecks, whatIf, tpPp: compareTpPp(scenario, layout), dpEp: compareDpEp(scenario, layout) };
}

function evaluate(id: number, text: string, whatIf: string): void {
  const started = performance.now();
  let scenario: Scenario;
  let estimate: ScenarioEstimate;
  try {
    scenario = parseScenarioText(text);
    estimate = estimateScenario(scenario, { step: createStepOptions({ recordOps: true }) });
  } catch (error) {
    return post({ kind: 'error', id, ...describeError(error) });
  }
  post({ kind: 'estimate', id, view: estimateView(scenario, estimate, performance.now() - started) });
  try {
    post({ kind: 'analysis', id, view: analysisView(scenario, estimate, whatIf) });
  } catch (error) {
    post({ kind: 'error', id, ...describeError(error) });
  }
}

async function validate(runsUrl: string): Promise<void> {
  try {
    const response = await fetch(runsUrl);
    const report = validateRuns(parseRunsFile(await response.text()));
    post({ kind: 'validate', report, message: null });
  } catch (error) {
    post({ kind: 'validate', report: null, message: describeError(error).message });
  }
}

self.onmessage = (event: MessageEvent<CoreRequest>): void => {
  const request = event.data;
  if (request.kind === 'evaluate') evaluate(request.id, request.text, request.whatIf);
  else void validate(request.runsUrl);
};

post({
  kind: 'catalog',
  catalog: { models: MODEL_IDS, accelerators: ACCELERATOR_IDS, precisions: PRECISIONS, schedules: SCHEDULE_IDS, whatIfKeys: WHAT_IF_KEYS, objectives: OBJECTIVES, headroomFraction: DEFAULT_HEADROOM_FRACTION },
});
