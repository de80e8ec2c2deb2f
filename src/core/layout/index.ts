/** Public manifest of the layout: `createLayout`, the one constructor of a parallel layout, and its rules. */
export type { Layout, ParallelDim, Recompute, ScheduleId, ZeroStage } from './types.js';
export { DEFAULT_ORDER, SCHEDULE_IDS } from './types.js';
export type { Choice, LayoutSource, LayoutSpec } from './spec.js';
export {
  checkLayout, createLayout, divisors, fixLayout, layoutContext,
  type FixedLayout, type LayoutCandidate, type LayoutContext, type LayoutViolation,
} from './create-layout.js';
export { modelStageCount, partitionStages, splitLayers, type PartitionOptions, type PipelineRank, type StageChunk, type StagePartition } from './stages.js';
