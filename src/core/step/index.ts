/** Step time: one training step composed from compute, communication on the topology and the pipeline simulator. */
export { estimateStep } from './estimate-step.js';
export { createStepContext, type StepContext } from './pricer.js';
export { DEFAULT_STEP_OPTIONS, createStepOptions, type OverlapAssumptions, type StepOptions } from './options.js';
export { MFU_CONVENTION, type StageReport, type StepReport, type StepThroughput, type StepTime } from './types.js';
export { optimizerBytesPerParam } from './data-parallel.js';
