/** Public API of the published-run adapter used by `scaleplan validate`. */
export { parseRunRecord, isRunCase } from './parse-run.js';
export { parseRunsFile, RunRecordSchema, type RunRecord } from './record-schema.js';
export type { PrecisionClass as RunPrecisionClass, RunCase, RunFlags, RunMeasured, RunSkip, RunTags } from './types.js';
export type { AssumedField, LayoutField } from './record-conventions.js';
