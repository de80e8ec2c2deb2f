/**
 * Every pipeline schedule, keyed by its id. Adding a schedule = one file + one line here; the
 * contract suite (`contract.test.ts`) then runs it.
 */
import type { ScheduleId } from '../layout/types.js';
import { dualPipe } from './dualpipe.js';
import { dualPipeV } from './dualpipev.js';
import { gpipe } from './gpipe.js';
import { interleaved } from './interleaved.js';
import { oneFOneB } from './one-f-one-b.js';
import type { Schedule } from './types.js';
import { zbH1 } from './zb-h1.js';
import { zbH2 } from './zb-h2.js';

export const SCHEDULES = {
  gpipe,
  '1f1b': oneFOneB,
  interleaved,
  'zb-h1': zbH1,
  'zb-h2': zbH2,
  dualpipe: dualPipe,
  dualpipev: dualPipeV,
} as const satisfies Record<ScheduleId, Schedule>;

export function getSchedule(id: ScheduleId): Schedule {
  return SCHEDULES[id];
}
