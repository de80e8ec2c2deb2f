/**
 * Unknown is not a default. A layout field a record leaves null is resolved, and the case says how:
 *
 * 1. it does not matter for the layout (vp with pp = 1, sequence parallelism with tp = 1, etp of a
 *    dense model): any value is the same run, nothing is assumed;
 * 2. the record's stack has a documented convention for it (the table below, per framework and
 *    era): the convention's value, marked `convention` with its source;
 * 3. otherwise the generic default (vp 1, no recomputation, micro-batch 1, ZeRO-1, sequence
 *    parallel with TP), marked `unknown`: the run is modelled but never fitted on (calibration/);
 *    an unknown vp, recompute, micro-batch or sequence parallelism is then resolved by the planner's choice
 *    (`validate/resolve-by-planner.ts`, marked `planner`).
 *
 * | stack | field | value | source |
 * |---|---|---|---|
 * | megatron-core (Megatron-Core, NeMo, Megatron-Bridge) | sequenceParallel | tp > 1 | NeMo / Megatron-Bridge performance recipes set `sequence_parallel = True` whenever TP > 1 (NeMo performance tuning guide, "Sequence parallelism") |
 * | megatron-core | recompute | none | `--recompute-granularity` defaults to None; recipes that recompute say so (megatron/training/arguments.py) |
 * | megatron-core | vp | 1, only for a record that quotes its launch flags without a virtual-pipeline flag | `--num-layers-per-virtual-pipeline-stage` defaults to None (no interleaving; arguments.py). Benchmark tables that do not print VP get no convention: the tuned recipes interleave (VP > 1 in 128 of the 132 pipelined Megatron-Bridge / NeMo rows of data/runs-dev.json that print it) with a degree that varies per recipe, so the planner chooses (validate/resolve-by-planner.ts) |
 * | megatron-core | zero | 1 | performance recipes use the distributed optimizer (`use_distributed_optimizer = True`, Megatron-Bridge recipes) |
 * | megatron-lm (2021–22) | sequenceParallel | false | sequence parallelism arrived with Korthikanti et al. 2022 (Megatron-LM v3.0); Narayanan et al. 2021 has none |
 * | megatron-lm | recompute | full | Narayanan et al. 2021 §5 ran with activation recomputation (full, per layer) |
 * | megatron-lm | zero | 0 | no distributed optimizer before Megatron-Core (Narayanan et al. 2021) |
 * | torchtitan | sequenceParallel | tp > 1 | torchtitan's TP plan shards norms along the sequence (`parallelize_llama`, SequenceParallel) |
 * | torchtitan | microBatch | local batch / (pp · vp) with pp > 1 | torchtitan `build_pipeline_schedule`: `pipeline_parallel_microbatches` defaults to the number of stages in total |
 * | torchtitan | vp | 1; 2 when the notes name a looped schedule (Interleaved 1F1B, looped BFS, interleaved zero-bubble) | torchtitan `generate_split_points`: one stage per rank for single-stage schedules, 2 per rank by default for multi-stage (`PipelineScheduleMulti`) schedules |
 * | deepspeed, other | sequenceParallel | false | no Megatron sequence parallelism outside Megatron |
 */
import type { RunRecord } from './record-schema.js';

export type LayoutField = 'vp' | 'sequenceParallel' | 'recompute' | 'microBatch' | 'zero' | 'etp' | 'fsdpShardSize';
/**
 * Inputs besides the layout that a source may leave unstated: the mean sample length of packed
 * sequences (`record-packing.ts`) and the MoE routing imbalance (`record-routing.ts`).
 */
export type WorkloadField = 'documentTokens' | 'expertLoadImbalance';
type Value = number | boolean | 'none' | 'selective' | 'full';

/** How a null field of a record was resolved. */
export interface AssumedField {
  readonly field: LayoutField | WorkloadField;
  readonly value: Value;
  /**
   * `convention`: the stack's documented default; `planner`: what the planner chooses with the rest
   * of the layout fixed (`validate/resolve-by-planner.ts`); `unknown`: a generic default, nothing
   * documents it. Runs with an `unknown` field (but a packed run's sample length, which moves a
   * prediction by a few % only: `record-packing.ts`), or a `planner` vp or recomputation, are
   * validated but never fitted on (`calibration/fit.ts` `isFittable`).
   */
  readonly basis: 'convention' | 'planner' | 'unknown';
  readonly source: string;
}

/** What a convention may depend on: the record's degrees (vp as resolved so far), its batch and its provenance notes. */
export interface ConventionContext {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly vp: number;
  readonly moe: boolean;
  readonly zero: number;
  /** Global batch [sequences]. */
  readonly globalBatch: number;
  readonly notes: string;
}

interface Convention {
  readonly value: (ctx: ConventionContext) => Value;
  /** When the convention speaks for the record (default: always); otherwise the field has no convention. */
  readonly applies?: (ctx: ConventionContext) => boolean;
  readonly source: string;
}

/**
 * A record that quotes its launch flags (`--pipeline-model-parallel-size` / `--pipeline_model_parallel_size`):
 * a flag it does not quote was not set and takes the argument's default.
 */
