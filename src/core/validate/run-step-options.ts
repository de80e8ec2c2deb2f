/**
 * The step-model options a published run is priced with: the given options with the run's stack
 * applied (GEMM efficiency times the stack's software efficiency, compute/efficiency.ts), and no
 * routing imbalance for forced-balanced-routing benchmarks (data/README.md).
 */
import { forFramework } from '../compute/efficiency.js';
import type { RunCase } from '../runs/types.js';
import type { StepOptions } from '../step/options.js';

export function runStepOptions(c: RunCase, options: StepOptions): StepOptions {
  const stackOptions = { ...options, efficiency: forFramework(options.efficiency, c.tags.framework) };
  return c.flags.forcedBalancedRouting ? { ...stackOptions, moeLoadImbalance: 1 } : stackOptions;
}
