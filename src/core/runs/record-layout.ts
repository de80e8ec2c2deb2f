/**
 * The layout of a published run from the record's `layout` block (data/README.md):
 *
 * | field | when null |
 * |---|---|
 * | tp, pp, cp | 1 only when the other printed degrees and dp already multiply to numGpus; else skip |
 * | dp | numGpus / (tp·pp·cp) (Megatron definition, README) |
 * | vp | 1 (no interleaving printed) |
 * | ep | 1 for a dense model; skip for MoE |
 * | etp | 1 for a dense model; tp for MoE (Megatron-Core default of `--expert-tensor-parallel-size`) |
 * | sequenceParallel | tp > 1 |
 * | zero | 1 (distributed optimizer) |
 * | fsdpShardSize | dp |
 * | recompute | none |
 * | microBatch | 1 |
 * | globalBatch | skip |
 * | schedule | the record's if it states one, else interleaved when vp > 1, else 1f1b |
 *
 * Every fill is recorded in the case's notes.
 */
import type { LayoutSpec } from '../scenario/types.js';
import { defaultScheduleId, scheduleNamedIn, type ScheduleId } from '../schedules/catalog.js';
import { DEFAULT_ORDER } from '../layout/types.js';
import type { Built } from './record-model.js';
import type { RunRecord } from './record-schema.js';

type Degrees = { tp: number; pp: number; cp: number; dp: number };

/** tp, pp, cp, dp: printed, derived by plain arithmetic, or the reason they cannot be. */
function buildDegrees(record: RunRecord, gpus: number, notes: string[]): Built<Degrees> {
  const { tp, pp, cp, dp } = record.layout;
  const absent: string[] = [];
  if (tp === null) absent.push('tp');
  if (pp === null) absent.push('pp');
  if (cp === null) absent.push('cp');
  if (absent.length > 0) {
    const printed = (tp ?? 1) * (pp ?? 1) * (cp ?? 1) * (dp ?? 0);
    if (printed !== gpus) return { ok: false, reason: `layout.${absent.join(', layout.')} not given (printed degrees do not fix it)` };
    notes.push(`layout.${absent.join(', layout.')} not given: 1 (printed degrees already multiply to ${gpus} GPUs)`);
  }
  const degrees = { tp: tp ?? 1, pp: pp ?? 1, cp: cp ?? 1 };
  const modelParallel = degrees.tp * degrees.pp * degrees.cp;
  if (dp !== null) return { ok: true, value: { ...degrees, dp } };
  if (gpus % modelParallel !== 0) return { ok: false, reason: `layout.dp not given and numGpus ${gpus} is not divisible by tp·pp·cp = ${modelParallel}` };
  notes.push(`layout.dp not given: numGpus / (tp·pp·cp) = ${gpus / modelParallel}`);
  return { ok: true, value: { ...degrees, dp: gpus / modelParallel } };
}

function withDefault<T>(value: T | null, fallback: T, field: string, notes: string[]): T {
  if (value !== null) return value;
  notes.push(`layout.${field} not given: ${String(fallback)}`);
  return fallback;
}

/**
 * A schedule the record's provenance names (e.g. "framework: HAI-LLM (DualPipe)"): the published
 * description of how the run was executed, an input like any other layout field.
 */
function notedSchedule(recordNotes: string, notes: string[]): ScheduleId | null {
  const found = scheduleNamedIn(recordNotes);
  if (found !== null) notes.push(`schedule ${found}: named in the record's notes`);
  return found;
}

/** The record's layout as a fully concrete LayoutSpec, or why it cannot be built. */
export function buildRecordLayout(record: RunRecord, gpus: number, moe: boolean, notes: string[]): Built<LayoutSpec> {
  const layout = record.layout;
  const degrees = buildDegrees(record, gpus, notes);
  if (!degrees.ok) return degrees;
  const { tp, pp, cp, dp } = degrees.value;
  if (moe && layout.ep === null) return { ok: false, reason: 'layout.ep not given for a MoE model' };
  const vp = withDefault(layout.vp, 1, 'vp', notes);
  const zero = withDefault(layout.zero, 1, 'zero', notes);
  const schedule: ScheduleId = layout.schedule ?? notedSchedule(record.notes, notes) ?? defaultScheduleId(vp);
  return {
    ok: true,
    value: {
      tp,
      pp,
      vp,
      ep: layout.ep ?? 1,
      etp: moe ? withDefault(layout.etp, tp, 'etp', notes) : (layout.etp ?? 1),
      cp,
      dp,
      sequenceParallel: withDefault(layout.sequenceParallel, tp > 1, 'sequenceParallel', notes),
      zero,
      fsdpShardSize: zero === 3 ? withDefault(layout.fsdpShardSize, dp, 'fsdpShardSize', notes) : dp,
      recompute: withDefault(layout.recompute, 'none', 'recompute', notes),
      microBatch: withDefault(layout.microBatch, 1, 'microBatch', notes),
      schedule,
      order: DEFAULT_ORDER,
    },
  };
}