const QUOTES_LAUNCH_FLAGS = /--pipeline[-_]model[-_]parallel[-_]size/;

const MEGATRON_CORE: Partial<Record<LayoutField, Convention>> = {
  sequenceParallel: { value: ({ tp }) => tp > 1, source: 'NeMo / Megatron-Bridge recipes: sequence parallel with TP > 1' },
  recompute: { value: () => 'none', source: 'Megatron-Core: --recompute-granularity defaults to None' },
  vp: {
    value: () => 1,
    applies: ({ notes }) => QUOTES_LAUNCH_FLAGS.test(notes),
    source: 'Megatron-Core: no virtual pipeline unless --num-layers-per-virtual-pipeline-stage is set (launch flags quoted without it)',
  },
  zero: { value: () => 1, source: 'Megatron-Bridge recipes: distributed optimizer' },
};

/** A multi-stage (looped) pipeline schedule named in a record's notes (torch.distributed.pipelining names). */
const LOOPED_SCHEDULE = /\b(interleaved[ -]?1f1b|looped ?bfs|interleaved ?zero ?bubble|zbv)\b/i;

/** torchtitan's default stages per rank for a multi-stage schedule without explicit split points. */
const TORCHTITAN_STAGES_PER_RANK_LOOPED = 2;

/**
 * torchtitan's micro-batch [sequences] under pipelining: the local batch split into as many
 * micro-batches as there are pipeline stages in total (`n_microbatches = num_total_stages` when
 * not set); without pipelining the local batch is one micro-batch. Falls back to 1 when the split is not whole.
 */
function torchtitanMicroBatch(localBatch: number, totalStages: number): number {
  const mb = localBatch / totalStages;
  return Number.isInteger(mb) && mb >= 1 ? mb : 1;
}

const CONVENTIONS: Readonly<Record<string, Partial<Record<LayoutField, Convention>>>> = {
  'megatron-core': MEGATRON_CORE,
  'megatron-lm': {
    sequenceParallel: { value: () => false, source: 'Megatron-LM before v3.0 (Korthikanti et al. 2022) has no sequence parallelism' },
    recompute: { value: () => 'full', source: 'Narayanan et al. 2021 §5: activation recomputation' },
    zero: { value: () => 0, source: 'Megatron-LM 2021: no distributed optimizer' },
    vp: { value: () => 1, source: 'Megatron-LM: no interleaving unless set' },
  },
  torchtitan: {
    sequenceParallel: { value: ({ tp }) => tp > 1, source: 'torchtitan parallelize_llama: SequenceParallel norms with TP' },
    vp: {
      value: ({ notes }) => (LOOPED_SCHEDULE.test(notes) ? TORCHTITAN_STAGES_PER_RANK_LOOPED : 1),
      source: 'torchtitan generate_split_points: 1 stage per rank, 2 with a looped (multi-stage) schedule',
    },
    microBatch: {
      value: ({ pp, vp, dp, globalBatch }) => torchtitanMicroBatch(globalBatch / dp, pp * vp),
      source: 'torchtitan build_pipeline_schedule: pipeline_parallel_microbatches defaults to the total number of stages (pp · stages per rank)',
    },
  },
  deepspeed: { sequenceParallel: { value: () => false, source: 'DeepSpeed: no Megatron sequence parallelism' } },
  other: { sequenceParallel: { value: () => false, source: 'no Megatron sequence parallelism outside Megatron' } },
};

const GENERIC: Record<LayoutField, (ctx: ConventionContext) => Value> = {
  vp: () => 1,
  sequenceParallel: ({ tp }) => tp > 1,
  recompute: () => 'none',
  microBatch: () => 1,
  zero: () => 1,
  etp: ({ tp }) => tp,
  fsdpShardSize: ({ dp }) => dp,
};

/** Whether a field changes the run at these degrees (see rule 1 of the header). */
function matters(field: LayoutField, ctx: ConventionContext): boolean {
  if (field === 'vp') return ctx.pp > 1;
  if (field === 'sequenceParallel') return ctx.tp > 1;
  if (field === 'etp') return ctx.moe && ctx.tp > 1;
  if (field === 'fsdpShardSize') return ctx.zero === 3;
  return true;
}

/** Resolves one null field; pushes what was assumed (if anything) and a note. */
export function resolveField<T extends Value>(
  record: RunRecord, field: LayoutField, given: T | null, ctx: ConventionContext,
  assumed: AssumedField[], notes: string[], narrow: (v: Value) => T,
): T {
  if (given !== null) return given;
  const stated = CONVENTIONS[record.framework ?? '']?.[field];
  const convention = stated?.applies === undefined || stated.applies(ctx) ? stated : undefined;
  const value = narrow(convention?.value(ctx) ?? GENERIC[field](ctx));
  if (!matters(field, ctx)) return value;
  const entry: AssumedField = convention === undefined
    ? { field, value, basis: 'unknown', source: `not given; no convention for ${record.framework ?? 'an unstated stack'}: generic default` }
    : { field, value, basis: 'convention', source: convention.source };
  assumed.push(entry);
  notes.push(`layout.${field} not given: ${String(value)} (${entry.basis}: ${entry.source})`);
  return value;
}
