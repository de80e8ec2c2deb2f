/** Public API of the framework profiles. */
export type { FrameworkProfile, GradReduceDtype, OverlapAssumptions, SelectiveRecompute } from './types.js';
export {
  DEFAULT_FRAMEWORK, DEFAULT_FRAMEWORK_ID, frameworkOf, FRAMEWORKS, FRAMEWORK_IDS, gradReduceBytes, isFrameworkId, resolveFramework,
  type FrameworkId, type FrameworkOverrides,
} from './registry.js';
