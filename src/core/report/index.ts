/** Whole-scenario composition used by the shells. */
export { economicsOptions, estimateScenario, scenarioErrorBand, type BandedRun, type BandedStep, type EstimateScenarioOptions, type ScenarioEstimate } from './estimate-scenario.js';
export { estimateSite, type SiteEstimate } from './estimate-site.js';
export { checkScenario } from './check-scenario.js';
