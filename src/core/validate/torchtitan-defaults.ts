/**
 * torchtitan fixes layout fields its benchmark records leave null (framework conventions, none
 * keyed by run): local batch = globalBatch/dp, else "local batch size N" from the notes, else the
 * printed micro-batch (no accumulation); pipelining uses the schedule named in the notes with
 * torchtitan's default `pipeline_parallel_microbatches` = number of stages (pp, ×2 for looped
 * schedules).
 */
import type { RunRecord } from '../runs/record-schema.js';
import { defaultScheduleId } from '../schedules/catalog.js';

/** The record with the layout fields torchtitan's defaults fix (see the header). */
export function withTorchtitanDefaults(record: RunRecord): RunRecord {
  const layout = record.layout;
  const dp = layout.dp ?? 1;
  const notedLocal = /local batch size (\d+)/i.exec(record.notes);
  const localBatch = layout.globalBatch !== null ? layout.globalBatch / dp : notedLocal !== null ? Number(notedLocal[1]) : layout.microBatch ?? 1;
  const pp = layout.pp ?? 1;
  const interleaved = /schedule Interleaved 1F1B/i.test(record.notes);
  const stages = pp * (interleaved ? 2 : 1);
  return {
    ...record,
    layout: {
      ...layout,
      globalBatch: localBatch * dp,
      microBatch: pp > 1 ? localBatch / stages : layout.microBatch ?? localBatch,
      vp: interleaved ? 2 : layout.vp,
      schedule: pp > 1 ? defaultScheduleId(interleaved ? 2 : 1) : layout.schedule,
    },
  };
}
