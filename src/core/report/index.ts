/** Whole-scenario composition used by the shells. */
export { estimateScenario, type EstimateScenarioOptions, type ScenarioEstimate } from './estimate-scenario.js';
