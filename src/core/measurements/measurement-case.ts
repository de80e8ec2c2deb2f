/**
 * A user's measurement (a table row, or a training log with its scenario) → the `RunCase` that
 * `validate` and the calibration fit read, so a user's runs and the published runs go through the
 * same prediction. Built only from the inputs; the measured figures are read into `measured`.
 */
import { InputError, isInputError } from '../errors.js';
import { createLayout } from '../layout/create-layout.js';
import type { RunCase, RunMeasured, RunSkip } from '../runs/types.js';
import { PRECISION_CLASS } from '../runs/types.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import type { LogMeasurement } from './types.js';
import type { MeasuredFigures, TableRow } from './table-row.js';

const NO_FLAGS = { forcedBalancedRouting: false, proxyLayers: false, analyticalNotMeasured: false, selfInconsistent: false } as const;

function runMeasured(m: MeasuredFigures): RunMeasured {
  return {
    ...(m.tokensPerSecPerGpu === undefined ? {} : { tokensPerSecPerGpu: m.tokensPerSecPerGpu }),
    ...(m.stepTimeS === undefined ? {} : { stepTimeS: m.stepTimeS }),
    ...(m.mfu === undefined ? {} : { mfu: m.mfu }),
    ...(m.peakMemGiB === undefined ? {} : { peakMemGiB: m.peakMemGiB }),
  };
}

/** The case of a resolved scenario and its measurement. @throws InputError when the layout breaks a rule. */
export function createMeasurementCase(id: string, source: string, scenario: Scenario, measured: MeasuredFigures, notes: readonly string[] = []): RunCase {
  const layout = createLayout(scenario);
  const tags = {
    accelerator: scenario.cluster.accelerator.id,
    moe: scenario.model.moe !== null,
    precisionClass: PRECISION_CLASS[scenario.training.precision],
    workload: 'pretrain' as const,
    framework: null,
  };
  // A user's scenario states its whole layout (the scenario's own defaults fill the rest): nothing assumed.
  return { id, source, scenario, layout, measured: runMeasured(measured), flags: NO_FLAGS, tags, assumed: [], notes: [...notes] };
}

/** A table row → its case, or the reason it cannot be modelled (never throws on a row's content). */
export function tableRowCase(row: TableRow, source: string): RunCase | RunSkip {
  try {
    return createMeasurementCase(row.id, source, parseScenario(row.scenario), row.measured);
  } catch (error) {
    if (isInputError(error)) return { id: row.id, skipReason: error.message };
    throw error;
  }
}

/**
 * A training log's steady-state figures on the scenario that produced it. The log's printed global
 * batch, when it prints one, must be the scenario's (else the log is of another run).
 * @throws InputError when the log has no step time, throughput or memory, or the batch disagrees.
 */
export function logCase(id: string, source: string, scenario: Scenario, log: LogMeasurement): RunCase {
  if (log.globalBatch !== undefined && log.globalBatch !== scenario.training.globalBatch) {
    throw new InputError('log', `global batch size ${log.globalBatch}`, `differs from the scenario's training.globalBatch (${scenario.training.globalBatch}): is this the scenario of this log?`);
  }
  const measured: MeasuredFigures = {
    ...(log.stepTimeS === undefined ? {} : { stepTimeS: log.stepTimeS }),
    ...(log.tokensPerSecPerGpu === undefined ? {} : { tokensPerSecPerGpu: log.tokensPerSecPerGpu }),
    ...(log.mfu === undefined ? {} : { mfu: log.mfu }),
    ...(log.peakMemGiB === undefined ? {} : { peakMemGiB: log.peakMemGiB }),
    ...(log.memoryStatistic === undefined ? {} : { memoryStatistic: log.memoryStatistic }),
  };
  if (Object.keys(measured).length === 0) throw new InputError('log', source, 'has no step time, throughput, MFU or memory figure');
  const notes = [`${log.format} log: median of ${log.iterationLines} iteration lines after the first`];
  return createMeasurementCase(id, source, scenario, measured, notes);
}
