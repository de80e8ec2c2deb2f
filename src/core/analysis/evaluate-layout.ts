/**
 * One candidate layout of a comparison, built with `createLayout` from the scenario and a few fixed
 * fields, and priced by the step, memory and traffic models — or the reason it is not valid.
 */
import { isInputError } from '../errors.js';
import { createLayout, type FixedLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import { estimateMemory } from '../memory/estimate-memory.js';
import type { MemoryEstimate } from '../memory/types.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { createStepContext } from '../step/pricer.js';
import type { StepReport } from '../step/types.js';
import type { AnalysisOptions } from './options.js';
import { estimateTraffic, type Traffic } from './traffic.js';

export interface LayoutEvaluation {
  readonly valid: true;
  readonly layout: Layout;
  readonly step: StepReport;
  readonly memory: MemoryEstimate;
  readonly traffic: Traffic;
}

export interface InvalidLayout {
  readonly valid: false;
  /** The fields that were fixed. */
  readonly fixed: FixedLayout;
  /** The broken rule, as the InputError states it (field = value: rule). */
  readonly reason: string;
}

/** The scenario's layout fields a comparison keeps (everything but the derived edp and microBatches). */
export function layoutFields(layout: Layout): FixedLayout {
  const { edp: _edp, microBatches: _microBatches, ...fixed } = layout;
  return fixed;
}

/** Prices `fixed` on `scenario`; an InputError from any model becomes `{ valid: false, reason }`. */
export function evaluateLayout(scenario: Scenario, fixed: FixedLayout, options: AnalysisOptions = {}): LayoutEvaluation | InvalidLayout {
  try {
    const layout = createLayout(scenario, fixed);
    const stepOptions = options.step ?? DEFAULT_STEP_OPTIONS;
    // One pricer for the step and the traffic: the same layer prices and volumes.
    const context = createStepContext(scenario, stepOptions);
    return {
      valid: true,
      layout,
      step: estimateStep(scenario, layout, stepOptions, context),
      memory: estimateMemory(scenario, layout, { searchMicroBatch: false }),
      traffic: estimateTraffic(scenario, layout, stepOptions, context),
    };
  } catch (error) {
    if (isInputError(error)) return { valid: false, fixed, reason: error.message };
    throw error;
  }
}
