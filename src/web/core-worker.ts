/**
 * The core in a Web Worker: parses the scenario text and answers with the estimate first (the
 * headline figures), then the slower analyses stage by stage. A newer request supersedes an older
 * one: the worker drops it at its next stage, and the page ignores answers that are not its latest. The same script, started once more, runs a plan or
 * the validation (one script for every worker: the browser loads the core once).
 */
import {
  ACCELERATOR_IDS, DEFAULT_HEADROOM_FRACTION, MODEL_IDS, OBJECTIVES, PRECISIONS, SCHEDULE_IDS, WHAT_IF_KEYS,
  analyzeBottlenecks, compareDpEp, compareTpPp, createStepOptions, estimateScenario, estimateSite, isInputError,
  parseRunsFile, parseScenarioText, runWhatIf, validateRuns,
  type Scenario, type ScenarioEstimate,
} from '../core/index.js';
import { runPlanRequest } from './plan.js';
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

/** Lets queued messages in (a newer edit) between the stages of a slow answer. */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The newest evaluation asked for; older ones stop at their next stage. */
let latestId = 0;

function siteOf(scenario: Scenario, estimate: ScenarioEstimate): Pick<AnalysisView, 'site' | 'siteError'> {
  try {
    return { site: estimateSite(scenario, estimate), siteError: null };
  } catch (error) {
    return { site: null, siteError: describeError(error).message };
  }
}

function bottlenecksOf(scenario: Scenario, estimate: ScenarioEstimate, whatIfSpec: string): Pick<AnalysisView, 'bottlenecks' | 'whatIf'> {
  if (whatIfSpec.trim() === '') return { bottlenecks: analyzeBottlenecks(scenario, estimate.layout), whatIf: null };
  const { scenario: _changed, ...whatIf } = runWhatIf(scenario, estimate.layout, whatIfSpec);
  return { bottlenecks: whatIf.before, whatIf };
}

/** The analyses, stage by stage; null when a newer edit superseded this one. */
async function analysisView(id: number, scenario: Scenario, estimate: ScenarioEstimate, whatIfSpec: string): Promise<AnalysisView | null> {
  const site = siteOf(scenario, estimate);
  await yieldToMessages();
  if (id !== latestId) return null;
  const bottlenecks = bottlenecksOf(scenario, estimate, whatIfSpec);
  await yieldToMessages();
  if (id !== latestId) return null;
  const tpPp = compareTpPp(scenario, estimate.layout);
  await yieldToMessages();
  if (id !== latestId) return null;
  return { ...site, ...bottlenecks, tpPp, dpEp: compareDpEp(scenario, estimate.layout) };
}

async function evaluate(id: number, text: string, whatIf: string): Promise<void> {
  // Edits typed faster than they compute collapse into the newest.
  await yieldToMessages();
  if (id !== latestId) return;
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
    const view = await analysisView(id, scenario, estimate, whatIf);
    if (view !== null) post({ kind: 'analysis', id, view });
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
  if (request.kind === 'evaluate') {
    latestId = request.id;
    void evaluate(request.id, request.text, request.whatIf);
  }
  else if (request.kind === 'plan') runPlanRequest(request, post);
  else void validate(request.runsUrl);
};

post({
  kind: 'catalog',
  catalog: { models: MODEL_IDS, accelerators: ACCELERATOR_IDS, precisions: PRECISIONS, schedules: SCHEDULE_IDS, whatIfKeys: WHAT_IF_KEYS, objectives: OBJECTIVES, headroomFraction: DEFAULT_HEADROOM_FRACTION },
});
