/**
 * Unknown is not a default. A layout field a record leaves null is resolved, and the case says how:
 *
 * 1. it does not matter for the layout (vp with pp = 1, sequence parallelism with tp = 1, etp of a
 *    dense model): any value is the same run, nothing is assumed;
 * 2. the record's stack has a documented convention for it (the table below, per framework and
 *    era): the convention's value, marked `convention` with its source;
 * 3. otherwise the generic default (vp 1, no recomputation, micro-batch 1, ZeRO-1, sequence
 *    parallel with TP), marked `unknown`: the run is modelled but never fitted on (calibration/).
 *
 * | stack | field | value | source |
 * |---|---|---|---|
 * | megatron-core (Megatron-Core, NeMo, Megatron-Bridge) | sequenceParallel | tp > 1 | NeMo / Megatron-Bridge performance recipes set `sequence_parallel = True` whenever TP > 1 (NeMo performance tuning guide, "Sequence parallelism") |
 * | megatron-core | recompute | none | `--recompute-granularity` defaults to None; recipes that recompute say so (megatron/training/arguments.py) |
 * | megatron-core | vp | 1 | `--num-layers-per-virtual-pipeline-stage` defaults to None (no interleaving; arguments.py) |
 * | megatron-core | zero | 1 | performance recipes use the distributed optimizer (`use_distributed_optimizer = True`, Megatron-Bridge recipes) |
 * | megatron-lm (2021–22) | sequenceParallel | false | sequence parallelism arrived with Korthikanti et al. 2022 (Megatron-LM v3.0); Narayanan et al. 2021 has none |
 * | megatron-lm | recompute | full | Narayanan et al. 2021 §5 ran with activation recomputation (full, per layer) |
 * | megatron-lm | zero | 0 | no distributed optimizer before Megatron-Core (Narayanan et al. 2021) |
 * | torchtitan | sequenceParallel | tp > 1 | torchtitan's TP plan shards norms along the sequence (`parallelize_llama`, SequenceParallel) |
 * | torchtitan | vp | 1 | torchtitan pipelines one stage per rank unless a looped schedule is named (the notes name it) |
 * | deepspeed, other | sequenceParallel | false | no Megatron sequence parallelism outside Megatron |
 */
import type { RunRecord } from './record-schema.js';

export type LayoutField = 'vp' | 'sequenceParallel' | 'recompute' | 'microBatch' | 'zero' | 'etp' | 'fsdpShardSize';
type Value = number | boolean | 'none' | 'selective' | 'full';

/** How a null field of a record was resolved. */
export interface AssumedField {
  readonly field: LayoutField;
  readonly value: Value;
  /** `convention`: the stack's documented default; `unknown`: a generic default, nothing documents it. */
  readonly basis: 'convention' | 'unknown';
  readonly source: string;
}

interface Convention {
  readonly value: (tp: number) => Value;
  readonly source: string;
}

const MEGATRON_CORE: Partial<Record<LayoutField, Convention>> = {
  sequenceParallel: { value: (tp) => tp > 1, source: 'NeMo / Megatron-Bridge recipes: sequence parallel with TP > 1' },
  recompute: { value: () => 'none', source: 'Megatron-Core: --recompute-granularity defaults to None' },
  vp: { value: () => 1, source: 'Megatron-Core: no virtual pipeline unless set' },
  zero: { value: () => 1, source: 'Megatron-Bridge recipes: distributed optimizer' },
};

const CONVENTIONS: Readonly<Record<string, Partial<Record<LayoutField, Convention>>>> = {
  'megatron-core': MEGATRON_CORE,
  'megatron-lm': {
    sequenceParallel: { value: () => false, source: 'Megatron-LM before v3.0 (Korthikanti et al. 2022) has no sequence parallelism' },
    recompute: { value: () => 'full', source: 'Narayanan et al. 2021 §5: activation recomputation' },
    zero: { value: () => 0, source: 'Megatron-LM 2021: no distributed optimizer' },
    vp: { value: () => 1, source: 'Megatron-LM: no interleaving unless set' },
  },
  torchtitan: {
    sequenceParallel: { value: (tp) => tp > 1, source: 'torchtitan parallelize_llama: SequenceParallel norms with TP' },
    vp: { value: () => 1, source: 'torchtitan: one stage per rank unless a looped schedule is named' },
  },
  deepspeed: { sequenceParallel: { value: () => false, source: 'DeepSpeed: no Megatron sequence parallelism' } },
  other: { sequenceParallel: { value: () => false, source: 'no Megatron sequence parallelism outside Megatron' } },
};

const GENERIC: Record<LayoutField, (tp: number, dp: number) => Value> = {
  vp: () => 1,
  sequenceParallel: (tp) => tp > 1,
  recompute: () => 'none',
  microBatch: () => 1,
  zero: () => 1,
  etp: (tp) => tp,
  fsdpShardSize: (_tp, dp) => dp,
};

/** Whether a field changes the run at these degrees (see rule 1 of the header). */
function matters(field: LayoutField, ctx: { tp: number; pp: number; moe: boolean; zero: number }): boolean {
  if (field === 'vp') return ctx.pp > 1;
  if (field === 'sequenceParallel') return ctx.tp > 1;
  if (field === 'etp') return ctx.moe && ctx.tp > 1;
  if (field === 'fsdpShardSize') return ctx.zero === 3;
  return true;
}

/** Resolves one null field; pushes what was assumed (if anything) and a note. */
export function resolveField<T extends Value>(
  record: RunRecord, field: LayoutField, given: T | null, ctx: { tp: number; pp: number; dp: number; moe: boolean; zero: number },
  assumed: AssumedField[], notes: string[], narrow: (v: Value) => T,
): T {
  if (given !== null) return given;
  const convention = CONVENTIONS[record.framework ?? '']?.[field];
  const value = narrow(convention?.value(ctx.tp) ?? GENERIC[field](ctx.tp, ctx.dp));
  if (!matters(field, ctx)) return value;
  const entry: AssumedField = convention === undefined
    ? { field, value, basis: 'unknown', source: `not given; no convention for ${record.framework ?? 'an unstated stack'}: generic default` }
    : { field, value, basis: 'convention', source: convention.source };
  assumed.push(entry);
  notes.push(`layout.${field} not given: ${String(value)} (${entry.basis}: ${entry.source})`);
  return value;
}
