/**
 * `estimateRun` for a parsed scenario: the checkpointed parameters come from the model accounting
 * (total with MTP: DeepSeek-V3 saves its MTP module, 685B ≈ 671B + 14B, TR README), and the ramp
 * batch quantum from the layout (dp · microBatch: every ramp level fills whole micro-batches).
 * The step time stays an input — the step model's `time.stepSeconds` — so this folder does not
 * depend on it.
 */
import type { Layout } from '../layout/types.js';
import { countParams } from '../model/params.js';
import type { Scenario } from '../scenario/types.js';
import type { RunEstimate, RunInput } from './estimate-run.js';
import { estimateRun, estimateRunPowers } from './estimate-run.js';
import type { PowerOptions } from './power.js';

export type ScenarioRunInput = Omit<RunInput, 'training' | 'cluster' | 'params'> & {
  readonly scenario: Pick<Scenario, 'model' | 'cluster' | 'training'>;
  /** The scenario's concrete layout (createLayout); gives the ramp quantum dp · microBatch. */
  readonly layout?: Pick<Layout, 'dp' | 'microBatch'>;
};

function runInputOf(input: ScenarioRunInput): RunInput {
  const { scenario, layout, ...options } = input;
  return {
    ...options,
    training: scenario.training,
    cluster: scenario.cluster,
    params: countParams(scenario.model).totalWithMtp,
    batchQuantum: options.batchQuantum ?? (layout === undefined ? undefined : layout.dp * layout.microBatch),
  };
}

/** Run economics of a scenario at a given step time. */
export function estimateScenarioRun(input: ScenarioRunInput): RunEstimate {
  return estimateRun(runInputOf(input));
}

/** `estimateScenarioRun` under each power setting of `powers` (`estimateRunPowers`: one timeline for all). */
export function estimateScenarioRunPowers(input: ScenarioRunInput, powers: readonly (PowerOptions | undefined)[]): RunEstimate[] {
  return estimateRunPowers(runInputOf(input), powers);
}
