/**
 * Schema of a published-run record (data/runs-dev.json; data/README.md "Run record schema").
 * Records are read, not authored: unknown keys are tolerated, but every documented field must
 * have its documented type (null where the source gives no value).
 */
import * as z from 'zod';
import { InputError } from '../errors.js';
import { parseJsonText } from '../scenario/document.js';
import { defaultIssueMessage, inputErrorFromIssue } from '../scenario/issue.js';
import { SCHEDULE_IDS } from '../schedules/catalog.js';

const int = z.number().int('must be an integer').nullable();
const num = z.number().nullable();

/** `framework` values of data/README.md. */
export const RECORD_FRAMEWORKS = z.enum([
  'megatron-core', 'megatron-lm', 'deepspeed', 'torchtitan', 'maxtext', 'paxml', 'jax-t5x', 'megascale', 'hai-llm', 'meta-internal', 'other',
]);

const RecordModelSchema = z.object({
  name: z.string(),
  layers: int,
  hidden: int,
  ffnHidden: int,
  heads: int,
  kvHeads: int,
  headDim: int,
  vocab: int,
  attention: z.enum(['mha', 'gqa', 'mqa', 'mla']).nullable(),
  mla: z
    .object({ qLoraRank: int, kvLoraRank: int, qkNopeHeadDim: int, qkRopeHeadDim: int, vHeadDim: int })
    .nullable(),
  mlp: z.enum(['gelu', 'swiglu', 'squared-relu']).nullable(),
  moe: z
    .object({ experts: int, topK: int, expertFfnHidden: int, sharedExperts: int, denseLayers: int, denseFfnHidden: int })
    .nullable(),
  mtpDepth: int,
  paramsTotalB: num,
  paramsActiveB: num,
});

const RecordLayoutSchema = z.object({
  tp: int,
  pp: int,
  vp: int,
  cp: int,
  ep: int,
  etp: int,
  dp: int,
  sequenceParallel: z.boolean().nullable(),
  zero: z.literal([0, 1, 2, 3]).nullable(),
  fsdpShardSize: int,
  recompute: z.enum(['none', 'selective', 'full']).nullable(),
  microBatch: int,
  globalBatch: int,
  gradAccum: int,
  /** Not in the current data; honoured when a record states its pipeline schedule. */
  schedule: z.enum(SCHEDULE_IDS).nullable().optional(),
});

const RecordMeasuredSchema = z.object({
  tokensPerSecPerGpu: num,
  stepTimeS: num,
  mfu: num,
  hfu: num,
  tflopsPerGpu: num,
  tflopsKind: z.string().nullable(),
  peakMemGiB: num,
  gpuHours: num,
  gpuHoursPerTrillionTokens: num,
  other: z.record(z.string(), z.unknown()).nullable(),
});

export const RunRecordSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  sourceRef: z.string().nullable(),
  sourceQuality: z.enum(['primary', 'secondary']),
  workload: z.enum(['pretrain', 'sft', 'lora']),
  /** The software stack, normalised (data/README.md); null: not stated. */
  framework: RECORD_FRAMEWORKS.nullable(),
  /** The stack as the source names it. */
  frameworkAsPublished: z.string().nullable(),
  /** How low-precision GEMM inputs are scaled, where the source says so (null: not stated, or 16-bit). */
  precisionScaling: z.enum(['tensorwise', 'rowwise', 'blockwise', 'mxfp8', 'nvfp4']).nullable(),
  model: RecordModelSchema,
  seqLen: int,
  cluster: z.object({ gpu: z.string(), numGpus: int }),
  precision: z.enum(['fp16', 'bf16', 'fp8', 'fp8-mx', 'fp8-block', 'nvfp4']).nullable(),
  layout: RecordLayoutSchema,
  measured: RecordMeasuredSchema,
  flags: z.object({
    forcedBalancedRouting: z.boolean(),
    proxyLayers: z.boolean(),
    analyticalNotMeasured: z.boolean(),
    selfInconsistent: z.boolean(),
  }),
  notes: z.string(),
});

export type RunRecord = z.infer<typeof RunRecordSchema>;

export const RunsFileSchema = z.array(RunRecordSchema);

/** Validates one record; throws the first issue as an InputError under `field`. */
export function parseRunRecordData(data: unknown, field = 'run'): RunRecord {
  const result = RunRecordSchema.safeParse(data, { error: defaultIssueMessage });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (first === undefined) throw new InputError(field, data, 'does not match the run record schema');
  throw inputErrorFromIssue(first, data, field);
}

/**
 * The records of a runs file (a JSON array, data/README.md). Malformed JSON or a record that
 * breaks the schema → InputError('runs[i].field', value, rule).
 */
export function parseRunsFile(text: string): RunRecord[] {
  const data = parseJsonText(text, 'runs');
  const result = RunsFileSchema.safeParse(data, { error: defaultIssueMessage });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (first === undefined) throw new InputError('runs', null, 'does not match the run record schema');
  throw inputErrorFromIssue(first, data, 'runs');
}
