/**
 * Options of the analysis. The building (cooling, climate, power chain, block size) and the
 * economics (checkpoint storage bandwidth, prices) come from the scenario's `datacenter` and
 * `economics` sections, as for `scaleplan estimate` (src/core/report); only the step model's
 * assumptions are options here.
 */
import type { StepOptions } from '../step/options.js';

export interface AnalysisOptions {
  /** Step-time assumptions. Default DEFAULT_STEP_OPTIONS. */
  readonly step?: StepOptions;
}
