/**
 * Run economics: steps (with batch ramps) → wall-clock days and GPU-hours → goodput under failures
 * → IT energy → rental or owned cost → carbon; and campaigns of several runs at one price.
 * Public manifest of src/core/run. The step time is an input (the step model's `time.stepSeconds`).
 */
export { LLAMA3_INTERRUPTIONS, OWNERSHIP, POWER, RELIABILITY, RENTAL_PRICE_FALLBACK, RENTAL_PRICES } from './defaults.js';
export type { InterruptionStats } from './defaults.js';
export { MAX_RAMP_LEVELS, planSteps } from './steps.js';
export type { BatchPhase, StepPlan, StepPlanOptions } from './steps.js';
export { SECONDS_PER_DAY, SECONDS_PER_HOUR, createProportionalStepTime, estimateRunTime, stepSecondsAt } from './run-time.js';
export type { RunTime, RunTimeInput, StepSeconds, TimedPhase } from './run-time.js';
export { JOULES_PER_MWH, estimateGpuPower, estimateItEnergy } from './power.js';
export type { GpuPower, ItEnergy, ItEnergyInput, PowerOptions } from './power.js';
export { defaultRentalPrice, estimateCarbon, estimateOwnedCost, estimateRentalCost } from './cost.js';
export type { CarbonInput, OwnedCostInput, Pricing, RentalCostInput, RunCarbon, RunCost } from './cost.js';
export {
  checkpointOverheadFraction,
  dalyExpectedWallSeconds,
  dalyIntervalSeconds,
  estimateFailureRate,
  estimateGoodput,
  estimateMtbfSeconds,
  youngDalyIntervalSeconds,
} from './goodput.js';
export type { Goodput, GoodputInput, GoodputOptions, OverheadInput } from './goodput.js';
export { estimateRun } from './estimate-run.js';
export type { RunEnergyRecord, RunEstimate, RunInput } from './estimate-run.js';
export { estimateCampaign } from './campaign.js';
export type { Campaign, CampaignPhase, CampaignRow } from './campaign.js';
export { compareCampaign, type CampaignComparison, type PhaseComparison, type PublishedComparison, type PublishedPhase } from './campaign-published.js';
export { estimateScenarioRun } from './scenario-run.js';
export type { ScenarioRunInput } from './scenario-run.js';
