/**
 * Layout section of a scenario. Every field is optional; any searchable field may be `auto` or
 * a list, which `scaleplan plan` searches and `createLayout` refuses. Defaults (applied in
 * `resolve.ts` and `createLayout`):
 *
 * | field | default |
 * |---|---|
 * | tp, pp, vp, cp, ep, etp | 1 |
 * | dp | `auto` = gpus / (tp·cp·pp) |
 * | sequenceParallel | tp > 1 |
 * | zero | 1 (distributed optimizer) |
 * | fsdpShardSize | dp (plain FSDP; ZeRO-3 only) |
 * | recompute | none (Megatron-LM default) |
 * | microBatch | 1 |
 * | schedule | 1f1b, or interleaved when vp > 1 |
 * | order | tp, cp, ep, dp, pp (innermost first) |
 */
import * as z from 'zod';
import type { ParallelDim } from '../layout/types.js';
import { SCHEDULE_IDS } from '../schedules/catalog.js';
import { LIMITS, choice, oneOf, positiveInt, strictObject } from './schema-parts.js';

/** The schedule enum: every registered schedule (schedules/registry.ts). */
export const SCHEDULE_INPUTS = SCHEDULE_IDS;
const PARALLEL_DIMS = ['tp', 'cp', 'ep', 'dp', 'pp'] as const satisfies readonly ParallelDim[];

// Compile-time check that the list above names every ParallelDim.
type MissingDim = Exclude<ParallelDim, (typeof PARALLEL_DIMS)[number]>;
const _layoutListsComplete: [MissingDim] extends [never] ? true : never = true;

const degree = choice(positiveInt(LIMITS.gpus), 'a positive integer');

const zeroStage = z.literal([0, 1, 2, 3], {
  error: (issue) => (issue.input === undefined ? undefined : 'must be 0, 1, 2 or 3'),
});

const PERMUTATION_RULE = `must be a permutation of ${PARALLEL_DIMS.join(', ')}`;

export const LayoutInputSchema = strictObject(
  {
    tp: degree.optional().describe('Tensor-parallel degree. Default: 1.'),
    pp: degree.optional().describe('Pipeline-parallel stages. Default: 1.'),
    vp: degree.optional().describe('Virtual pipeline chunks per rank (interleaved schedule). Default: 1.'),
    ep: degree.optional().describe('Expert-parallel degree (MoE only). Default: 1.'),
    etp: degree.optional().describe('Tensor parallelism inside each expert (MoE only). Default: 1.'),
    cp: degree.optional().describe('Context-parallel degree. Default: 1.'),
    dp: degree.optional().describe('Data-parallel degree. Default: auto = gpus / (tp·cp·pp).'),
    sequenceParallel: choice(z.boolean(), 'true or false').optional().describe('Megatron sequence parallelism. Default: tp > 1.'),
    zero: choice(zeroStage, '0, 1, 2 or 3').optional().describe('0 = DDP, 1 = distributed optimizer, 2 = +gradients, 3 = FSDP. Default: 1.'),
    fsdpShardSize: degree.optional().describe('FSDP shard group (ZeRO-3; HSDP when < dp). Default: dp.'),
    recompute: choice(oneOf(['none', 'selective', 'full']), 'none, selective or full').optional().describe('Activation recomputation. Default: none.'),
    microBatch: choice(positiveInt(LIMITS.globalBatch), 'a positive integer').optional().describe('Sequences per micro-batch. Default: 1.'),
    schedule: choice(oneOf(SCHEDULE_INPUTS), `one of ${SCHEDULE_INPUTS.join(', ')}`)
      .optional()
      .describe('Pipeline schedule. Default: 1f1b, or interleaved when vp > 1.'),
    order: z
      .array(oneOf(PARALLEL_DIMS), { error: (issue) => (issue.input === undefined ? undefined : PERMUTATION_RULE) })
      .length(PARALLEL_DIMS.length, PERMUTATION_RULE)
      .refine((dims) => new Set(dims).size === dims.length, PERMUTATION_RULE)
      .optional()
      .describe('Rank placement, innermost first. Default: tp, cp, ep, dp, pp.'),
  },
  'Parallel layout. Every field is optional.',
);

export type LayoutInput = z.infer<typeof LayoutInputSchema>;
