/**
 * What the rest of scaleplan reads from the registry: the ids in registration order (the schema
 * enums), lookup by id, and the defaults when a scenario or a run record names no schedule.
 * Everything here is derived from `SCHEDULES`; nothing lists schedules again.
 */
import { SCHEDULES, type ScheduleId } from './registry.js';
import type { Schedule } from './types.js';

export type { ScheduleId };

export function isScheduleId(id: string): id is ScheduleId {
  return Object.hasOwn(SCHEDULES, id);
}

function nonEmpty<T>(values: readonly T[]): readonly [T, ...T[]] {
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('no pipeline schedule is registered');
  return [first, ...rest];
}

/** Every registered id, in registration order. */
export const SCHEDULE_IDS: readonly [ScheduleId, ...ScheduleId[]] = nonEmpty(Object.keys(SCHEDULES).filter(isScheduleId));

export function getSchedule(id: ScheduleId): Schedule {
  return SCHEDULES[id];
}

/**
 * The schedule a layout runs when it names none: interleaved 1F1B with virtual chunks (vp > 1),
 * else 1F1B — Megatron-LM's choice, and the scenario default (`scenario/layout-schema.ts`).
 */
export function defaultScheduleId(vp: number): ScheduleId {
  return vp > 1 ? 'interleaved' : '1f1b';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The schedule a run's provenance names as a word ("framework: HAI-LLM (DualPipe)"), longest
 * name first, or null. Only schedules that pair chunks are looked for: a record's layout fields
 * cannot reveal them, while a one-direction schedule named in notes ("PP schedule 1F1B") is the
 * one its vp already implies.
 */
export function scheduleNamedIn(text: string): ScheduleId | null {
  let found: ScheduleId | null = null;
  for (const id of SCHEDULE_IDS) {
    const schedule = SCHEDULES[id];
    if (!schedule.pairsChunks || (found !== null && SCHEDULES[found].name.length >= schedule.name.length)) continue;
    if (new RegExp(`\\b${escapeRegExp(schedule.name)}\\b`).test(text)) found = id;
  }
  return found;
}
