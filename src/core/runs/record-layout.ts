/**
 * The layout of a published run from the record's `layout` block (data/README.md):
 *
 * | field | when null |
 * |---|---|
 * | tp, pp, cp | 1 only when the other printed degrees and dp already multiply to numGpus; else skip |
 * | dp | numGpus / (tp·pp·cp) (Megatron definition, README) |
 * | ep | 1 for a dense model; skip for MoE |
 * | etp | 1 for a dense model; for MoE as below (generic: tp, Megatron-Core's `--expert-tensor-parallel-size` default) |
 * | vp, sequenceParallel, zero, fsdpShardSize, recompute, microBatch | `record-conventions.ts`: irrelevant at these degrees, the stack's documented convention, or a generic default marked unknown |
 * | globalBatch | skip |
 * | schedule | the record's if it states one, else interleaved when vp > 1, else 1f1b |
 *
 * Every fill is recorded in the case's notes.
 */
import type { LayoutSpec } from '../scenario/types.js';
import { scheduleNamedIn, type ScheduleId } from '../schedules/catalog.js';
import { DEFAULT_ORDER } from '../layout/types.js';
import type { Built } from './record-model.js';
import { resolveField, type AssumedField, type ConventionContext, type LayoutField } from './record-conventions.js';
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

/**
 * A schedule the record's provenance names (e.g. "framework: HAI-LLM (DualPipe)"): the published
 * description of how the run was executed, an input like any other layout field.
 */
function notedSchedule(recordNotes: string, notes: string[]): ScheduleId | null {
  const found = scheduleNamedIn(recordNotes);
  if (found !== null) notes.push(`schedule ${found}: named in the record's notes`);
  return found;
}

const asNumber = (v: unknown): number => (typeof v === 'number' ? v : 1);
const asBoolean = (v: unknown): boolean => v === true;
const asRecompute = (v: unknown): 'none' | 'selective' | 'full' => (v === 'selective' || v === 'full' ? v : 'none');

/**
 * The record's layout as a fully concrete LayoutSpec, or why it cannot be built. Null fields are
 * resolved by `record-conventions.ts`; `assumed` receives each one that matters.
 */
export function buildRecordLayout(record: RunRecord, gpus: number, moe: boolean, notes: string[], assumed: AssumedField[] = []): Built<LayoutSpec> {
  const layout = record.layout;
  const degrees = buildDegrees(record, gpus, notes);
  if (!degrees.ok) return degrees;
  const { tp, pp, cp, dp } = degrees.value;
  if (moe && layout.ep === null) return { ok: false, reason: 'layout.ep not given for a MoE model' };
  const ctx: ConventionContext = { tp, pp, dp, vp: 1, moe, zero: layout.zero ?? 1, globalBatch: layout.globalBatch ?? dp, notes: record.notes };
  const resolveIn = <T extends number | boolean | 'none' | 'selective' | 'full'>(c: ConventionContext) => (field: LayoutField, given: T | null, narrow: (v: unknown) => T): T =>
    resolveField(record, field, given, c, assumed, notes, narrow);
  const vp = resolveIn<number>(ctx)('vp', layout.vp, asNumber);
  const resolve = <T extends number | boolean | 'none' | 'selective' | 'full'>(field: LayoutField, given: T | null, narrow: (v: unknown) => T): T =>
    resolveIn<T>({ ...ctx, vp })(field, given, narrow);
  const zero = resolve('zero', layout.zero, (v) => { const n = asNumber(v); return n === 0 || n === 2 || n === 3 ? n : 1; });
  // A schedule nobody states stays null: the scenario default per vp (interleaved when vp > 1), so
  // that a planner-resolved vp carries its schedule with it (validate/resolve-by-planner.ts).
  const schedule: ScheduleId | null = layout.schedule ?? notedSchedule(record.notes, notes);
  return {
    ok: true,
    value: {
      tp,
      pp,
      vp,
      ep: layout.ep ?? 1,
      etp: moe ? resolve('etp', layout.etp, asNumber) : (layout.etp ?? 1),
      cp,
      dp,
      sequenceParallel: resolve('sequenceParallel', layout.sequenceParallel, asBoolean),
      zero,
      fsdpShardSize: zero === 3 ? resolve('fsdpShardSize', layout.fsdpShardSize, asNumber) : dp,
      recompute: resolve('recompute', layout.recompute, asRecompute),
      microBatch: resolve('microBatch', layout.microBatch, asNumber),
      schedule,
      order: DEFAULT_ORDER,
    },
  };
}
