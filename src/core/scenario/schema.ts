/**
 * The scenario file format (YAML or JSON), as a zod schema. Units at this edge are human
 * (GB/s, µs, "14.8T"); `resolveScenario` converts to SI. `schema/scenario.schema.json` is
 * generated from `ScenarioInputSchema` by `scripts/write-schema.ts`.
 */
import * as z from 'zod';
import { PRECISIONS } from '../hardware/types.js';
import { ClusterInputSchema } from './cluster-schema.js';
import { FrameworkInputSchema } from './framework-schema.js';
import { LayoutInputSchema } from './layout-schema.js';
import { ModelInputSchema } from './model-schema.js';
import { DatacenterInputSchema, EconomicsInputSchema, ReferenceInputSchema } from './site-schema.js';
import { LIMITS, idOrInline, oneOf, positiveInt, quantity, sequenceLength, strictObject } from './schema-parts.js';

const PRECISION_INPUTS = ['bf16', 'fp16', 'fp8', 'fp8-block', 'mxfp8', 'nvfp4'] as const satisfies typeof PRECISIONS;

export const TrainingInputSchema = strictObject(
  {
    seqLen: sequenceLength(LIMITS.seqLen).describe('Tokens per sequence: a number or "8k" (8192), "1M" (1,048,576).'),
    globalBatch: positiveInt(LIMITS.globalBatch).describe('Sequences per optimizer step (steady state).'),
    totalTokens: quantity(LIMITS.tokens).describe('Tokens of the whole run: a number or "14.8T", "469B".'),
    precision: oneOf(PRECISION_INPUTS).optional().describe('GEMM precision. Default: bf16.'),
    expertLoadImbalance: z.number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a number ≥ 1') }).min(1, 'must be at least 1 (1 = perfectly balanced routing)').max(64, 'must be at most 64 (larger values are treated as a typo)').optional()
      .describe('MoE: routed tokens of the busiest GPU over the mean. Default 1 (balanced routing).'),
    precisionScaling: oneOf(['tensorwise', 'rowwise', 'blockwise', 'mxfp8', 'nvfp4'] as const).optional()
      .describe('How low-precision GEMM inputs are scaled: fp8 tensorwise (default) or rowwise; fp8-block = blockwise, mxfp8, nvfp4 imply their own.'),
    documentTokens: positiveInt(LIMITS.seqLen).optional()
      .describe('Mean tokens per document when packed sequences mask attention per document (padding-free SFT packing). Default: seqLen.'),
    framework: FrameworkInputSchema.optional()
      .describe('Software stack: megatron-core, megatron-lm, deepspeed, torchtitan or maxtext, or { id, ...overrides }. Default: megatron-core.'),
    batchRamp: strictObject(
      {
        startGlobalBatch: positiveInt(LIMITS.globalBatch).describe('Global batch at the start of the run [sequences].'),
        rampTokens: quantity(LIMITS.tokens).describe('Tokens over which the batch grows linearly to globalBatch.'),
      },
      'Linear global-batch ramp (DeepSeek-V3: 3072 to 15360 over 469B tokens).',
    ).optional(),
  },
  'Training run: sequence length, batch, tokens, precision.',
);

export const ScenarioInputSchema = strictObject(
  {
    name: z.string().optional().describe('Default: the model name and GPU count.'),
    description: z.string().optional(),
    model: idOrInline(ModelInputSchema, 'model').describe('Catalog id (e.g. "deepseek-v3") or inline model.'),
    cluster: ClusterInputSchema,
    training: TrainingInputSchema,
    layout: LayoutInputSchema.optional(),
    economics: EconomicsInputSchema.optional(),
    datacenter: DatacenterInputSchema.optional(),
    reference: ReferenceInputSchema.optional(),
    calibration: z.string().min(1, 'must be a file path').optional().describe('Calibration profile written by `scaleplan calibrate` (path relative to this file). Default: the built-in calibration.'),
  },
  'A scaleplan scenario: model, cluster, training run and parallel layout.',
);

export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;
export type TrainingInput = z.infer<typeof TrainingInputSchema>;
