/**
 * Pipeline schedules: per-rank op programs for GPipe, 1F1B, interleaved 1F1B, ZB-H1, ZB-H2,
 * DualPipe and DualPipeV; a deterministic simulator that turns per-stage op times into
 * makespan, bubbles and peak in-flight activations; a fast large-m estimate; Chrome traces.
 */
export type {
  AwaitedInput,
  BubbleBasis,
  Op,
  OpKind,
  PairInputs,
  Placement,
  RankStats,
  Route,
  DepthViolation,
  LayerCount,
  PipelineShape,
  Schedule,
  ScheduleParams,
  ScheduleSimulation,
  ScheduleTimes,
  StageHolder,
  StageOps,
  StageOpTimes,
  TimedOp,
  UniformOpTimes,
  Violation,
} from './types.js';
export { SCHEDULES, type ScheduleId } from './registry.js';
export { SCHEDULE_IDS, defaultScheduleId, getSchedule, isScheduleId, scheduleNamedIn } from './catalog.js';
export { checkBasics, checkInterleavedLayers, checkSingleChunk } from './checks.js';
export { createDualPlacement, createLoopPlacement, createVPlacement } from './placement.js';
export { createUniformTimes, defaultPairSeconds, uniformPairSeconds } from './times.js';
export type { CompiledSchedule } from './simulate.js';
export { assertRunnable, compileSchedule, resolveSchedule, simulateCompiled, simulateSchedule } from './simulate.js';
export type { SimulateOptions } from './simulate-ops.js';
export { simulateOps } from './simulate-ops.js';
export type { CompiledScheduleCache } from './cache.js';
export { createCompiledScheduleCache } from './cache.js';
export type { BubbleEstimate, EstimateOptions } from './estimate.js';
export { estimateBubble, simulateSteadyState } from './estimate.js';
export type { ChromeTrace, TraceEvent, TraceOptions } from './trace.js';
export { createChromeTrace, opLabel } from './trace.js';
