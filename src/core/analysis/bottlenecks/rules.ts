/**
 * The ordered decision list of bottleneck rules (vidur-style: most specific case first within each
 * domain; every domain ends with a rule that always applies). Evaluation (`analyze.ts`): a domain's
 * score is the maximum over its applicable rules; on a tie the earlier (more specific) rule names
 * the bottleneck. Adding a rule = adding it to its domain's list, nothing else.
 */
import { COMPUTE_RULES } from './rules-compute.js';
import { COOLING_RULES } from './rules-cooling.js';
import { MEMORY_RULES } from './rules-memory.js';
import { NETWORK_RULES } from './rules-network.js';
import { POWER_RULES } from './rules-power.js';
import { STORAGE_RULES } from './rules-storage.js';
import type { BottleneckRule } from './types.js';

export const BOTTLENECK_RULES: readonly BottleneckRule[] = [
  ...COMPUTE_RULES,
  ...MEMORY_RULES,
  ...NETWORK_RULES,
  ...POWER_RULES,
  ...COOLING_RULES,
  ...STORAGE_RULES,
];
