/**
 * scaleplan's public API: the one manifest of the core. The CLI and the web UI import the core
 * only through this file (a lint rule enforces it), so what they can do is what the library offers.
 *
 * ```ts
 * import { parseScenarioText, estimateScenario, planLayouts } from 'scaleplan';
 * ```
 */
export { InputError, isInputError } from './errors.js';
export { editDistance, nearest } from './suggest.js';
export type { BatchRamp, Training } from './training/types.js';
export * from './scenario/index.js';
export * from './framework/index.js';
export * from './model/index.js';
export * from './hardware/index.js';
export * from './layout/index.js';
export * from './memory/index.js';
export * from './compute/index.js';
export * from './comm/index.js';
export * from './schedules/index.js';
export * from './step/index.js';
export * from './run/index.js';
export * from './planner/index.js';
export * from './datacenter/index.js';
export * from './analysis/index.js';
export * from './report/index.js';
export * from './runs/index.js';
export * from './validate/index.js';
export * from './calibration/index.js';
export * from './measurements/index.js';
export * from './profile/index.js';
