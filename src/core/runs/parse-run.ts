/**
 * Published run record → RunCase (scenario + layout + measurements) or the reason it cannot be
 * modelled. Built only from the record's inputs; `measured` is read only into `RunCase.measured`.
 * Nothing here is keyed by run id or model name.
 */
import type { PrecisionScaling } from '../compute/precision-scaling.js';
import { InputError, isInputError } from '../errors.js';
import { createCluster } from '../hardware/create-cluster.js';
import { findAccelerator } from '../hardware/find-accelerator.js';
import type { Precision } from '../hardware/types.js';
import { createLayout } from '../layout/create-layout.js';
import type { Scenario } from '../scenario/types.js';
import { recordFramework } from './record-framework.js';
import { recordPacking } from './record-packing.js';
import { recordRouting } from './record-routing.js';
import { recordMfuConvention } from './record-mfu-convention.js';
import type { AssumedField } from './record-conventions.js';
import { buildRecordLayout } from './record-layout.js';
import { buildRecordModel } from './record-model.js';
import { parseRunRecordData, type RunRecord } from './record-schema.js';
import { PRECISION_CLASS, type RunCase, type RunMeasured, type RunSkip } from './types.js';

/** Record precision ids → scenario precisions (`fp8-mx` is MXFP8, data/README.md). */
const PRECISIONS = {
  fp16: 'fp16',
  bf16: 'bf16',
  fp8: 'fp8',
  'fp8-mx': 'mxfp8',
  'fp8-block': 'fp8-block',
  nvfp4: 'nvfp4',
} satisfies Record<NonNullable<RunRecord['precision']>, Precision>;

/** Seconds per hour; tokens per trillion. */
const SECONDS_PER_HOUR = 3600;
const TOKENS_PER_TRILLION = 1e12;

function measuredOf(record: RunRecord, notes: string[]): RunMeasured {
  const m = record.measured;
  let tokensPerSecPerGpu = m.tokensPerSecPerGpu;
  if (tokensPerSecPerGpu === null && m.gpuHoursPerTrillionTokens !== null) {
    // tokens/s/GPU = 1e12 tokens / (GPU-hours per 1e12 tokens · 3600 s/h)
    tokensPerSecPerGpu = TOKENS_PER_TRILLION / (m.gpuHoursPerTrillionTokens * SECONDS_PER_HOUR);
    notes.push(`measured tokens/s/GPU derived from ${m.gpuHoursPerTrillionTokens} GPU-hours per trillion tokens`);
  }
  return {
    ...(tokensPerSecPerGpu === null ? {} : { tokensPerSecPerGpu }),
    ...(m.stepTimeS === null ? {} : { stepTimeS: m.stepTimeS }),
    ...(m.mfu === null ? {} : { mfu: m.mfu }),
    ...(m.peakMemGiB === null ? {} : { peakMemGiB: m.peakMemGiB }),
    ...(m.gpuHoursPerTrillionTokens === null ? {} : { gpuHoursPerTrillionTokens: m.gpuHoursPerTrillionTokens }),
  };
}

/**
 * The record's scaling where the source states one that refines its precision (FP8 tensorwise or
 * rowwise); the other scalings are implied by the precision id (fp8-block, fp8-mx, nvfp4).
 */
function recordScaling(record: RunRecord, notes: string[]): { precisionScaling?: PrecisionScaling } {
  const s = record.precisionScaling;
  if (record.precision !== 'fp8' || (s !== 'tensorwise' && s !== 'rowwise')) return {};
  notes.push(`precision scaling ${s}: stated by the source`);
  return { precisionScaling: s };
}

function skip(id: string, skipReason: string): RunSkip {
  return { id, skipReason };
}

/** The case of a schema-valid record; InputErrors from catalogs and rules become skip reasons. */
function buildCase(record: RunRecord): RunCase | RunSkip {
  const notes: string[] = [];
  const { seqLen, precision } = record;
  const { gpu, numGpus } = record.cluster;
  const globalBatch = record.layout.globalBatch;
  if (record.workload === 'lora') return skip(record.id, 'LoRA fine-tuning is not modelled (frozen base weights)');
  if (seqLen === null) return skip(record.id, 'seqLen not given');
  if (numGpus === null) return skip(record.id, 'cluster.numGpus not given');
  if (precision === null) return skip(record.id, 'precision not given');
  if (globalBatch === null) return skip(record.id, 'layout.globalBatch not given');
  const model = buildRecordModel(record, seqLen);
  if (!model.ok) return skip(record.id, model.reason);
  const assumed: AssumedField[] = [];
  const layoutSpec = buildRecordLayout(record, numGpus, model.value.moe !== null, notes, assumed);
  if (!layoutSpec.ok) return skip(record.id, layoutSpec.reason);
  const measured = measuredOf(record, notes);
  if (Object.keys(measured).length === 0) return skip(record.id, 'no usable measurement (tokens/s, step time, MFU or peak memory)');
  const scenario: Scenario = {
    name: record.id,
    description: `${record.model.name}: ${record.source}`,
    model: model.value,
    cluster: createCluster(findAccelerator(gpu), numGpus),
    training: { seqLen, globalBatch, totalTokens: globalBatch * seqLen, precision: PRECISIONS[precision], batchRamp: null, framework: recordFramework(record, notes), ...recordScaling(record, notes), ...recordPacking(record, seqLen, notes, assumed) },
    layout: layoutSpec.value,
    economics: {},
    datacenter: {},
    reference: {},
  };
  const layout = createLayout(scenario);
  recordRouting(record, model.value.moe !== null, layout.ep, notes, assumed);
  const tags = { accelerator: gpu, moe: model.value.moe !== null, precisionClass: PRECISION_CLASS[scenario.training.precision], workload: record.workload, framework: record.framework };
  const mfuConvention = recordMfuConvention(record);
  if (measured.mfu !== undefined) notes.push(`MFU counted as: ${mfuConvention.source}`);
  return { id: record.id, source: record.source, scenario, layout, measured, flags: record.flags, tags, assumed, notes, mfuConvention };
}

/** Skip reason of a rule or catalog error: `accelerator: ...`, `layout: ...`. */
function reasonOf(error: InputError): string {
  if (error.field === 'cluster.accelerator') return `cluster.gpu ${JSON.stringify(error.value)} is not in the hardware catalog`;
  return `${error.field}: ${error.rule}`;
}

function idOf(record: unknown): string {
  if (typeof record === 'object' && record !== null && 'id' in record && typeof record.id === 'string') return record.id;
  return '(no id)';
}

/**
 * A published run record (data/README.md schema) → RunCase, or `{ id, skipReason }` when a
 * needed input is missing, the accelerator is not in the catalog, or the printed layout breaks
 * a layout rule. Never throws on bad data.
 */
export function parseRunRecord(record: unknown): RunCase | RunSkip {
  try {
    return buildCase(parseRunRecordData(record));
  } catch (error) {
    if (isInputError(error)) return skip(idOf(record), reasonOf(error));
    throw error;
  }
}

/** True for a modelable case. */
export function isRunCase(result: RunCase | RunSkip): result is RunCase {
  return 'scenario' in result;
}
